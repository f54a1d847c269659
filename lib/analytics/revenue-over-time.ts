import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { sourceRank } from "./conversions";
import { toNumber } from "./filters";
import { addDays, type AnalyticsWindow } from "./range";
import { activityDaysCte, withRollupDays } from "./rollup/read";
import type { AnalyticsStore } from "./store";

export type RevenueBucketSize = "day" | "week";

export type RevenueBucket = {
  /** The bucket's first local day: the day, or the week's Monday (never before window.from). */
  from: string;
  /** Its last local day: the day, or the week's Sunday (never after window.to). */
  to: string;
  /** Net revenue (total − refunded) of the orders paid in the bucket, in minor units. */
  revenueMinor: number;
  paidOrders: number;
  /** Net revenue per source; every key of `sources` is present, zeros included. */
  bySource: Record<string, number>;
};

export type RevenueOverTime = {
  bucket: RevenueBucketSize;
  /** Sources with a paid order in the window (all printed QR codes as one `qr`), in SOURCE_ORDER. */
  sources: string[];
  /** Every bucket of the window in order, empty ones filled with zeros. */
  buckets: RevenueBucket[];
};

/** The Monday of the ISO week `day` falls in. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** The window's buckets, first day to last, each clipped to the window. */
function emptyBuckets(
  window: AnalyticsWindow,
  size: RevenueBucketSize,
): Map<string, RevenueBucket> {
  const buckets = new Map<string, RevenueBucket>();
  for (let day = window.from; day <= window.to; day = addDays(day, 1)) {
    const key = size === "week" ? mondayOf(day) : day;
    const bucket = buckets.get(key);
    if (bucket) bucket.to = day;
    else buckets.set(key, { from: day, to: day, revenueMinor: 0, paidOrders: 0, bySource: {} });
  }
  return buckets;
}

/**
 * Net revenue per local day (or ISO week, Monday first) of the window, stacked by source.
 * Days are the store's calendar days (`at time zone`), so a DST change makes a day 23 or 25
 * hours long and never moves an order into the wrong day. A refund reduces the bucket the
 * order was paid in.
 */
export async function revenueOverTime(
  db: Database,
  store: AnalyticsStore,
  window: AnalyticsWindow,
  bucket: RevenueBucketSize = "day",
): Promise<RevenueOverTime> {
  const result = await db.execute(sql`
    with ${withRollupDays(store, window)}, ${activityDaysCte(store, window)}
    select to_char(day, 'YYYY-MM-DD') as day, source, sum(paid_orders) as paid_orders,
      sum(revenue_minor) as revenue
    from activity_days
    where currency = ${store.currency} and paid_orders > 0
    group by 1, 2`);
  const rows = (
    result as unknown as {
      rows: { day: string; source: string; paid_orders: unknown; revenue: unknown }[];
    }
  ).rows.map((row) => ({
    bucket: bucket === "week" ? mondayOf(row.day) : row.day,
    source: row.source,
    paidOrders: toNumber(row.paid_orders),
    revenueMinor: toNumber(row.revenue),
  }));

  const buckets = emptyBuckets(window, bucket);
  const sources = [...new Set(rows.map((row) => row.source))].sort(
    (a, b) => sourceRank(a) - sourceRank(b) || a.localeCompare(b),
  );
  for (const entry of buckets.values())
    entry.bySource = Object.fromEntries(sources.map((source) => [source, 0]));
  for (const row of rows) {
    const entry = buckets.get(row.bucket);
    // Cannot happen: the window's instants are exactly its local days.
    if (!entry) throw new Error(`paid order outside the window's buckets: ${row.bucket}`);
    const revenue = row.revenueMinor;
    entry.revenueMinor += revenue;
    entry.paidOrders += row.paidOrders;
    entry.bySource[row.source] = (entry.bySource[row.source] ?? 0) + revenue;
  }
  return { bucket, sources, buckets: [...buckets.values()] };
}
