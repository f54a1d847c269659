import "server-only";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import {
  carts,
  checkoutSessions,
  events,
  type Order,
  orders,
  refunds,
  type ShippingAddress,
} from "@/db/schema";
import { EVENT_TYPES } from "@/lib/analytics/event-types";
import { inviteAfterFirstOrder } from "@/lib/loyalty/invite";
import { loyaltyForPaidOrder } from "@/lib/loyalty/paid-order";
import { formatMoney } from "@/lib/money/format";
import { notifyOrderUpdate } from "@/lib/orders/notify";
import { attributeRecovery } from "@/lib/recovery/attribution";
import { fromStripeAmount } from "./amounts";
import { refuse } from "./stripe-event-order";
import type { CheckoutSessionObject } from "./stripe-event-objects";

/** The amount and currency paid must be the order's total (DESIGN §4.3), else nothing moves. */
function checkAmount(order: Order, session: CheckoutSessionObject): number {
  const currency = (session.currency ?? "").toUpperCase();
  const paid =
    session.amount_total == null || !currency
      ? null
      : fromStripeAmount(session.amount_total, currency);
  if (currency !== order.currency.toUpperCase() || paid === null) {
    refuse(
      `Currency ${currency || "missing"} differs from order ${order.number}'s ${order.currency}`,
      order.storeId,
    );
  }
  if (paid !== order.totalMinor) {
    refuse(
      `Amount paid ${formatMoney(paid, order.currency)} differs from order ${order.number}'s total ${formatMoney(order.totalMinor, order.currency)}`,
      order.storeId,
    );
  }
  return paid;
}

export function shippingAddressOf(session: CheckoutSessionObject): ShippingAddress | null {
  const details = session.collected_information?.shipping_details ?? session.shipping_details;
  if (!details) return null;
  const address = details.address ?? {};
  return {
    name: details.name ?? null,
    line1: address.line1 ?? null,
    line2: address.line2 ?? null,
    city: address.city ?? null,
    state: address.state ?? null,
    postalCode: address.postal_code ?? null,
    country: address.country ?? null,
  };
}

async function markSessionComplete(tx: Database, order: Order, sessionId: string) {
  await tx
    .update(checkoutSessions)
    .set({ status: "complete" })
    .where(
      and(eq(checkoutSessions.storeId, order.storeId), eq(checkoutSessions.sessionId, sessionId)),
    );
}

/**
 * checkout.session.completed and async_payment_succeeded. A paid session moves a pending
 * order to paid once (the `status = 'pending'` guard), with everything that goes with it in
 * this transaction. A second, different payment (a race around session replacement, or a
 * payment after cancelling) is recorded as a refund due; tick asks Stripe for it.
 */
export async function applyCheckoutPaid(
  tx: Database,
  input: { order: Order; session: CheckoutSessionObject; eventType: string; now: Date },
): Promise<string | null> {
  const { order, session, now } = input;
  const amountMinor = checkAmount(order, session);
  if (session.payment_status === "unpaid") {
    await tx
      .update(orders)
      .set({ awaitingAsyncPaymentAt: now, updatedAt: now })
      .where(
        and(
          eq(orders.id, order.id),
          eq(orders.status, "pending"),
          isNull(orders.awaitingAsyncPaymentAt),
        ),
      );
    await markSessionComplete(tx, order, session.id);
    return "Checkout completed; the payment is still settling (asynchronous method)";
  }
  if (session.payment_status !== "paid" && session.payment_status !== "no_payment_required") {
    return `payment_status ${session.payment_status}: nothing to apply`;
  }
  const paymentIntentId = session.payment_intent;
  if (!paymentIntentId) refuse("A paid Checkout Session without a payment intent", order.storeId);

  const [paid] = await tx
    .update(orders)
    .set({
      status: "paid",
      paidAt: now,
      paymentIntentId,
      shippingAddress: shippingAddressOf(session),
      awaitingAsyncPaymentAt: null,
      updatedAt: now,
    })
    .where(and(eq(orders.id, order.id), eq(orders.status, "pending")))
    .returning();
  if (paid) {
    await markSessionComplete(tx, paid, session.id);
    if (paid.cartId) {
      await tx
        .update(carts)
        .set({ status: "converted" })
        .where(and(eq(carts.id, paid.cartId), ne(carts.status, "converted")));
    }
    await tx.insert(events).values({
      storeId: paid.storeId,
      type: EVENT_TYPES.orderPaid,
      source: paid.source,
      customerId: paid.customerId,
      orderId: paid.id,
      properties: {
        amountMinor,
        currency: paid.currency,
        origin: paid.origin,
        paymentIntentId,
        checkoutSessionId: session.id,
      },
      createdAt: now,
    });
    // Recovery (DESIGN §4d): attribution to a delivered reminder, stored on the order.
    await attributeRecovery(tx, paid, now);
    const points = await loyaltyForPaidOrder(tx, paid, now);
    const message = await notifyOrderUpdate(tx, {
      order: paid,
      kind: "confirmation",
      points,
      now,
    });
    await inviteAfterFirstOrder(tx, paid, now);
    return message.status === "blocked" ? `Confirmation not sent: ${message.reason}` : null;
  }

  // Not pending: the row is locked (orderForEvent), so `order` is what it is now.
  if (order.paymentIntentId === paymentIntentId) return "Already applied: this payment is recorded";
  await markSessionComplete(tx, order, session.id);
  const [due] = await tx
    .insert(refunds)
    .values({
      storeId: order.storeId,
      orderId: order.id,
      reason: "double_payment",
      paymentIntentId,
      amountMinor,
      currency: order.currency,
      status: "due",
      idempotencyKey: `double:${paymentIntentId}`,
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: [refunds.storeId, refunds.idempotencyKey] })
    .returning({ id: refunds.id });
  const what =
    order.status === "cancelled"
      ? `Paid after order ${order.number} was cancelled`
      : `Second payment of order ${order.number}, already paid with ${order.paymentIntentId}`;
  return due ? `${what}: refund due` : `${what}: refund already recorded`;
}

/** checkout.session.async_payment_failed: no longer awaiting; the order stays payable. */
export async function applyAsyncPaymentFailed(
  tx: Database,
  order: Order,
  session: CheckoutSessionObject,
  now: Date,
): Promise<string> {
  await tx
    .update(orders)
    .set({ awaitingAsyncPaymentAt: null, updatedAt: now })
    .where(and(eq(orders.id, order.id), eq(orders.status, "pending")));
  // The session is spent: the next open of the link makes a new one, so the order stays payable.
  await tx
    .update(checkoutSessions)
    .set({ status: "expired" })
    .where(
      and(eq(checkoutSessions.storeId, order.storeId), eq(checkoutSessions.sessionId, session.id)),
    );
  return `The asynchronous payment of order ${order.number} failed; the order is still unpaid`;
}

/** checkout.session.expired: the session's row is expired; the order is never touched. */
export async function applyCheckoutExpired(
  tx: Database,
  order: Order,
  session: CheckoutSessionObject,
): Promise<string | null> {
  const expired = await tx
    .update(checkoutSessions)
    .set({ status: "expired" })
    .where(
      and(
        eq(checkoutSessions.storeId, order.storeId),
        eq(checkoutSessions.sessionId, session.id),
        eq(checkoutSessions.status, "open"),
      ),
    )
    .returning({ id: checkoutSessions.id });
  return expired.length > 0 ? null : `Session ${session.id} was not open here`;
}
