import "server-only";
import type { FulfillmentStatus, OrderStatus } from "@/db/schema";
import { CLICK_SOURCES } from "@/db/schema/attribution";

/**
 * What the Orders page calls an order's state: payment and fulfilment in one word.
 * A refund or cancellation wins over shipping; a partial refund keeps the order paid.
 */
export const ORDER_VIEW_STATUSES = [
  "awaiting_payment",
  "paid",
  "shipped",
  "delivered",
  "refunded",
  "cancelled",
] as const;
export type OrderViewStatus = (typeof ORDER_VIEW_STATUSES)[number];

/** Entry points an order can carry: the click sources, a click-to-WhatsApp ad, or none. */
export const ORDER_SOURCES = [...CLICK_SOURCES, "ad", "unattributed"] as const;
export type OrderSource = (typeof ORDER_SOURCES)[number];

export function orderViewStatus(order: {
  status: OrderStatus;
  fulfillmentStatus: FulfillmentStatus;
}): OrderViewStatus {
  switch (order.status) {
    case "pending":
      return "awaiting_payment";
    case "refunded":
      return "refunded";
    case "cancelled":
      return "cancelled";
    case "paid":
      return order.fulfillmentStatus === "unfulfilled" ? "paid" : order.fulfillmentStatus;
  }
}
