import "server-only";
import { and, desc, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Database } from "@/db/drivers";
import { conversations, customers, orders } from "@/db/schema";
import { PAID_STATUSES } from "./filters";
import type { AnalyticsRange } from "./range";

export type PeriodTotals = {
  revenueMinor: number;
  paidOrders: number;
  chatsStarted: number;
  newCustomers: number;
};

export type DailyRevenue = { day: string; revenueMinor: number; paidOrders: number };

export type StoreOverview = {
  days: number;
  current: PeriodTotals;
  previous: PeriodTotals;
  daily: DailyRevenue[];
  recentOrders: {
    number: string;
    status: string;
    totalMinor: number;
    currency: string;
    source: string;
    createdAt: Date;
  }[];
};

/** `from <= column < to` */
function within(column: PgColumn, from: Date, to: Date): SQL | undefined {
  return and(gte(column, from), lt(column, to));
}

/** The store whose figures these are; money is summed only in its currency. */
type OverviewStore = { id: string; timezone: string; currency: string };

/**
 * Orders paid in the window in the store's currency — refunded ones too: they were paid, and
 * their revenue is net of what was refunded (docs/ARCHITECTURE.md, "How we count").
 * Paid orders in the store's currency. Amounts in two currencies never add up to anything, and
 * the currency is locked once orders exist (lib/stores/currency-lock.ts), so an order in another
 * currency is an anomaly the totals leave out rather than mislabel.
 */
function paidWithin(store: OverviewStore, from: Date, to: Date): SQL | undefined {
  return and(
    eq(orders.storeId, store.id),
    inArray(orders.status, [...PAID_STATUSES]),
    eq(orders.currency, store.currency),
    within(orders.paidAt, from, to),
  );
}

async function periodTotals(
  db: Database,
  store: OverviewStore,
  from: Date,
  to: Date,
): Promise<PeriodTotals> {
  const [sales] = await db
    .select({
      revenueMinor: sql<string>`coalesce(sum(${orders.totalMinor} - ${orders.refundedMinor}), 0)`,
      paidOrders: sql<number>`count(*)::int`,
    })
    .from(orders)
    .where(paidWithin(store, from, to));
  const storeId = store.id;
  const [chats] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(conversations)
    .where(and(eq(conversations.storeId, storeId), within(conversations.createdAt, from, to)));
  const [newCustomers] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(customers)
    .where(and(eq(customers.storeId, storeId), within(customers.createdAt, from, to)));
  return {
    revenueMinor: Number(sales?.revenueMinor ?? 0),
    paidOrders: sales?.paidOrders ?? 0,
    chatsStarted: chats?.count ?? 0,
    newCustomers: newCustomers?.count ?? 0,
  };
}

/** Paid revenue per calendar day in the store's time zone, with empty days filled in. */
async function dailyRevenue(
  db: Database,
  store: OverviewStore,
  from: Date,
  to: Date,
): Promise<DailyRevenue[]> {
  const { timezone } = store;
  const localDay = sql<string>`to_char(${orders.paidAt} at time zone ${timezone}, 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      day: localDay,
      revenueMinor: sql<string>`sum(${orders.totalMinor} - ${orders.refundedMinor})`,
      paidOrders: sql<number>`count(*)::int`,
    })
    .from(orders)
    .where(paidWithin(store, from, to))
    // By position: the time zone is a bound parameter, so a repeated expression would not match.
    .groupBy(sql`1`);
  const byDay = new Map(rows.map((row) => [row.day, row]));
  const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: timezone });
  const result: DailyRevenue[] = [];
  const seen = new Set<string>();
  // Hourly steps so a day made shorter or longer by a DST change is neither skipped nor doubled.
  for (let t = from.getTime(); t < to.getTime() + 86_400_000; t += 3_600_000) {
    const day = dayFormat.format(new Date(Math.min(t, to.getTime() - 1)));
    if (seen.has(day)) continue;
    seen.add(day);
    const row = byDay.get(day);
    result.push({
      day,
      revenueMinor: Number(row?.revenueMinor ?? 0),
      paidOrders: row?.paidOrders ?? 0,
    });
  }
  return result;
}

/**
 * Everything the dashboard overview shows: for the calendar days of `range` (the page's
 * date range, compared with its previous period), else the last `days` × 24 hours up to `now`.
 */
export async function loadStoreOverview(
  db: Database,
  store: OverviewStore,
  options: {
    days?: number;
    now?: Date;
    range?: Pick<AnalyticsRange, "current" | "previous" | "days">;
  } = {},
): Promise<StoreOverview> {
  const { range } = options;
  const days = range?.days ?? options.days ?? 30;
  const now = range?.current.end ?? options.now ?? new Date();
  const from = range?.current.start ?? new Date(now.getTime() - days * 86_400_000);
  const previousFrom = range?.previous.start ?? new Date(from.getTime() - days * 86_400_000);
  const [current, previous, daily, recentOrders] = await Promise.all([
    periodTotals(db, store, from, now),
    periodTotals(db, store, previousFrom, from),
    dailyRevenue(db, store, from, now),
    db
      .select({
        number: orders.number,
        status: orders.status,
        totalMinor: orders.totalMinor,
        currency: orders.currency,
        source: orders.source,
        createdAt: orders.createdAt,
      })
      .from(orders)
      .where(eq(orders.storeId, store.id))
      .orderBy(desc(orders.createdAt))
      .limit(8),
  ]);
  return { days, current, previous, daily, recentOrders };
}
