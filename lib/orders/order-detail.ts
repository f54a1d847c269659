import "server-only";
import { and, asc, eq, inArray, like } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import {
  checkoutSessions,
  conversations,
  customers,
  events,
  type Order,
  type OrderItem,
  orderItems,
  orders,
  paymentLinks,
  products,
  qrCodes,
  refunds,
  messages,
} from "@/db/schema";
import { EVENT_TYPES } from "@/lib/analytics/event-types";
import { buildTimeline, pendingRefundMinor, type TimelineEntry } from "./timeline";
import { type OrderViewStatus, orderViewStatus } from "./status";

export type OrderDetail = {
  order: Order;
  status: OrderViewStatus;
  items: OrderItem[];
  customer: {
    name: string | null;
    phone: string | null;
    username: string | null;
  } | null;
  /** Only when the conversation is this store's (the inbox link). */
  conversationId: string | null;
  qrCodeName: string | null;
  productName: string | null;
  linkOpenCount: number;
  timeline: TimelineEntry[];
  /** Owner refunds Stripe accepted that the order does not reflect yet. */
  refundRequestedMinor: number;
  /** What can still be refunded: the total less refunds confirmed or under way. */
  refundableMinor: number;
  /** Messages about this order that were not sent (failed, or blocked with the reason). */
  undelivered: {
    id: string;
    status: "failed" | "blocked";
    body: string;
    errorReason: string | null;
    createdAt: Date;
  }[];
};

/** The dedupe-key prefix of every message about an order (see lib/orders/notify.ts). */
export const orderMessagePrefix = (orderId: string) => `order:${orderId}:`;

const TIMELINE_EVENTS = [
  EVENT_TYPES.linkSent,
  EVENT_TYPES.linkOpened,
  EVENT_TYPES.orderPaid,
  EVENT_TYPES.orderRefunded,
];

/** One order of the store by its number; another store's number finds nothing (→ 404). */
export async function getOrderDetail(
  db: Database,
  storeId: string,
  number: string,
): Promise<OrderDetail | null> {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.storeId, storeId), eq(orders.number, number)));
  if (!order) return null;
  const [
    items,
    customer,
    conversation,
    qrCode,
    product,
    link,
    eventRows,
    sessions,
    refundRows,
    undelivered,
  ] = await Promise.all([
    db
      .select()
      .from(orderItems)
      .where(and(eq(orderItems.storeId, storeId), eq(orderItems.orderId, order.id)))
      .orderBy(asc(orderItems.name)),
    order.customerId
      ? db
          .select({ name: customers.name, phone: customers.phone, username: customers.username })
          .from(customers)
          .where(and(eq(customers.storeId, storeId), eq(customers.id, order.customerId)))
          .then(([row]) => row ?? null)
      : null,
    order.conversationId
      ? db
          .select({ id: conversations.id })
          .from(conversations)
          .where(
            and(eq(conversations.storeId, storeId), eq(conversations.id, order.conversationId)),
          )
          .then(([row]) => row ?? null)
      : null,
    order.qrCodeId
      ? db
          .select({ name: qrCodes.name })
          .from(qrCodes)
          .where(and(eq(qrCodes.storeId, storeId), eq(qrCodes.id, order.qrCodeId)))
          .then(([row]) => row ?? null)
      : null,
    order.productId
      ? db
          .select({ name: products.name })
          .from(products)
          .where(and(eq(products.storeId, storeId), eq(products.id, order.productId)))
          .then(([row]) => row ?? null)
      : null,
    db
      .select({ openCount: paymentLinks.openCount })
      .from(paymentLinks)
      .where(and(eq(paymentLinks.storeId, storeId), eq(paymentLinks.orderId, order.id)))
      .then(([row]) => row ?? null),
    db
      .select({ type: events.type, createdAt: events.createdAt, properties: events.properties })
      .from(events)
      .where(
        and(
          eq(events.storeId, storeId),
          eq(events.orderId, order.id),
          inArray(events.type, TIMELINE_EVENTS),
        ),
      )
      .orderBy(asc(events.createdAt), asc(events.id)),
    db
      .select({ status: checkoutSessions.status, expiresAt: checkoutSessions.expiresAt })
      .from(checkoutSessions)
      .where(and(eq(checkoutSessions.storeId, storeId), eq(checkoutSessions.orderId, order.id))),
    db
      .select()
      .from(refunds)
      .where(and(eq(refunds.storeId, storeId), eq(refunds.orderId, order.id)))
      .orderBy(asc(refunds.createdAt)),
    db
      .select({
        id: messages.id,
        status: messages.status,
        body: messages.body,
        errorReason: messages.errorReason,
        createdAt: messages.createdAt,
      })
      .from(messages)
      .where(
        and(
          eq(messages.storeId, storeId),
          like(messages.dedupeKey, `${orderMessagePrefix(order.id)}%`),
          inArray(messages.status, ["failed", "blocked"]),
        ),
      )
      .orderBy(asc(messages.createdAt)),
  ]);
  const refundRequestedMinor = pendingRefundMinor(order, refundRows);
  return {
    order,
    status: orderViewStatus(order),
    items,
    customer,
    conversationId: conversation?.id ?? null,
    qrCodeName: qrCode?.name ?? null,
    productName: product?.name ?? null,
    linkOpenCount: link?.openCount ?? 0,
    timeline: buildTimeline({ order, events: eventRows, sessions, refunds: refundRows }),
    refundRequestedMinor,
    refundableMinor: Math.max(0, order.totalMinor - order.refundedMinor - refundRequestedMinor),
    undelivered: undelivered.map((row) => ({
      ...row,
      status: row.status === "failed" ? "failed" : "blocked",
    })),
  };
}
