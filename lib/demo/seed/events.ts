import type { NewAnalyticsEvent, NewClick } from "@/db/schema";
import { clickEvents } from "./clicks";
import type { DemoHistory } from "./history";

export type DemoIds = {
  storeId: string;
  currency: string;
  /** Parallel to DemoHistory.customers. */
  customerIds: readonly string[];
  /** Parallel to DemoHistory.orders. */
  orderIds: readonly string[];
};

/**
 * Every analytics event of the demo, in time order. The one place that turns the
 * planned history into events, so features that add event types (clicks, messages,
 * reminders…) extend this function and stay consistent with the chats and orders.
 */
export function buildDemoEvents(
  history: DemoHistory,
  ids: DemoIds,
  clicks: readonly NewClick[] = [],
): NewAnalyticsEvent[] {
  const orderIdOf = new Map(history.orders.map((order, i) => [order, ids.orderIds[i]]));
  const events: NewAnalyticsEvent[] = clickEvents(clicks);

  for (const chat of history.chats) {
    events.push({
      storeId: ids.storeId,
      type: "chat_started",
      source: chat.source,
      customerId: ids.customerIds[chat.customer],
      createdAt: chat.at,
    });
  }

  // A refunded order was paid first, so it has its order_paid event too.
  for (const order of history.orders) {
    if (!order.paidAt) continue;
    events.push({
      storeId: ids.storeId,
      type: "order_paid",
      source: order.source,
      customerId: ids.customerIds[order.customer],
      orderId: orderIdOf.get(order),
      properties: { totalMinor: order.totalMinor, currency: ids.currency },
      createdAt: order.paidAt,
    });
  }

  return events.sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
}
