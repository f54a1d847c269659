import "server-only";
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { type LoyaltyAccount, loyaltyLedger, type LoyaltyReason, orders } from "@/db/schema";
import { nextTier, pointsExpireAt, tierByKey } from "./calculate";
import { accountBalances, findAccount, recentLedgerRows } from "./ledger";
import { loadProgramme, type Programme } from "./program";
import type { Tier } from "./rules";
import { twelveMonthSpend } from "./spend";

export type PointsHistoryEntry = {
  delta: number;
  reason: LoyaltyReason;
  orderNumber: string | null;
  at: Date;
};

/** What a member sees of their points (the chat's "My points"). */
export type PointsSummary = {
  programme: Programme;
  account: LoyaltyAccount;
  balance: number;
  available: number;
  pending: number;
  /** The first pending points to become available, and when. */
  nextPending: { points: number; at: Date } | null;
  tier: Tier;
  next: { tier: Tier; neededMinor: number } | null;
  /** Available points expire together, N months after the last earn or redeem. */
  expiring: { points: number; at: Date } | null;
  recent: PointsHistoryEntry[];
};

async function firstPending(
  db: Database,
  storeId: string,
  accountId: string,
  now: Date,
): Promise<PointsSummary["nextPending"]> {
  const [row] = await db
    .select({
      at: loyaltyLedger.availableAt,
      points: sql<string>`sum(${loyaltyLedger.delta})`,
    })
    .from(loyaltyLedger)
    .where(
      and(
        eq(loyaltyLedger.storeId, storeId),
        eq(loyaltyLedger.accountId, accountId),
        gt(loyaltyLedger.availableAt, now),
      ),
    )
    .groupBy(loyaltyLedger.availableAt)
    .orderBy(asc(loyaltyLedger.availableAt))
    .limit(1);
  const points = Number(row?.points ?? 0);
  return row && points > 0 ? { points, at: row.at } : null;
}

async function history(
  db: Database,
  storeId: string,
  accountId: string,
  size: number,
): Promise<PointsHistoryEntry[]> {
  const rows = await recentLedgerRows(db, storeId, accountId, size);
  const orderIds = [...new Set(rows.flatMap((row) => row.orderId ?? []))];
  const numbers = new Map(
    orderIds.length === 0
      ? []
      : (
          await db
            .select({ id: orders.id, number: orders.number })
            .from(orders)
            .where(and(eq(orders.storeId, storeId), inArray(orders.id, orderIds)))
        ).map((order) => [order.id, order.number]),
  );
  return rows.map((row) => ({
    delta: row.delta,
    reason: row.reason,
    orderNumber: row.orderId ? (numbers.get(row.orderId) ?? null) : null,
    at: row.createdAt,
  }));
}

/**
 * A member's points at `now`: available and pending balances, tier and the spend to the next
 * one, when the available points expire, and the last changes. Null when the programme is
 * off or the customer has not joined.
 */
export async function pointsSummary(
  db: Database,
  input: { storeId: string; customerId: string; now: Date; historySize?: number },
): Promise<PointsSummary | null> {
  const { storeId, customerId, now } = input;
  const programme = await loadProgramme(db, storeId);
  if (!programme?.enabled) return null;
  const account = await findAccount(db, storeId, customerId);
  if (!account?.joinedAt) return null;
  const { rules } = programme;
  const [balances, nextPending, spend, recent] = await Promise.all([
    accountBalances(db, account, now),
    firstPending(db, storeId, account.id, now),
    twelveMonthSpend(db, storeId, customerId, now),
    history(db, storeId, account.id, input.historySize ?? 5),
  ]);
  const tier = tierByKey(account.tier, rules.tiers);
  const expiresAt = pointsExpireAt(account.lastActivityAt, rules);
  return {
    programme,
    account,
    ...balances,
    nextPending,
    tier,
    next: nextTier(spend, tier, rules.tiers),
    expiring:
      expiresAt && balances.available > 0 ? { points: balances.available, at: expiresAt } : null,
    recent,
  };
}
