import "server-only";
import { and, eq } from "drizzle-orm";
import Stripe from "stripe";
import { z } from "zod";
import type { Database } from "@/db/drivers";
import { orders, refunds, stores, webhookEvents } from "@/db/schema";
import { resolveStripeWebhookSecret, type StripePlatformConfig } from "./config";
import {
  orderIdNamedBy,
  paymentIntentOf,
  storeIdNamedBy,
  UUID_PATTERN,
} from "./stripe-event-objects";

/** Stripe's own default: a signature older than five minutes is refused (replays). */
export const STRIPE_SIGNATURE_TOLERANCE_S = 300;
/** Stripe's events are a few kilobytes; anything over this is refused with 413 unread. */
export const MAX_STRIPE_WEBHOOK_BYTES = 512 * 1024;

export const stripeWebhookQuerySchema = z.object({
  store: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "store must be a store's slug")
    .optional(),
});

export type ReceiveStripeInput = {
  rawBody: string;
  signature: string | null;
  /** `?store=<slug>`: the event was signed with that store's own (or sandbox) secret. */
  storeSlug: string | null;
  now?: Date;
};

export type ReceiveStripeOutcome = {
  status: 200 | 400;
  message: string;
  /** 1 when the event is new (waiting for the processor), 0 for a redelivery. */
  stored: number;
  duplicates: number;
  /** The lane of a new event: what the after() of this delivery applies. */
  lanes: string[];
  eventId: string | null;
};

function refused(message: string): ReceiveStripeOutcome {
  return { status: 400, message, stored: 0, duplicates: 0, lanes: [], eventId: null };
}

export function stripeOrderLane(orderId: string): string {
  return `stripe:order:${orderId}`;
}

/**
 * The Stripe webhook (DESIGN §4.1, §4b): the signature over the raw body first (300 s
 * tolerance), then the event stored whole under its id, and nothing else — the processor
 * applies it (lib/payments/apply-stripe-event.ts). A redelivery stores nothing. A bad,
 * missing, tampered or stale signature is a 400 and stores nothing.
 */
export async function receiveStripeWebhook(
  db: Database,
  input: ReceiveStripeInput,
  config: StripePlatformConfig,
): Promise<ReceiveStripeOutcome> {
  const now = input.now ?? new Date();
  if (!input.signature) return refused("Missing Stripe-Signature header");
  const verifier = await resolveStripeWebhookSecret(db, input.storeSlug, config);
  if (!verifier) {
    return refused(
      input.storeSlug
        ? "No Stripe webhook signing secret for this store"
        : "Stripe webhook signing secret is not configured",
    );
  }
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(
      input.rawBody,
      input.signature,
      verifier.secret,
      STRIPE_SIGNATURE_TOLERANCE_S,
      undefined,
      now.getTime(),
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : "invalid";
    return refused(`Invalid Stripe signature: ${reason}`);
  }
  if (typeof event?.id !== "string" || typeof event.type !== "string") {
    return refused("Not a Stripe event");
  }

  const object = (event.data?.object ?? {}) as unknown as Record<string, unknown>;
  const storeId = verifier.storeId ?? (await existingStore(db, storeIdNamedBy(object)));
  const orderId = orderIdNamedBy(object) ?? (await orderOfPayment(db, object, verifier.storeId));
  const lane = orderId ? stripeOrderLane(orderId) : "";
  const created = typeof event.created === "number" ? new Date(event.created * 1000) : now;
  const inserted = await db
    .insert(webhookEvents)
    .values({
      provider: "stripe",
      externalId: event.id,
      storeId,
      kind: event.type,
      lane,
      occurredAt: created,
      // Which secret vouched for it decides which orders it may touch (apply-stripe-event.ts).
      payload: { ...event, chatcart_endpoint: verifier.storeId ? "store" : "platform" },
      receivedAt: now,
      nextAttemptAt: now,
    })
    .onConflictDoNothing({ target: [webhookEvents.provider, webhookEvents.externalId] })
    .returning({ lane: webhookEvents.lane });
  return {
    status: 200,
    message: inserted.length > 0 ? "ok" : "duplicate",
    stored: inserted.length,
    duplicates: 1 - inserted.length,
    lanes: inserted.map((row) => row.lane),
    eventId: event.id,
  };
}

async function existingStore(db: Database, storeId: string | null): Promise<string | null> {
  if (!storeId || !UUID_PATTERN.test(storeId)) return null;
  const [row] = await db.select({ id: stores.id }).from(stores).where(eq(stores.id, storeId));
  return row?.id ?? null;
}

/** Charges and refunds carry no order id of ours: the payment intent names the order. */
async function orderOfPayment(
  db: Database,
  object: Record<string, unknown>,
  storeId: string | null,
): Promise<string | null> {
  const paymentIntentId = paymentIntentOf(object);
  if (!paymentIntentId) return null;
  const [order] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        eq(orders.paymentIntentId, paymentIntentId),
        storeId ? eq(orders.storeId, storeId) : undefined,
      ),
    )
    .limit(1);
  if (order) return order.id;
  const [refund] = await db
    .select({ orderId: refunds.orderId })
    .from(refunds)
    .where(
      and(
        eq(refunds.paymentIntentId, paymentIntentId),
        storeId ? eq(refunds.storeId, storeId) : undefined,
      ),
    )
    .limit(1);
  return refund?.orderId ?? null;
}
