import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { products, qrCodes } from "@/db/schema";
import { toNumber } from "./filters";
import type { AnalyticsWindow } from "./range";
import { activityDaysCte, productDaysCte, withRollupDays } from "./rollup/read";
import type { AnalyticsStore } from "./store";

export type ProductConversions = {
  /** null: products deleted since, whose order lines are counted together in one row. */
  productId: string | null;
  /** The product's current name, SKU and state; null for the deleted-products row. */
  name: string | null;
  sku: string | null;
  active: boolean | null;
  /**
   * Conversations created in the window about the product: opened from its page or button,
   * or from a printed QR code pointing at it.
   */
  chats: number;
  /** Orders created in the window (any status) with a line of the product. */
  orders: number;
  /** Orders paid in the window (paid or since refunded, in the store's currency) with a line of it. */
  paidOrders: number;
  /** Units on those paid orders' lines (refunds are money only: they never say which items). */
  units: number;
  /**
   * Its share of those orders' net revenue (total − refunded): each order's net revenue is
   * split over its lines in proportion to the line totals, rounded down, the remainder to the
   * largest line. Discounts and refunds are thus spread like the lines, and the products' revenue
   * adds up exactly to the orders' net revenue.
   */
  revenueMinor: number;
};

type Row = Record<string, unknown>;

/**
 * Per product: chats started, orders, paid orders, units and revenue in the window, from the
 * daily rollups (lib/analytics/rollup). One statement, so the page's round of parallel queries
 * gets it in one trip; products without any activity in the window are left out.
 */
export async function conversionsByProduct(
  db: Database,
  store: AnalyticsStore,
  window: AnalyticsWindow,
): Promise<ProductConversions[]> {
  // A chat from a QR code counts for the code's product when the chat itself names none
  // (the product was inactive when the code was scanned).
  const chatProduct = sql`coalesce(a.product_id, ${qrCodes.productId})`;
  const result = await db.execute(sql`
    with ${withRollupDays(store, window)}, ${activityDaysCte(store, window)},
    ${productDaysCte(store, window)},
    chats as (
      select ${chatProduct} as product_id, sum(a.chats) as chats
      from activity_days a
      left join ${qrCodes} on ${qrCodes.id} = a.qr_code_id and ${qrCodes.storeId} = ${store.id}
      where a.chats > 0 and ${chatProduct} is not null
      group by 1
    ), created as (
      select product_id, sum(orders) as orders from product_days where orders > 0 group by 1
    ), paid as (
      select product_id, sum(paid_orders) as paid_orders, sum(units) as units,
        sum(revenue_minor) as revenue
      from product_days
      where currency = ${store.currency} and paid_orders > 0
      group by 1
    ), keys as (
      select product_id from chats
      union select product_id from created
      union select product_id from paid
    )
    select keys.product_id, ${products.name} as name, ${products.sku} as sku,
      ${products.active} as active, chats.chats, created.orders, paid.paid_orders,
      paid.units, paid.revenue
    from keys
    left join ${products} on ${products.id} = keys.product_id and ${products.storeId} = ${store.id}
    left join chats on chats.product_id is not distinct from keys.product_id
    left join created on created.product_id is not distinct from keys.product_id
    left join paid on paid.product_id is not distinct from keys.product_id`);

  const rows = (result as unknown as { rows: Row[] }).rows.map((row): ProductConversions => ({
    productId: (row.product_id as string | null) ?? null,
    name: (row.name as string | null) ?? null,
    sku: (row.sku as string | null) ?? null,
    active: (row.active as boolean | null) ?? null,
    chats: toNumber(row.chats),
    orders: toNumber(row.orders),
    paidOrders: toNumber(row.paid_orders),
    units: toNumber(row.units),
    revenueMinor: toNumber(row.revenue),
  }));
  return rows.sort(
    (a, b) =>
      Number(a.productId === null) - Number(b.productId === null) ||
      b.revenueMinor - a.revenueMinor ||
      b.orders - a.orders ||
      b.chats - a.chats ||
      (a.name ?? "").localeCompare(b.name ?? ""),
  );
}
