import type { NewAnalyticsEvent, NewClick } from "@/db/schema";
import { clickEvents } from "./clicks";
import type { DemoHistory } from "./history";
import type { PlannedPayment } from "./payments";

export type DemoIds = {
  storeId: string;
  currency: string;
  /** Parallel to DemoHistory.customers. */
  customerIds: readonly string[];
  /** Parallel to DemoHistory.orders. */
  orderIds: readonly string[];
};

export type DemoPaymentEvents = {
  plans: readonly PlannedPayment[];
  /** Parallel to plans: the link message in the chat (null when it did not fit the chat). */
  linkMessageIds: readonly (string | null)[];
  /** cart_abandoned, reminder_sent and cart_recovered of the recoveries (recovery.ts). */
  recoveryEvents?: readonly NewAnalyticsEvent[];
};

/** order_created, link_sent, each link_opened and order_refunded, as the payments issue records them. */
function paymentEvents(
  ids: DemoIds,
  { plans, linkMessageIds }: DemoPaymentEvents,
): NewAnalyticsEvent[] {
  return plans.flatMap((plan, i) => {
    const { order } = plan;
    const base = {
      storeId: ids.storeId,
      source: order.source,
      customerId: ids.customerIds[order.customer],
      orderId: ids.orderIds[plan.orderIndex],
    };
    const rows: NewAnalyticsEvent[] = [
      {
        ...base,
        type: "order_created",
        properties: { origin: plan.origin, totalMinor: order.totalMinor, currency: ids.currency },
        createdAt: order.createdAt,
      },
      {
        ...base,
        type: "link_sent",
        // The message is found by its dedupe key (`order:<id>:link:1`); ids would differ per store.
        properties: { origin: plan.origin, inChat: linkMessageIds[i] !== null },
        createdAt: order.createdAt,
      },
      ...plan.opens.map((openedAt) => ({
        ...base,
        type: "link_opened",
        // The session this open went to: a new one is made a second after the open.
        properties: {
          version:
            plan.sessions.findLast(
              (session) => session.createdAt.getTime() <= openedAt.getTime() + 1000,
            )?.version ?? 1,
        },
        createdAt: openedAt,
      })),
    ];
    if (plan.refund) {
      rows.push({
        ...base,
        type: "order_refunded",
        properties: {
          amountMinor: plan.refund.amountMinor,
          full: plan.refund.full,
          currency: ids.currency,
        },
        createdAt: plan.refund.refundedAt,
      });
    }
    return rows;
  });
}

/**
 * Every analytics event of the demo, in time order. The one place that turns the
 * planned history into events, so features that add event types (clicks, messages,
 * reminders…) extend this function and stay consistent with the chats and orders.
 */
export function buildDemoEvents(
  history: DemoHistory,
  ids: DemoIds,
  clicks: readonly NewClick[] = [],
  payments: DemoPaymentEvents | null = null,
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

  if (payments) events.push(...paymentEvents(ids, payments), ...(payments.recoveryEvents ?? []));
  return events.sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
}
