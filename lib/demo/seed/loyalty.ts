import "server-only";
import type { LoyaltyAccount, LoyaltyLedgerRow, LoyaltyProgram } from "@/db/schema";
import { pointsExpireAt } from "@/lib/loyalty/calculate";
import { LOYALTY_DISCOUNT_KIND, POINTS_HOLD_HOURS } from "@/lib/loyalty/redeem";
import { defaultLoyaltyRules, type LoyaltyRules } from "@/lib/loyalty/rules";
import type { DemoHistory } from "./history";
import {
  type Adjustment,
  expiryOf,
  refundOf,
  type Simulated,
  simulateMember,
} from "./loyalty-member";
import type { DemoOrderIds } from "./orders";
import type { PlannedPayment } from "./payments";
import type { Rng } from "./random";

export const DEMO_PROGRAMME_NAME = "Kyoto Tea Points";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The yen defaults, with a 7-day return window (so recent orders' points are pending) and
 * points lapsing after 2 months without activity: with the 12-month default nothing could
 * expire within the demo's 90 days.
 */
export function demoLoyaltyRules(): LoyaltyRules {
  return { ...defaultLoyaltyRules("JPY"), pendingDays: 7, expiryMonths: 2 };
}

export type DemoLoyaltyRows = {
  programme: LoyaltyProgram;
  accounts: LoyaltyAccount[];
  ledger: LoyaltyLedgerRow[];
};

type Membership = { customer: number; invitedAt: Date | null; joinedAt: Date | null };

/** The customers asked to join (after their first paid order) or who joined by keyword. */
function planMemberships(
  rng: Rng,
  history: DemoHistory,
  payments: readonly PlannedPayment[],
  now: Date,
) {
  const firstPaid = new Map<number, PlannedPayment>();
  const paidCount = new Map<number, number>();
  for (const payment of payments) {
    const { customer, paidAt } = payment.order;
    if (!paidAt) continue;
    if (!firstPaid.has(customer)) firstPaid.set(customer, payment);
    paidCount.set(customer, (paidCount.get(customer) ?? 0) + 1);
  }
  const memberships: Membership[] = [];
  for (const [customer, first] of [...firstPaid].sort(([a], [b]) => a - b)) {
    const { optedInAt } = history.customers[customer]!;
    if (!optedInAt) continue;
    const pick = rng.fork(`customer:${customer}`);
    const joins = pick.chance(paidCount.get(customer)! > 1 ? 0.85 : 0.5);
    if (joins && pick.chance(0.3)) {
      // Sent "points" in the chat before ordering.
      memberships.push({
        customer,
        invitedAt: null,
        joinedAt: new Date(first.order.createdAt.getTime() - MINUTE),
      });
      continue;
    }
    const invitedAt = new Date(
      Math.max(first.order.paidAt!.getTime(), optedInAt.getTime()) + MINUTE,
    );
    if (invitedAt >= now) continue;
    const joinedAt = new Date(invitedAt.getTime() + pick.int(1, 20) * MINUTE);
    memberships.push({ customer, invitedAt, joinedAt: joins && joinedAt < now ? joinedAt : null });
  }
  return memberships;
}

export type DemoLoyaltyPlan = {
  rules: LoyaltyRules;
  memberships: Membership[];
  members: Map<number, Simulated>;
};

/**
 * The demo's programme and its members: about half of the opted-in buyers joined, most of
 * the rest were asked and did not. Members who let their points lapse are left out but
 * one, whose points expired: each member's points were either expired by tick or are
 * still due to, never silently overdue. One member got an owner's goodwill adjustment.
 */
export function planDemoLoyalty(
  rng: Rng,
  history: DemoHistory,
  payments: readonly PlannedPayment[],
  now: Date,
): DemoLoyaltyPlan {
  const rules = demoLoyaltyRules();
  const paymentsOf = new Map<number, PlannedPayment[]>();
  for (const payment of payments) {
    const own = paymentsOf.get(payment.order.customer) ?? [];
    own.push(payment);
    paymentsOf.set(payment.order.customer, own);
  }
  const memberships = planMemberships(rng.fork("memberships"), history, payments, now);
  const simulate = (membership: Membership, adjustment: Adjustment | null = null) =>
    simulateMember(
      rng.fork(`member:${membership.customer}`),
      rules,
      membership.joinedAt!,
      paymentsOf.get(membership.customer) ?? [],
      adjustment,
    );
  const members = new Map<number, Simulated>();
  let lapsed = false;
  for (const membership of memberships) {
    if (!membership.joinedAt) continue;
    const member = simulate(membership);
    if (expiryOf(rules, member, now)) {
      if (lapsed) {
        // Asked, but did not join after all.
        membership.invitedAt ??= membership.joinedAt;
        membership.joinedAt = null;
        continue;
      }
      lapsed = true;
      const expiry = expiryOf(rules, member, now)!;
      member.entries.push({
        delta: -expiry.points,
        reason: "expire",
        orderIndex: null,
        // The expiry job's key: the last activity the points lapsed after.
        causeKey: `expire:{account}:${member.lastActivityAt.toISOString()}`,
        createdAt: expiry.at,
        availableAt: expiry.at,
        note: null,
      });
    }
    members.set(membership.customer, member);
  }

  // The owner's goodwill for a parcel that took long, to a member whose points are not due.
  const late = [...members]
    .filter(([, member]) => (pointsExpireAt(member.lastActivityAt, rules) ?? now) >= now)
    .flatMap(([customer]) =>
      (paymentsOf.get(customer) ?? [])
        .filter(
          (payment) =>
            payment.deliveredAt &&
            payment.order.paidAt! > memberships.find((m) => m.customer === customer)!.joinedAt!,
        )
        .map((payment) => ({ customer, deliveredAt: payment.deliveredAt! })),
    );
  if (late.length > 0) {
    const { customer, deliveredAt } = rng.fork("adjustment").pick(late);
    const at = new Date(Math.min(deliveredAt.getTime() + 2 * HOUR, now.getTime() - MINUTE));
    const membership = memberships.find((m) => m.customer === customer)!;
    members.set(
      customer,
      simulate(membership, {
        at,
        points: 300,
        note: "Sorry your parcel took longer than promised",
      }),
    );
  }
  return { rules, memberships, members };
}

/**
 * Writes the plan into the orders (the loyalty discount line, the reduced total, the hold,
 * the refund of what was charged) and returns the programme, account and ledger rows, each
 * account's balance being the sum of its rows.
 */
export function demoLoyaltyRows(
  plan: DemoLoyaltyPlan,
  payments: readonly PlannedPayment[],
  ids: DemoOrderIds,
  now: Date,
): DemoLoyaltyRows {
  const { storeId } = ids;
  const paymentAt = new Map(payments.map((payment) => [payment.orderIndex, payment]));
  const accounts: LoyaltyAccount[] = [];
  const ledger: LoyaltyLedgerRow[] = [];
  for (const membership of plan.memberships) {
    const customerId = ids.customerIds[membership.customer]!;
    const accountId = ids.newId("loyalty-account", membership.customer);
    const member = plan.members.get(membership.customer);
    const createdAt = [membership.invitedAt, membership.joinedAt]
      .filter((at): at is Date => at !== null)
      .reduce((first, at) => (at < first ? at : first));
    const entries = member?.entries ?? [];
    const rows = entries.map((entry): LoyaltyLedgerRow => {
      const orderId = entry.orderIndex === null ? null : ids.orderIds[entry.orderIndex]!;
      const causeKey = entry.causeKey
        .replace("{order}", orderId ?? "")
        .replace("{account}", accountId)
        .replace("{adjustment}", ids.newId("loyalty-adjustment", membership.customer));
      return {
        id: ids.newId("loyalty-ledger", causeKey),
        storeId,
        accountId,
        customerId,
        delta: entry.delta,
        reason: entry.reason,
        orderId,
        causeKey,
        availableAt: entry.availableAt,
        adjustedBy: entry.reason === "adjust" ? ids.ownerId : null,
        note: entry.note,
        createdAt: entry.createdAt,
      };
    });
    for (const row of rows) {
      if (row.reason !== "redeem") continue;
      const payment = paymentAt.get(ids.orderIds.indexOf(row.orderId!))!;
      applyRedemption(payment, -row.delta, row.id);
    }
    ledger.push(...rows);
    accounts.push({
      id: accountId,
      storeId,
      customerId,
      invitedAt: membership.invitedAt,
      joinedAt: membership.joinedAt,
      balance: rows.reduce((sum, row) => sum + row.delta, 0),
      tier: member?.tier ?? "member",
      tierReviewAt: member?.tierReviewAt ?? null,
      lastActivityAt: member?.lastActivityAt ?? null,
      birthdayMonth: null,
      birthdayDay: null,
      createdAt,
      updatedAt: rows.reduce(
        (last, row) => (row.createdAt > last ? row.createdAt : last),
        createdAt,
      ),
    });
  }
  const firstAt = accounts.reduce(
    (first, row) => (row.createdAt < first ? row.createdAt : first),
    now,
  );
  const programmeAt = new Date(firstAt.getTime() - 2 * HOUR);
  return {
    programme: {
      storeId,
      enabled: true,
      name: DEMO_PROGRAMME_NAME,
      rules: plan.rules,
      updatedBy: ids.ownerId,
      createdAt: programmeAt,
      updatedAt: programmeAt,
    },
    accounts,
    ledger,
  };
}

/** What redeemOnOrder leaves on an order: the discount line, the reduced total, the hold. */
function applyRedemption(payment: PlannedPayment, points: number, ledgerRowId: string) {
  const { order } = payment;
  const discountMinor = points * demoLoyaltyRules().pointValueMinor;
  order.pointsRedeemed = points;
  order.discountMinor = discountMinor;
  order.totalMinor = order.subtotalMinor - discountMinor;
  order.discountLines = [
    {
      kind: LOYALTY_DISCOUNT_KIND,
      label: DEMO_PROGRAMME_NAME,
      amountMinor: discountMinor,
      reference: ledgerRowId,
    },
  ];
  order.expiresAt = new Date(order.createdAt.getTime() + POINTS_HOLD_HOURS * HOUR);
  const refund = refundOf(payment, order.totalMinor);
  if (refund && payment.refund) payment.refund.amountMinor = refund.amountMinor;
}
