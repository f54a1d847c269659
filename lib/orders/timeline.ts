import type { CheckoutSession, Order, Refund } from "@/db/schema";

export type TimelineKind =
  | "created"
  | "link_sent"
  | "link_opened"
  | "session_expired"
  | "awaiting_async"
  | "paid"
  | "refund_requested"
  | "refund_failed"
  | "refunded"
  | "cancelled"
  | "shipped"
  | "delivered";

export type TimelineEntry = { kind: TimelineKind; at: Date; amountMinor?: number };

export type TimelineEvent = {
  type: string;
  createdAt: Date;
  properties: Record<string, unknown>;
};

type TimelineOrder = Pick<
  Order,
  | "createdAt"
  | "paidAt"
  | "awaitingAsyncPaymentAt"
  | "cancelledAt"
  | "shippedAt"
  | "deliveredAt"
  | "refundedAt"
  | "refundedMinor"
>;

const amountOf = (properties: Record<string, unknown>) =>
  typeof properties.amountMinor === "number" ? properties.amountMinor : undefined;

/**
 * The order's payment story in time order, from the rows the product wrote: the order's own
 * timestamps, its analytics events (link_sent, link_opened, order_paid, order_refunded), its
 * Checkout Sessions (expired ones) and its refunds. Where an event and a timestamp tell the
 * same thing (paid, refunded), the event wins and the timestamp fills in when it is missing.
 */
export function buildTimeline(input: {
  order: TimelineOrder;
  events: TimelineEvent[];
  sessions: Pick<CheckoutSession, "status" | "expiresAt">[];
  refunds: Pick<Refund, "reason" | "status" | "amountMinor" | "createdAt" | "updatedAt">[];
}): TimelineEntry[] {
  const { order } = input;
  const entries: TimelineEntry[] = [{ kind: "created", at: order.createdAt }];
  let paidEvent = false;
  let refundedEvent = false;
  for (const event of input.events) {
    if (event.type === "link_sent") entries.push({ kind: "link_sent", at: event.createdAt });
    else if (event.type === "link_opened")
      entries.push({ kind: "link_opened", at: event.createdAt });
    else if (event.type === "order_paid") {
      paidEvent = true;
      entries.push({ kind: "paid", at: event.createdAt });
    } else if (event.type === "order_refunded") {
      refundedEvent = true;
      entries.push({
        kind: "refunded",
        at: event.createdAt,
        amountMinor: amountOf(event.properties),
      });
    }
  }
  if (!paidEvent && order.paidAt) entries.push({ kind: "paid", at: order.paidAt });
  if (!refundedEvent && order.refundedAt && order.refundedMinor > 0) {
    entries.push({ kind: "refunded", at: order.refundedAt, amountMinor: order.refundedMinor });
  }
  for (const session of input.sessions) {
    if (session.status === "expired")
      entries.push({ kind: "session_expired", at: session.expiresAt });
  }
  for (const refund of input.refunds) {
    if (refund.reason !== "owner") continue;
    entries.push({
      kind: "refund_requested",
      at: refund.createdAt,
      amountMinor: refund.amountMinor,
    });
    if (refund.status === "failed")
      entries.push({
        kind: "refund_failed",
        at: refund.updatedAt,
        amountMinor: refund.amountMinor,
      });
  }
  if (order.awaitingAsyncPaymentAt)
    entries.push({ kind: "awaiting_async", at: order.awaitingAsyncPaymentAt });
  if (order.cancelledAt) entries.push({ kind: "cancelled", at: order.cancelledAt });
  if (order.shippedAt) entries.push({ kind: "shipped", at: order.shippedAt });
  if (order.deliveredAt) entries.push({ kind: "delivered", at: order.deliveredAt });
  // A stable sort keeps same-instant entries in the order they were pushed (created first).
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.at.getTime() - b.entry.at.getTime() || a.index - b.index)
    .map(({ entry }) => entry);
}

/**
 * Owner refunds Stripe accepted that the order does not show yet (`charge.refunded` has not
 * arrived): what the page calls "refund requested". 0 when everything asked is reflected.
 */
export function pendingRefundMinor(
  order: Pick<Order, "refundedMinor">,
  refunds: Pick<Refund, "reason" | "status" | "amountMinor">[],
): number {
  const owner = refunds.filter((refund) => refund.reason === "owner");
  const requested = owner
    .filter((refund) => refund.status === "requested")
    .reduce((sum, refund) => sum + refund.amountMinor, 0);
  if (requested === 0) return 0;
  const asked = owner
    .filter((refund) => refund.status === "requested" || refund.status === "succeeded")
    .reduce((sum, refund) => sum + refund.amountMinor, 0);
  return Math.max(0, Math.min(requested, asked - order.refundedMinor));
}
