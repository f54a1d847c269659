import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { customers, orders } from "@/db/schema";
import { inWindow, toNumber } from "./filters";
import { addDays, type AnalyticsRange, type AnalyticsWindow, localDay, rangeOfDays } from "./range";
import { activityDaysCte, withRollupDays } from "./rollup/read";
import type { AnalyticsStore } from "./store";

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

/**
 * Orders paid in the window in the store's currency — refunded ones too: they were paid, and
 * their revenue is net of what was refunded (docs/ARCHITECTURE.md, "How we count"). Amounts
 * in two currencies never add up to anything, and the currency is locked once orders exist
 * (lib/stores/currency-lock.ts), so an order in another currency is an anomaly the totals
 * leave out rather than mislabel. Revenue and chats come from the daily rollups.
 */
async function periodTotals(
  db: Database,
  store: AnalyticsStore,
  window: AnalyticsWindow,
): Promise<PeriodTotals> {
  const result = await db.execute(sql`
    with ${withRollupDays(store, window)}, ${activityDaysCte(store, window)}
    select
      coalesce(sum(revenue_minor) filter (where currency = ${store.currency}), 0) as revenue,
      coalesce(sum(paid_orders) filter (where currency = ${store.currency}), 0) as paid_orders,
      coalesce(sum(chats), 0) as chats,
      (select count(*) from ${customers} where ${and(
        eq(customers.storeId, store.id),
        inWindow(customers.createdAt, window),
      )}) as new_customers
    from activity_days`);
  const [row] = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  return {
    revenueMinor: toNumber(row?.revenue),
    paidOrders: toNumber(row?.paid_orders),
    chatsStarted: toNumber(row?.chats),
    newCustomers: toNumber(row?.new_customers),
  };
}

/** Paid revenue per calendar day in the store's time zone, with empty days filled in. */
async function dailyRevenue(
  db: Database,
  store: AnalyticsStore,
  window: AnalyticsWindow,
): Promise<DailyRevenue[]> {
  const result = await db.execute(sql`
    with ${withRollupDays(store, window)}, ${activityDaysCte(store, window)}
    select to_char(day, 'YYYY-MM-DD') as day, sum(revenue_minor) as revenue,
      sum(paid_orders) as paid_orders
    from activity_days
    where currency = ${store.currency} and paid_orders > 0
    group by 1`);
  const byDay = new Map(
    (
      result as unknown as { rows: { day: string; revenue: unknown; paid_orders: unknown }[] }
    ).rows.map((row) => [row.day, row]),
  );
  const days: DailyRevenue[] = [];
  for (let day = window.from; day <= window.to; day = addDays(day, 1)) {
    const row = byDay.get(day);
    days.push({
      day,
      revenueMinor: toNumber(row?.revenue),
      paidOrders: toNumber(row?.paid_orders),
    });
  }
  return days;
}

/**
 * Everything the dashboard overview shows: for the calendar days of `range` (the page's
 * date range, compared with its previous period), else the last `days` calendar days up to
 * `now`'s in the store's time zone.
 */
export async function loadStoreOverview(
  db: Database,
  store: AnalyticsStore,
  options: {
    days?: number;
    now?: Date;
    range?: Pick<AnalyticsRange, "current" | "previous" | "days">;
  } = {},
): Promise<StoreOverview> {
  const days = options.days ?? 30;
  const today = localDay(store.timezone, options.now ?? new Date());
  const range =
    options.range ?? rangeOfDays({ from: addDays(today, 1 - days), to: today }, store.timezone);
  const [current, previous, daily, recentOrders] = await Promise.all([
    periodTotals(db, store, range.current),
    periodTotals(db, store, range.previous),
    dailyRevenue(db, store, range.current),
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
  return { days: range.days, current, previous, daily, recentOrders };
}
