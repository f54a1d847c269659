import "server-only";
import { and, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { events, type Order, orders, refunds, type WebhookEvent } from "@/db/schema";
import { EVENT_TYPES } from "@/lib/analytics/event-types";
import { applyRefundToPoints } from "@/lib/loyalty/order-points";
import { notifyOrderUpdate } from "@/lib/orders/notify";
import type { AppliedItem } from "@/lib/whatsapp/apply-stored-item";
import { fromStripeAmount } from "./amounts";
import {
  type ChargeObject,
  orderIdNamedBy,
  type RefundObject,
  type StoredStripeEvent,
} from "./stripe-event-objects";
import { orderForEvent, orderIdOfPayment, refuse } from "./stripe-event-order";

type RefundInput<T> = {
  row: Pick<WebhookEvent, "storeId">;
  event: StoredStripeEvent;
  now: Date;
} & T;

function minorOf(order: Order, amount: number, currency: string): number {
  const minor =
    currency.toUpperCase() === order.currency.toUpperCase()
      ? fromStripeAmount(amount, currency)
      : null;
  if (minor === null) {
    refuse(`Refund in ${currency.toUpperCase()} does not fit order ${order.number}`, order.storeId);
  }
  return minor;
}

/**
 * Stripe's refunded amount only ever grows: orders.refunded_minor takes the larger of what
 * it has and what the event says (events may arrive out of order), and a full refund makes
 * the order `refunded`. Each increase is an `order_refunded` event and a message.
 */
async function recordRefunded(
  tx: Database,
  order: Order,
  refundedMinor: number,
  now: Date,
): Promise<string | null> {
  if (refundedMinor <= order.refundedMinor) return "Refund already recorded";
  const full = refundedMinor >= order.totalMinor;
  const [updated] = await tx
    .update(orders)
    .set({
      refundedMinor,
      updatedAt: now,
      ...(full && order.status === "paid" && { status: "refunded" as const, refundedAt: now }),
    })
    .where(and(eq(orders.id, order.id), lt(orders.refundedMinor, refundedMinor)))
    .returning();
  if (!updated) return "Refund already recorded";
  await applyRefundToPoints(tx, updated, now);
  const amountMinor = refundedMinor - order.refundedMinor;
  await tx.insert(events).values({
    storeId: order.storeId,
    type: EVENT_TYPES.orderRefunded,
    source: order.source,
    customerId: order.customerId,
    orderId: order.id,
    properties: { amountMinor, refundedMinor, currency: order.currency, full },
    createdAt: now,
  });
  const message = await notifyOrderUpdate(tx, {
    order: updated,
    kind: full ? "refunded" : "partially_refunded",
    amountMinor,
    discriminator: String(refundedMinor),
    now,
  });
  return message.status === "blocked" ? `Refund message not sent: ${message.reason}` : null;
}

/** charge.refunded: amount_refunded is the charge's cumulative refunded amount. */
export async function applyChargeRefunded(
  tx: Database,
  input: RefundInput<{ charge: ChargeObject }>,
): Promise<AppliedItem> {
  const { charge, now } = input;
  const paymentIntentId = charge.payment_intent;
  const orderId = orderIdNamedBy(charge) ?? (await orderIdOfPayment(tx, paymentIntentId));
  const order = await orderForEvent(tx, input.row, input.event, orderId);
  const refundedMinor = minorOf(order, charge.amount_refunded, charge.currency);
  if (charge.refunds?.data.length) {
    for (const refund of charge.refunds.data) {
      await tx
        .update(refunds)
        .set({ status: refundStatusOf(refund.status) ?? "succeeded", updatedAt: now })
        .where(and(eq(refunds.orderId, order.id), eq(refunds.stripeRefundId, refund.id)));
    }
  } else if (paymentIntentId) {
    // Without the list, the requested refunds of this payment that fit the refunded total.
    const [asked] = await tx
      .select({ total: sql<number>`coalesce(sum(${refunds.amountMinor}), 0)::int` })
      .from(refunds)
      .where(
        and(
          eq(refunds.orderId, order.id),
          eq(refunds.paymentIntentId, paymentIntentId),
          inArray(refunds.status, ["requested", "succeeded"]),
        ),
      );
    if ((asked?.total ?? 0) <= refundedMinor) {
      await tx
        .update(refunds)
        .set({ status: "succeeded", updatedAt: now })
        .where(
          and(
            eq(refunds.orderId, order.id),
            eq(refunds.paymentIntentId, paymentIntentId),
            eq(refunds.status, "requested"),
          ),
        );
    }
  }
  if (!paymentIntentId || paymentIntentId !== order.paymentIntentId) {
    return { storeId: order.storeId, note: "Refund of another payment than the order's own" };
  }
  return { storeId: order.storeId, note: await recordRefunded(tx, order, refundedMinor, now) };
}

function refundStatusOf(status: string | null | undefined) {
  if (status === "succeeded") return "succeeded" as const;
  if (status === "failed" || status === "canceled") return "failed" as const;
  if (status === "pending" || status === "requires_action") return "requested" as const;
  return null;
}

/** refund.updated: the refunds row takes Stripe's status; a success counts for the order. */
export async function applyRefundUpdated(
  tx: Database,
  input: RefundInput<{ refund: RefundObject }>,
): Promise<AppliedItem> {
  const { refund, now } = input;
  const paymentIntentId = refund.payment_intent;
  const orderId = orderIdNamedBy(refund) ?? (await orderIdOfPayment(tx, paymentIntentId));
  const order = await orderForEvent(tx, input.row, input.event, orderId);
  const amountMinor = minorOf(order, refund.amount, refund.currency);
  const status = refundStatusOf(refund.status);
  if (status) await updateRefundRow(tx, order, refund, amountMinor, status, now);
  if (status !== "succeeded" || !paymentIntentId || paymentIntentId !== order.paymentIntentId) {
    return { storeId: order.storeId, note: null };
  }
  const [succeeded] = await tx
    .select({ total: sql<number>`coalesce(sum(${refunds.amountMinor}), 0)::int` })
    .from(refunds)
    .where(
      and(
        eq(refunds.orderId, order.id),
        eq(refunds.paymentIntentId, paymentIntentId),
        eq(refunds.status, "succeeded"),
      ),
    );
  const total = Math.max(succeeded?.total ?? 0, amountMinor);
  return { storeId: order.storeId, note: await recordRefunded(tx, order, total, now) };
}

/** The row of this refund: by Stripe's id, else the one asked for this payment and amount. */
async function updateRefundRow(
  tx: Database,
  order: Order,
  refund: RefundObject,
  amountMinor: number,
  status: "requested" | "succeeded" | "failed",
  now: Date,
) {
  const byId = await tx
    .update(refunds)
    .set({ status, updatedAt: now })
    .where(and(eq(refunds.orderId, order.id), eq(refunds.stripeRefundId, refund.id)))
    .returning({ id: refunds.id });
  if (byId.length > 0 || !refund.payment_intent) return;
  const [candidate] = await tx
    .select({ id: refunds.id })
    .from(refunds)
    .where(
      and(
        eq(refunds.orderId, order.id),
        isNull(refunds.stripeRefundId),
        eq(refunds.paymentIntentId, refund.payment_intent),
        eq(refunds.amountMinor, amountMinor),
        inArray(refunds.status, ["due", "requested"]),
      ),
    )
    .orderBy(refunds.createdAt)
    .limit(1);
  if (!candidate) return;
  await tx
    .update(refunds)
    .set({ status, stripeRefundId: refund.id, updatedAt: now })
    .where(eq(refunds.id, candidate.id));
}
