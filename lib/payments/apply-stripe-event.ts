import "server-only";
import type { Database } from "@/db/drivers";
import type { WebhookEvent } from "@/db/schema";
import type { AppliedItem } from "@/lib/whatsapp/apply-stored-item";
import {
  applyAsyncPaymentFailed,
  applyCheckoutExpired,
  applyCheckoutPaid,
} from "./apply-checkout-session";
import { applyChargeRefunded, applyRefundUpdated } from "./apply-refund-event";
import {
  chargeObject,
  checkoutSessionObject,
  orderIdNamedBy,
  refundObject,
  storedStripeEvent,
  type StoredStripeEvent,
} from "./stripe-event-objects";
import { orderForEvent, refuse } from "./stripe-event-order";

function parseObject<T>(
  schema: { safeParse: (value: unknown) => { success: true; data: T } | { success: false } },
  event: StoredStripeEvent,
  storeId: string | null,
): T {
  const parsed = schema.safeParse(event.data.object);
  if (!parsed.success) refuse(`${event.type}: the event's object has an unexpected shape`, storeId);
  return parsed.data;
}

/**
 * Applies one stored Stripe event in the processor's transaction (DESIGN §4, §4b). Never
 * calls Stripe: what needs the API (a double payment's refund) is recorded as due and made
 * by tick. Event types Chatcart does not use are applied with a note.
 */
export async function applyStripeEvent(
  tx: Database,
  row: Pick<WebhookEvent, "storeId" | "payload">,
  now: Date,
): Promise<AppliedItem> {
  const parsed = storedStripeEvent.safeParse(row.payload);
  if (!parsed.success) refuse("Not a Stripe event", row.storeId);
  const event = parsed.data;
  const named = orderIdNamedBy(event.data.object);
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded": {
      const session = parseObject(checkoutSessionObject, event, row.storeId);
      const order = await orderForEvent(tx, row, event, named);
      const note = await applyCheckoutPaid(tx, { order, session, eventType: event.type, now });
      return { storeId: order.storeId, note };
    }
    case "checkout.session.async_payment_failed": {
      const session = parseObject(checkoutSessionObject, event, row.storeId);
      const order = await orderForEvent(tx, row, event, named);
      const note = await applyAsyncPaymentFailed(tx, order, session, now);
      return { storeId: order.storeId, note };
    }
    case "checkout.session.expired": {
      const session = parseObject(checkoutSessionObject, event, row.storeId);
      const order = await orderForEvent(tx, row, event, named);
      return { storeId: order.storeId, note: await applyCheckoutExpired(tx, order, session) };
    }
    case "charge.refunded": {
      const charge = parseObject(chargeObject, event, row.storeId);
      return applyChargeRefunded(tx, { row, event, charge, now });
    }
    case "refund.updated":
    case "refund.created": {
      const refund = parseObject(refundObject, event, row.storeId);
      return applyRefundUpdated(tx, { row, event, refund, now });
    }
    default:
      return { storeId: row.storeId, note: `Not used: ${event.type}` };
  }
}
