import { z } from "zod";

/**
 * The parts of Stripe's event objects Chatcart reads, validated when an event is applied
 * (the inbox keeps the event whole). Shapes follow stripe 23's types: a Checkout Session's
 * shipping is `collected_information.shipping_details`; older API versions sent a
 * top-level `shipping_details`, which is still read.
 */

const metadata = z.record(z.string(), z.string()).nullish();
const address = z
  .object({
    line1: z.string().nullish(),
    line2: z.string().nullish(),
    city: z.string().nullish(),
    state: z.string().nullish(),
    postal_code: z.string().nullish(),
    country: z.string().nullish(),
  })
  .nullish();
const shippingDetails = z.object({ name: z.string().nullish(), address }).nullish();
/** An id, or the expanded object carrying it. */
const idOf = z
  .union([z.string(), z.object({ id: z.string() })])
  .nullish()
  .transform((value) => (typeof value === "string" ? value : (value?.id ?? null)));

export const checkoutSessionObject = z.object({
  id: z.string(),
  object: z.literal("checkout.session"),
  amount_total: z.number().int().nullish(),
  currency: z.string().nullish(),
  client_reference_id: z.string().nullish(),
  metadata,
  payment_intent: idOf,
  payment_status: z.string(),
  status: z.string().nullish(),
  collected_information: z.object({ shipping_details: shippingDetails }).nullish(),
  shipping_details: shippingDetails,
});
export type CheckoutSessionObject = z.output<typeof checkoutSessionObject>;

export const chargeObject = z.object({
  id: z.string(),
  object: z.literal("charge"),
  amount: z.number().int(),
  amount_refunded: z.number().int(),
  currency: z.string(),
  payment_intent: idOf,
  refunded: z.boolean().nullish(),
  metadata,
  refunds: z
    .object({
      data: z.array(
        z.object({ id: z.string(), status: z.string().nullish(), amount: z.number().int() }),
      ),
    })
    .nullish(),
});
export type ChargeObject = z.output<typeof chargeObject>;

export const refundObject = z.object({
  id: z.string(),
  object: z.literal("refund"),
  amount: z.number().int(),
  currency: z.string(),
  payment_intent: idOf,
  status: z.string().nullish(),
  metadata,
});
export type RefundObject = z.output<typeof refundObject>;

/** The event envelope as stored. `chatcart_endpoint` is added on receipt (see receive). */
export const storedStripeEvent = z.object({
  id: z.string(),
  type: z.string(),
  created: z.number(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
  chatcart_endpoint: z.enum(["store", "platform"]).optional(),
});
export type StoredStripeEvent = z.output<typeof storedStripeEvent>;

/** The order an event names: metadata.order_id, else the session's client_reference_id. */
export function orderIdNamedBy(object: Record<string, unknown>): string | null {
  const meta = object.metadata;
  const fromMetadata =
    meta && typeof meta === "object" ? (meta as Record<string, unknown>).order_id : undefined;
  if (typeof fromMetadata === "string" && fromMetadata) return fromMetadata;
  const reference = object.client_reference_id;
  return typeof reference === "string" && reference ? reference : null;
}

export function storeIdNamedBy(object: Record<string, unknown>): string | null {
  const meta = object.metadata;
  const value =
    meta && typeof meta === "object" ? (meta as Record<string, unknown>).store_id : undefined;
  return typeof value === "string" && value ? value : null;
}

export function paymentIntentOf(object: Record<string, unknown>): string | null {
  const value = object.payment_intent;
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && typeof (value as { id?: unknown }).id === "string")
    return (value as { id: string }).id;
  return null;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
