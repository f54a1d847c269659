import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { conversations, orderItems, orders, products, qrCodes } from "@/db/schema";
import { inWindow, paidOrdersIn, toNumber } from "./filters";
import type { AnalyticsWindow } from "./range";
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
 * Per product: chats started, orders, paid orders, units and revenue in the window. One
 * statement, so the page's round of parallel queries gets it in one trip; products without any
 * activity in the window are left out.
 */
export async function conversionsByProduct(
  db: Database,
  store: AnalyticsStore,
  window: AnalyticsWindow,
): Promise<ProductConversions[]> {
  // A chat from a QR code counts for the code's product when the chat itself names none
  // (the product was inactive when the code was scanned).
  const chatProduct = sql`coalesce(${conversations.productId}, ${qrCodes.productId})`;
  const sameOrder = and(eq(orderItems.orderId, orders.id), eq(orderItems.storeId, orders.storeId));
  const result = await db.execute(sql`
    with chats as (
      select ${chatProduct} as product_id, count(*) as chats
      from ${conversations}
      left join ${qrCodes}
        on ${qrCodes.id} = ${conversations.qrCodeId} and ${qrCodes.storeId} = ${conversations.storeId}
      where ${conversations.storeId} = ${store.id}
        and ${inWindow(conversations.createdAt, window)}
        and ${chatProduct} is not null
      group by 1
    ), created as (
      select ${orderItems.productId} as product_id, count(distinct ${orders.id}) as orders
      from ${orders} join ${orderItems} on ${sameOrder}
      where ${orders.storeId} = ${store.id} and ${inWindow(orders.createdAt, window)}
      group by 1
    ), paid_lines as (
      select ${orderItems.orderId} as order_id, ${orderItems.productId} as product_id,
        ${orderItems.quantity} as quantity,
        (${orders.totalMinor} - ${orders.refundedMinor})::bigint as net,
        ${orderItems.lineTotalMinor}::bigint as line_total,
        -- bigint throughout, so the division below rounds down (never numeric).
        (sum(${orderItems.lineTotalMinor}) over (partition by ${orderItems.orderId}))::bigint
          as lines_total,
        row_number() over (
          partition by ${orderItems.orderId}
          order by ${orderItems.lineTotalMinor} desc, ${orderItems.id}
        ) as place
      from ${orders} join ${orderItems} on ${sameOrder}
      where ${paidOrdersIn(store, window)}
    ), shares as (
      select *,
        case when lines_total > 0 then net * line_total / lines_total else 0 end as share
      from paid_lines
    ), allocated as (
      select order_id, product_id, quantity,
        share + case when place = 1
          then net - sum(share) over (partition by order_id) else 0 end as revenue
      from shares
    ), paid as (
      select product_id, count(distinct order_id) as paid_orders,
        sum(quantity) as units, sum(revenue) as revenue
      from allocated
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
