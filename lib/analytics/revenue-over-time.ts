import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { orders } from "@/db/schema";
import { sourceRank } from "./conversions";
import { paidOrdersIn, toNumber } from "./filters";
import { addDays, type AnalyticsWindow } from "./range";
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
  const local = sql`${orders.paidAt} at time zone ${store.timezone}`;
  const bucketStart =
    bucket === "week"
      ? sql<string>`to_char(date_trunc('week', ${local}), 'YYYY-MM-DD')`
      : sql<string>`to_char(${local}, 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      bucket: bucketStart,
      source: orders.source,
      paidOrders: sql<number>`count(*)::int`,
      revenueMinor: sql<string>`sum(${orders.totalMinor} - ${orders.refundedMinor})`,
    })
    .from(orders)
    .where(paidOrdersIn(store, window))
    // By position: the time zone is a bound parameter, so a repeated expression would not match.
    .groupBy(sql`1, 2`);

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
    const revenue = toNumber(row.revenueMinor);
    entry.revenueMinor += revenue;
    entry.paidOrders += toNumber(row.paidOrders);
    entry.bySource[row.source] = (entry.bySource[row.source] ?? 0) + revenue;
  }
  return { bucket, sources, buckets: [...buckets.values()] };
}
