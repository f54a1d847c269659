/** Plain readers of the raw rows the brute-force references in tests/analytics compute from. */
import type { Database } from "@/db/drivers";
import {
  clicks,
  conversations,
  customers,
  orderItems,
  orders,
  products,
  qrCodes,
} from "@/db/schema";
import type { AnalyticsWindow } from "@/lib/analytics/range";
import type { AnalyticsStore } from "@/lib/analytics/store";

/**
 * Every row of the tables analytics reads, for every store, with plain selects (no
 * aggregates): the references filter by store themselves, so a missing tenancy filter in the
 * SQL shows as a mismatch.
 */
export async function readRawRows(db: Database) {
  const [clickRows, chatRows, orderRows, itemRows, codeRows, productRows, customerRows] =
    await Promise.all([
      db.select().from(clicks),
      db.select().from(conversations),
      db.select().from(orders),
      db.select().from(orderItems),
      db.select().from(qrCodes),
      db.select().from(products),
      db.select().from(customers),
    ]);
  return {
    clicks: clickRows,
    conversations: chatRows,
    orders: orderRows,
    orderItems: itemRows,
    qrCodes: codeRows,
    products: productRows,
    customers: customerRows,
  };
}

export type RawRows = Awaited<ReturnType<typeof readRawRows>>;

/** `window.start <= at < window.end` */
export function isWithin(at: Date | null, window: AnalyticsWindow): boolean {
  return at !== null && at >= window.start && at < window.end;
}

/** The contract's paid orders: paid or refunded, paid in the window, in the store's currency. */
export function isPaidWithin(
  order: RawRows["orders"][number],
  store: AnalyticsStore,
  window: AnalyticsWindow,
): boolean {
  return (
    order.storeId === store.id &&
    (order.status === "paid" || order.status === "refunded") &&
    order.currency === store.currency &&
    isWithin(order.paidAt, window)
  );
}
