import "server-only";
import { and, desc, eq, inArray, like, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import {
  messages,
  type Order,
  type OrderItem,
  orderItems,
  orders,
  paymentLinks,
} from "@/db/schema";
import type { CreatedOrder, OrderLineInput } from "./create-order";

/** How many recent unpaid orders are compared: an open order is a recent one. */
const OPEN_ORDERS_LOOKED_AT = 20;

function lineKey(lines: readonly { productId: string | null; quantity: number }[]): string {
  const merged = new Map<string, number>();
  for (const line of lines) {
    const id = line.productId ?? "";
    merged.set(id, (merged.get(id) ?? 0) + line.quantity);
  }
  return [...merged]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([productId, quantity]) => `${productId}×${quantity}`)
    .join(",");
}

/**
 * The first of `candidates` (newest first) whose items are exactly `lines`: the same
 * products in the same quantities. Its items come with it.
 */
export async function firstOrderWithLines(
  db: Database,
  storeId: string,
  candidates: Order[],
  lines: readonly OrderLineInput[],
): Promise<{ order: Order; items: OrderItem[] } | null> {
  if (candidates.length === 0) return null;
  const items = await db
    .select()
    .from(orderItems)
    .where(
      and(
        eq(orderItems.storeId, storeId),
        inArray(
          orderItems.orderId,
          candidates.map((order) => order.id),
        ),
      ),
    );
  const wanted = lineKey(lines);
  for (const order of candidates) {
    const own = items.filter((item) => item.orderId === order.id);
    if (lineKey(own) === wanted) return { order, items: own };
  }
  return null;
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
  const match = await firstOrderWithLines(db, input.storeId, candidates, input.lines);
  if (!match) return null;
  const [link] = await db
    .select()
    .from(paymentLinks)
    .where(and(eq(paymentLinks.orderId, match.order.id), eq(paymentLinks.storeId, input.storeId)));
  return link ? { ...match, link } : null;
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
