import "server-only";
import { and, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { loyaltyAccounts, loyaltyLedger } from "@/db/schema";
import type { KpiRange } from "./kpi-range";
import { loadProgramme } from "./program";
import { LOYALTY_LIMITS } from "./rules";

export type { KpiRange };

export type GroupFigures = {
  /** Distinct paying customers in the period. */
  customers: number;
  /** Of them, those with two or more paid orders (in the period, or ever: see memberOrderGroups). */
  repeatCustomers: number;
  orders: number;
  /** Paid less refunded, minor units. */
  revenueMinor: number;
};

export type LoyaltyKpis = {
  currency: string;
  pointValueMinor: number;
  /** Ledger movements whose row was written in the period. */
  issued: number;
  redeemed: number;
  expired: number;
  /** Reversals of refunded orders and negative adjustments. */
  reversed: number;
  /** Now: points held by accounts with a positive balance, pending ones included. */
  outstanding: number;
  pending: number;
  /** outstanding × point value: what the store owes in discounts if every point is spent. */
  liabilityMinor: number;
  /** Accounts below zero (a reversal of spent points): redemption is blocked for them. */
  negativeAccounts: number;
  members: number;
  membersByTier: Record<string, number>;
  /** Orders paid in the period by members and by everyone else. */
  memberOrders: GroupFigures;
  nonMemberOrders: GroupFigures;
};

/** Points given out (bonuses, earning, positive adjustments). */
const ISSUED = sql.raw(`'signup','earn','first_order','birthday','tier_reward','adjust'`);

const toNumber = (value: unknown) => Number(value ?? 0);

/** A calendar day's first instant in `tz`, computed by the database. */
const dayStart = (day: string, tz: string) => sql`(${day}::date::timestamp at time zone ${tz})`;
const addDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export type LedgerMovements = {
  issued: number;
  redeemed: number;
  expired: number;
  reversed: number;
};

/**
 * Points moved by ledger rows written in `from <= created_at < to`: issued (bonuses, earning,
 * positive adjustments), redeemed net of points returned from refunded or unpaid orders,
 * expired, and reversed (earned points taken back on a refund, negative adjustments).
 * issued − redeemed − expired − reversed is the ledger's net change over the period.
 */
export async function ledgerMovements(
  db: Database,
  storeId: string,
  from: Date | SQL,
  to: Date | SQL,
): Promise<LedgerMovements> {
  const l = loyaltyLedger;
  const [row] = await db
    .select({
      issued: sql`coalesce(sum(${l.delta}) filter (where ${l.delta} > 0 and ${l.reason} in (${ISSUED})), 0)`,
      redeemed: sql`coalesce(-sum(${l.delta}) filter (where ${l.reason} in ('redeem', 'redeem_return')), 0)`,
      expired: sql`coalesce(-sum(${l.delta}) filter (where ${l.reason} = 'expire'), 0)`,
      reversed: sql`coalesce(-sum(${l.delta}) filter (where ${l.reason} = 'reversal' or (${l.reason} = 'adjust' and ${l.delta} < 0)), 0)`,
    })
    .from(l)
    .where(and(eq(l.storeId, storeId), sql`${l.createdAt} >= ${from} and ${l.createdAt} < ${to}`));
  return {
    issued: toNumber(row?.issued),
    redeemed: toNumber(row?.redeemed),
    expired: toNumber(row?.expired),
    reversed: toNumber(row?.reversed),
  };
}

export type PointBalances = {
  /** Points held by accounts with a positive balance, pending ones included. */
  outstanding: number;
  pending: number;
  negativeAccounts: number;
};

/** Balances as they are at `now` (members' accounts and anyone else's alike). */
export async function pointBalances(
  db: Database,
  storeId: string,
  now: Date,
): Promise<PointBalances> {
  const l = loyaltyLedger;
  // A row can only be pending within the longest return window of its writing.
  const pendingSince = new Date(now.getTime() - (LOYALTY_LIMITS.maxPendingDays + 1) * 86_400_000);
  const [row] = await db
    .select({
      outstanding: sql`coalesce(sum(${loyaltyAccounts.balance}) filter (where ${loyaltyAccounts.balance} > 0), 0)`,
      negative: sql`count(*) filter (where ${loyaltyAccounts.balance} < 0)`,
      pending: sql`(select coalesce(sum(${l.delta}), 0) from ${l} where ${l.storeId} = ${storeId} and ${l.createdAt} > ${pendingSince} and ${l.availableAt} > ${now})`,
    })
    .from(loyaltyAccounts)
    .where(eq(loyaltyAccounts.storeId, storeId));
  return {
    outstanding: toNumber(row?.outstanding),
    pending: toNumber(row?.pending),
    negativeAccounts: toNumber(row?.negative),
  };
}

/** Members (joined) by the tier they hold now. */
export async function membersByTierNow(
  db: Database,
  storeId: string,
): Promise<Record<string, number>> {
  const rows = await db
    .select({ tier: loyaltyAccounts.tier, members: sql`count(*)` })
    .from(loyaltyAccounts)
    .where(and(eq(loyaltyAccounts.storeId, storeId), isNotNull(loyaltyAccounts.joinedAt)))
    .groupBy(loyaltyAccounts.tier);
  return Object.fromEntries(rows.map((row) => [row.tier, toNumber(row.members)]));
}

/**
 * Orders paid in `from <= paid_at < to` (paid or refunded; only `currency` when given) by
 * members (joined before `to`) and by everyone else, net of refunds. Repeat customers: of
 * those who paid in the period, the ones with two or more paid orders in the period
 * (`repeatOver: "period"`) or paid before `to` at all (`"ever"`). Orders without a customer
 * count in the others' orders and revenue, not in their customers.
 */
export async function memberOrderGroups(
  db: Database,
  storeId: string,
  from: Date | SQL,
  to: Date | SQL,
  options: { currency?: string; repeatOver: "period" | "ever" },
): Promise<{ members: GroupFigures; others: GroupFigures }> {
  const inCurrency = (alias: string) =>
    options.currency ? sql`and ${sql.raw(alias)}.currency = ${options.currency}` : sql``;
  // "ever": two or more paid orders in the period, or one in it and any paid before it. The
  // earlier order is one index-only probe per single-order customer (orders (store_id,
  // customer_id, paid_at, …)): the cost follows the period's customers, not the store's history.
  const repeat =
    options.repeatOver === "period"
      ? sql`count(*) >= 2`
      : sql`count(*) >= 2 or coalesce((select true from orders p
          where p.store_id = ${storeId} and p.customer_id = o.customer_id
            and p.status in ('paid', 'refunded') ${inCurrency("p")} and p.paid_at < ${from}
          limit 1), false)`;
  // One row: orders are summed per customer first, then membership is looked up once per
  // customer, and the two groups are filters of one aggregate (nothing to sort or spill).
  const result = await db.execute(sql`
    select
      count(customer_id) filter (where is_member) as member_customers,
      count(customer_id) filter (where is_member and is_repeat) as member_repeat_customers,
      coalesce(sum(orders) filter (where is_member), 0) as member_orders,
      coalesce(sum(revenue) filter (where is_member), 0) as member_revenue,
      count(customer_id) filter (where not is_member) as other_customers,
      count(customer_id) filter (where not is_member and is_repeat) as other_repeat_customers,
      coalesce(sum(orders) filter (where not is_member), 0) as other_orders,
      coalesce(sum(revenue) filter (where not is_member), 0) as other_revenue
    from (
      select per_customer.*, coalesce(a.joined_at < ${to}, false) as is_member
      from (
        select o.customer_id,
          count(*) as orders,
          sum(o.total_minor - o.refunded_minor) as revenue,
          ${repeat} as is_repeat
        from orders o
        where o.store_id = ${storeId} and o.status in ('paid', 'refunded') ${inCurrency("o")}
          and o.paid_at >= ${from} and o.paid_at < ${to}
        group by o.customer_id
      ) per_customer
      left join loyalty_accounts a on a.store_id = ${storeId} and a.customer_id = per_customer.customer_id
    ) with_membership`);
  const [row = {}] = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  const group = (prefix: "member" | "other"): GroupFigures => ({
    customers: toNumber(row[`${prefix}_customers`]),
    repeatCustomers: toNumber(row[`${prefix}_repeat_customers`]),
    orders: toNumber(row[`${prefix}_orders`]),
    revenueMinor: toNumber(row[`${prefix}_revenue`]),
  });
  return { members: group("member"), others: group("other") };
}

/**
 * The Loyalty page's figures for one store: one query per group (ledger movements in the
 * period, balances now, members by tier, members' vs non-members' orders in the period).
 * A customer counts as a member for the period when they joined before it ended.
 */
export async function loyaltyKpis(
  db: Database,
  storeId: string,
  range: KpiRange,
  now: Date = new Date(),
): Promise<LoyaltyKpis | null> {
  const programme = await loadProgramme(db, storeId);
  if (!programme) return null;
  const tz = programme.timezone;

  const [from, to] = [dayStart(range.from, tz), dayStart(addDay(range.to), tz)];
  const movementsQuery = ledgerMovements(db, storeId, from, to);
  const balancesQuery = pointBalances(db, storeId, now);
  const tiersQuery = membersByTierNow(db, storeId);

  const ordersQuery = memberOrderGroups(db, storeId, from, to, { repeatOver: "period" });

  const [movements, balances, membersByTier, orderGroups] = await Promise.all([
    movementsQuery,
    balancesQuery,
    tiersQuery,
    ordersQuery,
  ]);
  return {
    currency: programme.currency,
    pointValueMinor: programme.rules.pointValueMinor,
    ...movements,
    ...balances,
    liabilityMinor: balances.outstanding * programme.rules.pointValueMinor,
    members: Object.values(membersByTier).reduce((sum, count) => sum + count, 0),
    membersByTier,
    memberOrders: orderGroups.members,
    nonMemberOrders: orderGroups.others,
  };
}

/** Repeat-purchase rate in percent (0 when nobody bought). */
export function repeatRate(group: GroupFigures): number {
  return group.customers === 0 ? 0 : (group.repeatCustomers * 100) / group.customers;
}
