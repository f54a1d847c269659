import "server-only";
import { and, desc, eq, inArray, like, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { messages, type Order, orderItems, orders, paymentLinks } from "@/db/schema";
import type { CreatedOrder, OrderLineInput } from "./create-order";

/** How many recent unpaid orders are compared: an open order is a recent one. */
const OPEN_ORDERS_LOOKED_AT = 20;

function lineKey(lines: readonly OrderLineInput[]): string {
  const merged = new Map<string, number>();
  for (const line of lines)
    merged.set(line.productId, (merged.get(line.productId) ?? 0) + line.quantity);
  return [...merged]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([productId, quantity]) => `${productId}×${quantity}`)
    .join(",");
}

/**
 * The customer's newest pending order for exactly these items (the same products in the
 * same quantities; for a cart, also made from that cart), with its items and link — so a
 * second Buy or Pay now re-sends that order's link instead of making a second order. An
 * order for other quantities, or paid, refunded or cancelled, is not "the same order".
 */
export async function findOpenOrderFor(
  db: Database,
  input: {
    storeId: string;
    customerId: string;
    lines: readonly OrderLineInput[];
    cartId?: string | null;
  },
): Promise<CreatedOrder | null> {
  const wanted = lineKey(input.lines);
  const candidates: Order[] = await db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.storeId, input.storeId),
        eq(orders.customerId, input.customerId),
        eq(orders.status, "pending"),
        input.cartId ? eq(orders.cartId, input.cartId) : undefined,
      ),
    )
    .orderBy(desc(orders.createdAt))
    .limit(OPEN_ORDERS_LOOKED_AT);
  if (candidates.length === 0) return null;
  const items = await db
    .select()
    .from(orderItems)
    .where(
      and(
        eq(orderItems.storeId, input.storeId),
        inArray(
          orderItems.orderId,
          candidates.map((order) => order.id),
        ),
      ),
    );
  for (const order of candidates) {
    const own = items.filter((item) => item.orderId === order.id);
    const key = lineKey(
      own.map((item) => ({ productId: item.productId ?? item.id, quantity: item.quantity })),
    );
    if (key !== wanted) continue;
    const [link] = await db
      .select()
      .from(paymentLinks)
      .where(and(eq(paymentLinks.orderId, order.id), eq(paymentLinks.storeId, input.storeId)));
    if (link) return { order, items: own, link };
  }
  return null;
}

/**
 * The n of the next `order:<id>:link:<n>` message: one more than the link messages so far
 * (read through the customer's messages, which are indexed; the key alone is not by prefix).
 */
export async function nextLinkMessageNumber(
  db: Database,
  order: Pick<Order, "id" | "customerId">,
): Promise<number> {
  if (!order.customerId) return 1;
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(messages)
    .where(
      and(
        eq(messages.customerId, order.customerId),
        like(messages.dedupeKey, `order:${order.id}:link:%`),
      ),
    );
  return (row?.count ?? 0) + 1;
}
