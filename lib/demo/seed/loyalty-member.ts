import "server-only";
import type { LoyaltyReason } from "@/db/schema";
import {
  addMonths,
  earnAvailableAt,
  pointsExpireAt,
  pointsForPayment,
  proportionalShare,
  redemptionOffer,
  tierByKey,
  tierForSpend,
} from "@/lib/loyalty/calculate";
import type { LoyaltyRules } from "@/lib/loyalty/rules";
import { POINTS_HOLD_HOURS } from "@/lib/loyalty/redeem";
import type { PlannedPayment } from "./payments";
import type { Rng } from "./random";

const HOUR = 3_600_000;

export type Adjustment = { at: Date; points: number; note: string };
/** A ledger row to be: `{order}` and `{account}` in its cause key become ids. */
export type Entry = {
  delta: number;
  reason: LoyaltyReason;
  orderIndex: number | null;
  causeKey: string;
  createdAt: Date;
  availableAt: Date;
  note: string | null;
};
export type Simulated = {
  entries: Entry[];
  tier: string;
  tierReviewAt: Date | null;
  lastActivityAt: Date;
};

const ACTIVITY: ReadonlySet<LoyaltyReason> = new Set(["signup", "earn", "redeem"]);

/** Balance and available points at `at`, as lib/loyalty/ledger.ts accountBalances reads them. */
export function balancesAt(entries: readonly Entry[], at: Date) {
  let balance = 0;
  let pending = 0;
  for (const entry of entries) {
    if (entry.createdAt > at) continue;
    balance += entry.delta;
    if (entry.availableAt > at) pending += entry.delta;
  }
  return { balance, available: balance - Math.max(0, pending) };
}

/** A refund's amount once points paid part of the order (planned on the full price). */
export function refundOf(payment: PlannedPayment, totalMinor: number) {
  const { refund } = payment;
  if (!refund) return null;
  const amountMinor = refund.full ? totalMinor : Math.min(refund.amountMinor, totalMinor - 1);
  return { at: refund.refundedAt, amountMinor };
}

/**
 * One member's history as lib/loyalty would have written it, event by event: the joining
 * bonus, a redemption when asking to pay (sometimes), earning at the tier held when paying
 * and moving up at once, reversals and returns on refunds, an owner's adjustment. Pure:
 * the orders are changed only once the members are settled (applyRedemptions).
 */
export function simulateMember(
  rng: Rng,
  rules: LoyaltyRules,
  joinedAt: Date,
  own: readonly PlannedPayment[],
  adjustment: Adjustment | null,
): Simulated {
  type Event = { at: Date; rank: number; run: () => void };
  const entries: Entry[] = [];
  /** Points redeemed per order. */
  const redemptions = new Map<number, number>();
  const earned = new Map<number, Entry>();
  const totals = new Map(own.map(({ orderIndex, order }) => [orderIndex, order.totalMinor]));
  let tier = tierByKey("member", rules.tiers);
  let tierReviewAt: Date | null = null;
  const post = (entry: Omit<Entry, "note" | "availableAt"> & Partial<Entry>) => {
    const row: Entry = { note: null, availableAt: entry.createdAt, ...entry };
    entries.push(row);
    return row;
  };
  const signup = { reason: "signup", orderIndex: null, causeKey: "signup:{account}" } as const;
  const events: Event[] = [
    {
      at: joinedAt,
      rank: 0,
      run: () => post({ ...signup, delta: rules.signupBonus, createdAt: joinedAt }),
    },
  ];
  // What twelveMonthSpend reads at `at`: payments less the refunds made by then.
  const spendAt = (at: Date) =>
    own.reduce((sum, payment) => {
      if (!payment.order.paidAt || payment.order.paidAt > at) return sum;
      const total = totals.get(payment.orderIndex)!;
      const refund = refundOf(payment, total);
      return sum + total - (refund && refund.at <= at ? refund.amountMinor : 0);
    }, 0);

  for (const payment of own) {
    const { order, orderIndex: i } = payment;
    const paidAt = order.paidAt;
    if (!paidAt || paidAt < joinedAt) continue;
    const onOrder = { orderIndex: i } as const;
    const pick = rng.fork(`order:${i}`);
    if (order.createdAt >= joinedAt) {
      events.push({
        at: order.createdAt,
        rank: 1,
        run: () => {
          const { balance, available } = balancesAt(entries, order.createdAt);
          const offer = balance >= 0 ? redemptionOffer(available, order.totalMinor, rules) : null;
          // Points are held for POINTS_HOLD_HOURS: an order paid later (after a recovery
          // reminder) did not use them.
          const held = paidAt.getTime() - order.createdAt.getTime() <= POINTS_HOLD_HOURS * HOUR;
          if (!offer || !held || !pick.chance(0.45)) return;
          post({
            ...onOrder,
            delta: -offer.points,
            reason: "redeem",
            causeKey: "redeem:{order}",
            createdAt: order.createdAt,
          });
          redemptions.set(i, offer.points);
          totals.set(i, order.totalMinor - offer.discountMinor);
        },
      });
    }
    events.push({
      at: paidAt,
      rank: 2,
      run: () => {
        const points = pointsForPayment(totals.get(i)!, rules, tier);
        if (points > 0) {
          const availableAt = earnAvailableAt(paidAt, rules);
          const earn = post({
            ...onOrder,
            delta: points,
            reason: "earn",
            causeKey: "earn:{order}",
            createdAt: paidAt,
            availableAt,
          });
          earned.set(i, earn);
        }
        const reached = tierForSpend(spendAt(paidAt), rules.tiers);
        if (reached.thresholdMinor > tier.thresholdMinor) {
          tier = reached;
          tierReviewAt = addMonths(paidAt, 12);
        }
      },
    });
    if (payment.refund) {
      events.push({
        at: payment.refund.refundedAt,
        rank: 3,
        run: () => {
          const total = totals.get(i)!;
          const { at, amountMinor: level } = refundOf(payment, total)!;
          const earn = earned.get(i);
          const reverse = proportionalShare(earn?.delta ?? 0, level, total);
          if (earn && reverse > 0) {
            const availableAt = earn.availableAt > at ? earn.availableAt : at;
            post({
              ...onOrder,
              delta: -reverse,
              reason: "reversal",
              causeKey: `reversal:{order}:${level}`,
              createdAt: at,
              availableAt,
            });
          }
          const giveBack = proportionalShare(redemptions.get(i) ?? 0, level, total);
          if (giveBack > 0) {
            post({
              ...onOrder,
              delta: giveBack,
              reason: "redeem_return",
              causeKey: `redeem_return:{order}:${level}`,
              createdAt: at,
            });
          }
        },
      });
    }
  }
  if (adjustment) {
    events.push({
      at: adjustment.at,
      rank: 4,
      run: () =>
        post({
          delta: adjustment.points,
          reason: "adjust",
          orderIndex: null,
          causeKey: "adjust:{adjustment}",
          createdAt: adjustment.at,
          note: adjustment.note,
        }),
    });
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime() || a.rank - b.rank);
  for (const event of events) event.run();
  const lastActivityAt = entries
    .filter((entry) => ACTIVITY.has(entry.reason))
    .reduce((last, entry) => (entry.createdAt > last ? entry.createdAt : last), joinedAt);
  return { entries, tier: tier.key, tierReviewAt, lastActivityAt };
}

/** When the hourly tick expires a member's available points, if it has by `now`. */
export function expiryOf(rules: LoyaltyRules, member: Simulated, now: Date) {
  const due = pointsExpireAt(member.lastActivityAt, rules);
  if (!due) return null;
  const at = new Date(Math.ceil(due.getTime() / HOUR) * HOUR);
  if (at > now) return null;
  const { available } = balancesAt(member.entries, at);
  return available > 0 ? { at, points: available } : null;
}
