import type { cartItems, carts, CartStatus, NewOrderItem, orders } from "@/db/schema";
import type { PlannedOrder } from "./history";
import type { DemoOrderIds } from "./orders";
import type { Rng } from "./random";
import type { SimulatedRecovery } from "./recovery-timeline";

const SECOND = 1000;
const MINUTE = 60 * SECOND;

export type DemoCartRows = {
  carts: (typeof carts.$inferInsert)[];
  items: (typeof cartItems.$inferInsert)[];
};

/**
 * The status the engine leaves a recovered cart's row in: `recovered` by attributeRecovery,
 * `converted` by a payment that earned nothing (apply-checkout-session.ts), else still
 * `abandoned` as markAbandoned left it.
 */
export function cartStatusAfter(replay: SimulatedRecovery, paidAt: Date | null): CartStatus {
  if (replay.status === "recovered") return "recovered";
  return paidAt ? "converted" : "abandoned";
}

/** The order lines by order id. */
export function itemsByOrder(items: readonly NewOrderItem[]): Map<string, NewOrderItem[]> {
  const byOrder = new Map<string, NewOrderItem[]>();
  for (const item of items) byOrder.set(item.orderId, [...(byOrder.get(item.orderId) ?? []), item]);
  return byOrder;
}

/**
 * The storefront cart an order from the `cart` entry was made from: the order's lines,
 * last touched a few seconds before the shopper checked out, so the tick that found the
 * order's link unpaid past the delay also abandoned the cart (abandon.ts: the cart's
 * recovery starts first and the order joins it). Adds the rows and sets the order's
 * `cart_id`; returns the cart's id and the recovery's value (the cart's subtotal, as
 * markAbandoned takes it).
 */
export function addDemoCart(
  rng: Rng,
  rows: DemoCartRows,
  input: {
    order: PlannedOrder;
    row: typeof orders.$inferInsert;
    items: readonly NewOrderItem[];
    replay: SimulatedRecovery;
    ids: DemoOrderIds;
  },
): { cartId: string; valueMinor: number } {
  const { order, row, items, replay, ids } = input;
  const cartId = ids.newId("cart", order.number);
  const updatedAt = new Date(order.createdAt.getTime() - rng.int(1, 4) * SECOND);
  const createdAt = new Date(updatedAt.getTime() - rng.int(3, 40) * MINUTE);
  rows.carts.push({
    id: cartId,
    storeId: ids.storeId,
    token: ids.newId("cart-token", order.number),
    customerId: ids.customerIds[order.customer]!,
    status: cartStatusAfter(replay, order.paidAt),
    language: row.language ?? null,
    createdAt,
    updatedAt,
    abandonedAt: replay.abandonedAt,
  });
  for (const item of items) {
    rows.items.push({
      id: ids.newId("cart-item", `${order.number}:${item.productId}`),
      storeId: ids.storeId,
      cartId,
      productId: item.productId!,
      quantity: item.quantity,
      createdAt,
      updatedAt,
    });
  }
  row.cartId = cartId;
  return { cartId, valueMinor: items.reduce((sum, item) => sum + item.lineTotalMinor, 0) };
}
