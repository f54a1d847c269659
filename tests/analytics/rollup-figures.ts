import { TransactionRollbackError, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { conversionsBySource } from "@/lib/analytics/conversions";
import { loadStoreOverview } from "@/lib/analytics/overview";
import { conversionsByProduct } from "@/lib/analytics/products";
import { type DayRange, windowOf } from "@/lib/analytics/range";
import { revenueOverTime } from "@/lib/analytics/revenue-over-time";
import type { AnalyticsStore } from "@/lib/analytics/store";
import { queryRows } from "../support/database";

/** The store as it is now (a test may have changed its time zone). */
export async function storeNow(db: Database, storeId: string): Promise<AnalyticsStore> {
  const [store] = await queryRows<AnalyticsStore>(
    db,
    sql`select id, timezone, currency from stores where id = ${storeId}`,
  );
  if (!store) throw new Error(`store ${storeId} not found`);
  return store;
}

/**
 * Every figure that reads the daily rollups, for each day range (its windows in the store's
 * time zone now): conversions, products, revenue over time by day and week, the overview.
 */
export async function figuresOf(db: Database, store: AnalyticsStore, ranges: DayRange[]) {
  const windows = ranges.map((range) => windowOf(range, store.timezone));
  const figures: unknown[] = [];
  for (const window of windows) {
    figures.push(await conversionsBySource(db, store, window));
    figures.push(await conversionsByProduct(db, store, window));
    figures.push(await revenueOverTime(db, store, window, "day"));
    figures.push(await revenueOverTime(db, store, window, "week"));
  }
  const [current, previous] = windows;
  if (current && previous)
    figures.push(await loadStoreOverview(db, store, { range: { current, previous, days: 14 } }));
  return figures;
}

/**
 * The same figures with the store's rollups ignored (its state row deleted in a transaction
 * that is rolled back): what a plain query over the raw rows says.
 */
export async function rawFiguresOf(db: Database, store: AnalyticsStore, ranges: DayRange[]) {
  let figures: unknown[] = [];
  try {
    await db.transaction(async (tx) => {
      await tx.execute(sql`delete from analytics_rollup_state where store_id = ${store.id}`);
      figures = await figuresOf(tx as unknown as Database, store, ranges);
      tx.rollback();
    });
  } catch (error) {
    if (!(error instanceof TransactionRollbackError)) throw error;
  }
  return figures;
}
