import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { loyaltyAccounts, loyaltyLedger, type LoyaltyReason, type Order } from "@/db/schema";
import {
  addMonths,
  earnAvailableAt,
  pointsForPayment,
  proportionalShare,
  tierByKey,
  tierForSpend,
} from "./calculate";
import { accountBalances, type Balances, lockAccount, postLedgerEntry } from "./ledger";
import { loadProgramme } from "./program";
import type { Tier } from "./rules";
import { twelveMonthSpend } from "./spend";

export type EarnResult = {
  earned: number;
  /** Set when the earned points are pending until then. */
  pendingUntil: Date | null;
  bonus: number;
  balances: Balances;
  /** Set once, by the payment that moved the member up. */
  tierChange: { from: Tier; to: Tier } | null;
};

/**
 * A paid order's points, in the transaction that marks it paid (lib/payments). Members
 * only, and only when the programme is on; a replayed payment finds `earn:<order>` taken
 * and changes nothing. Earns at the tier held when paying; a payment that lifts the 12-month
 * spend over a threshold moves the member up at once (and grants that tier's reward, once a
 * year), and the review date moves a year on.
 */
export async function earnForPaidOrder(
  tx: Database,
  order: Pick<Order, "id" | "storeId" | "customerId" | "totalMinor" | "paidAt">,
  now: Date,
): Promise<EarnResult | null> {
  if (!order.customerId) return null;
  const programme = await loadProgramme(tx, order.storeId);
  if (!programme?.enabled) return null;
  const account = await lockAccount(tx, order.storeId, order.customerId);
  if (!account?.joinedAt) return null;

  const { rules } = programme;
  const paidAt = order.paidAt ?? now;
  const heldTier = tierByKey(account.tier, rules.tiers);
  const earned = pointsForPayment(order.totalMinor, rules, heldTier);
  const availableAt = earnAvailableAt(paidAt, rules);
  const earnRow =
    earned > 0
      ? await postLedgerEntry(tx, {
          storeId: order.storeId,
          account,
          delta: earned,
          reason: "earn",
          causeKey: `earn:${order.id}`,
          orderId: order.id,
          availableAt,
          now,
        })
      : null;
  if (earned > 0 && !earnRow) return null;

  let bonus = 0;
  if (rules.firstOrderBonus > 0) {
    const row = await postLedgerEntry(tx, {
      storeId: order.storeId,
      account,
      delta: rules.firstOrderBonus,
      reason: "first_order",
      causeKey: `first_order:${account.id}`,
      orderId: order.id,
      now,
    });
    if (row) bonus += row.delta;
  }

  const spend = await twelveMonthSpend(tx, order.storeId, order.customerId, now);
  const reached = tierForSpend(spend, rules.tiers);
  let tierChange: EarnResult["tierChange"] = null;
  if (reached.thresholdMinor > heldTier.thresholdMinor) {
    tierChange = { from: heldTier, to: reached };
    await setTier(tx, account.id, reached.key, addMonths(now, 12), now);
    bonus += await grantTierReward(tx, { storeId: order.storeId, account, tier: reached, now });
  }

  const fresh = await lockAccount(tx, order.storeId, order.customerId);
  return {
    earned,
    pendingUntil: availableAt > now ? availableAt : null,
    bonus,
    balances: await accountBalances(tx, fresh!, now),
    tierChange,
  };
}

async function setTier(tx: Database, accountId: string, tier: string, reviewAt: Date, now: Date) {
  await tx
    .update(loyaltyAccounts)
    .set({ tier, tierReviewAt: reviewAt, updatedAt: now })
    .where(eq(loyaltyAccounts.id, accountId));
}

/** A tier's one-off reward, once per tier per (UTC) year; returns the points granted. */
export async function grantTierReward(
  tx: Database,
  input: {
    storeId: string;
    account: { id: string; customerId: string };
    tier: Tier;
    now: Date;
  },
): Promise<number> {
  if (input.tier.rewardPoints <= 0) return 0;
  const row = await postLedgerEntry(tx, {
    storeId: input.storeId,
    account: input.account,
    delta: input.tier.rewardPoints,
    reason: "tier_reward",
    causeKey: `tier_reward:${input.account.id}:${input.tier.key}:${input.now.getUTCFullYear()}`,
    now: input.now,
  });
  return row?.delta ?? 0;
}

/** Sum of an order's ledger rows per reason. */
async function orderSums(
  tx: Database,
  storeId: string,
  orderId: string,
  reasons: LoyaltyReason[],
): Promise<Map<LoyaltyReason, { sum: number; latestAvailableAt: Date | null }>> {
  const rows = await tx
    .select({
      reason: loyaltyLedger.reason,
      sum: sql<string>`sum(${loyaltyLedger.delta})`,
      latestAvailableAt: sql<Date | string | null>`max(${loyaltyLedger.availableAt})`,
    })
    .from(loyaltyLedger)
    .where(
      and(
        eq(loyaltyLedger.storeId, storeId),
        eq(loyaltyLedger.orderId, orderId),
        inArray(loyaltyLedger.reason, reasons),
      ),
    )
    .groupBy(loyaltyLedger.reason);
  return new Map(
    rows.map((row) => [
      row.reason,
      {
        sum: Number(row.sum),
        latestAvailableAt: row.latestAvailableAt ? new Date(row.latestAvailableAt) : null,
      },
    ]),
  );
}

export type RefundPointsResult = { reversed: number; returned: number };

/**
 * After Stripe confirms refunds totalling `order.refundedMinor` (cumulative), in that
 * transaction: the earned points are reversed and the redeemed points returned in
 * proportion. Computed against what was already reversed/returned, so replays and any split
 * of refunds add up to at most what was earned (redeemed), and exactly that on a full
 * refund. Reversing points still pending stays pending until the same date. A reversal may
 * take the balance below zero (the points were spent); redemption then waits.
 */
export async function applyRefundToPoints(
  tx: Database,
  order: Pick<Order, "id" | "storeId" | "customerId" | "totalMinor" | "refundedMinor">,
  now: Date,
): Promise<RefundPointsResult> {
  const none = { reversed: 0, returned: 0 };
  if (!order.customerId || order.refundedMinor <= 0) return none;
  const account = await lockAccount(tx, order.storeId, order.customerId);
  if (!account) return none;
  const sums = await orderSums(tx, order.storeId, order.id, [
    "earn",
    "reversal",
    "redeem",
    "redeem_return",
  ]);
  const earn = sums.get("earn");
  const earned = earn?.sum ?? 0;
  const reversedSoFar = -(sums.get("reversal")?.sum ?? 0);
  const redeemed = -(sums.get("redeem")?.sum ?? 0);
  const returnedSoFar = sums.get("redeem_return")?.sum ?? 0;
  // Shares of what Stripe charged: refunding half the charge reverses half of each.
  const level = order.refundedMinor;
  const reverse = proportionalShare(earned, level, order.totalMinor) - reversedSoFar;
  const giveBack = proportionalShare(redeemed, level, order.totalMinor) - returnedSoFar;

  const stillPending = earn?.latestAvailableAt && earn.latestAvailableAt > now;
  const reversal =
    reverse > 0
      ? await postLedgerEntry(tx, {
          storeId: order.storeId,
          account,
          delta: -reverse,
          reason: "reversal",
          causeKey: `reversal:${order.id}:${level}`,
          orderId: order.id,
          availableAt: stillPending ? earn.latestAvailableAt! : now,
          now,
        })
      : null;
  const returned =
    giveBack > 0
      ? await postLedgerEntry(tx, {
          storeId: order.storeId,
          account,
          delta: giveBack,
          reason: "redeem_return",
          causeKey: `redeem_return:${order.id}:${level}`,
          orderId: order.id,
          now,
        })
      : null;
  return { reversed: -(reversal?.delta ?? 0), returned: returned?.delta ?? 0 };
}

/**
 * A pending order that will never be paid (cancelled, or expired by tick) gives back the
 * points redeemed on it, once. Call in the transaction that cancels it.
 */
export async function returnRedeemedPoints(
  tx: Database,
  order: Pick<Order, "id" | "storeId" | "customerId">,
  now: Date,
): Promise<number> {
  if (!order.customerId) return 0;
  const account = await lockAccount(tx, order.storeId, order.customerId);
  if (!account) return 0;
  const sums = await orderSums(tx, order.storeId, order.id, ["redeem", "redeem_return"]);
  const owed = -(sums.get("redeem")?.sum ?? 0) - (sums.get("redeem_return")?.sum ?? 0);
  if (owed <= 0) return 0;
  const row = await postLedgerEntry(tx, {
    storeId: order.storeId,
    account,
    delta: owed,
    reason: "redeem_return",
    causeKey: `redeem_return:${order.id}:unpaid`,
    orderId: order.id,
    now,
  });
  return row?.delta ?? 0;
}
