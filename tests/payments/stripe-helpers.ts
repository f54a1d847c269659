/** Shared by the Stripe webhook tests (not a test file itself): stores, orders, signed events. */
import { randomBytes } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import Stripe from "stripe";
import type { Database } from "@/db/drivers";
import {
  conversations,
  customers,
  events,
  messages,
  type Order,
  orders,
  outbox,
  webhookEvents,
} from "@/db/schema";
import { toStripeAmount } from "@/lib/payments/amounts";
import type { StripePlatformConfig } from "@/lib/payments/config";
import { receiveStripeWebhook } from "@/lib/payments/receive-stripe-webhook";
import { processWebhookEvents } from "@/lib/processing/processor";
import { createOrder } from "@/lib/orders/create-order";
import { saveCredential } from "@/lib/stores/credentials";
import { createChatStore, testPlatformConfig } from "../whatsapp/fixtures";

export const PLATFORM_WEBHOOK_SECRET = "whsec_platformTestSecret0123456789";
export const whatsappConfig = testPlatformConfig();

export function stripeTestConfig(
  overrides: Partial<StripePlatformConfig> = {},
): StripePlatformConfig {
  return {
    secretKey: "sk_test_platform0123456789",
    webhookSecret: PLATFORM_WEBHOOK_SECRET,
    apiUrl: "http://127.0.0.1:9",
    sandbox: "auto",
    nodeEnv: "test",
    encryptionKey: whatsappConfig.encryptionKey,
    ...overrides,
  };
}

let shopperCounter = 0;

/** A chat store with a shopper who wrote `lastInboundAt` (default: just now) and opted in. */
export async function createPaymentShop(
  db: Database,
  options: { lastInboundAt?: Date | null; language?: string; ownWebhookSecret?: string } = {},
) {
  const shop = await createChatStore(db);
  shopperCounter += 1;
  const now = new Date();
  const [customer] = await db
    .insert(customers)
    .values({
      storeId: shop.store.id,
      waId: `8190${Date.now().toString().slice(-6)}${shopperCounter}`,
      name: "Aiko",
      optedInAt: new Date(now.getTime() - 86_400_000 * 3),
      lastInboundAt: options.lastInboundAt === undefined ? now : options.lastInboundAt,
    })
    .returning();
  const [conversation] = await db
    .insert(conversations)
    .values({
      storeId: shop.store.id,
      customerId: customer!.id,
      language: options.language ?? "en",
      source: "desktop_qr",
    })
    .returning();
  if (options.ownWebhookSecret) {
    await saveCredential(
      db,
      shop.store.id,
      "stripe_webhook_secret",
      options.ownWebhookSecret,
      whatsappConfig.encryptionKey,
    );
  }
  return { ...shop, customer: customer!, conversation: conversation! };
}
export type PaymentShop = Awaited<ReturnType<typeof createPaymentShop>>;

export async function newOrder(
  db: Database,
  shop: PaymentShop,
  options: { language?: string; cartId?: string; quantity?: number } = {},
) {
  const result = await createOrder(db, {
    storeId: shop.store.id,
    customerId: shop.customer.id,
    conversationId: shop.conversation.id,
    origin: "bot",
    lines: [{ productId: shop.matcha.id, quantity: options.quantity ?? 2 }],
    language: options.language ?? "en",
    cartId: options.cartId ?? null,
    now: new Date(),
  });
  if (!result.ok) throw new Error(`createOrder: ${result.reason}`);
  return result;
}

export function eventId(): string {
  return `evt_test_${randomBytes(10).toString("hex")}`;
}

export function stripeEvent(type: string, object: Record<string, unknown>, at = new Date()) {
  return {
    id: eventId(),
    object: "event",
    created: Math.floor(at.getTime() / 1000),
    livemode: false,
    type,
    data: { object },
  };
}

export function sessionObject(
  order: Order,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: `cs_test_${randomBytes(8).toString("hex")}`,
    object: "checkout.session",
    payment_status: "paid",
    status: "complete",
    amount_total: toStripeAmount(order.totalMinor, order.currency),
    currency: order.currency.toLowerCase(),
    client_reference_id: order.id,
    metadata: { order_id: order.id, store_id: order.storeId },
    payment_intent: `pi_test_${randomBytes(8).toString("hex")}`,
    collected_information: {
      shipping_details: {
        name: "Aiko Tanaka",
        address: {
          line1: "1-1 Kyoto",
          line2: null,
          city: "Kyoto",
          state: "Kyoto",
          postal_code: "600-8001",
          country: "JP",
        },
      },
    },
    ...overrides,
  };
}

/** The raw body and a Stripe-Signature header for it, signed as Stripe signs. */
export function signed(event: unknown, secret: string, timestamp?: Date) {
  const rawBody = JSON.stringify(event);
  const signature = Stripe.webhooks.generateTestHeaderString({
    payload: rawBody,
    secret,
    ...(timestamp && { timestamp: Math.floor(timestamp.getTime() / 1000) }),
  });
  return { rawBody, signature };
}

/** Receive (verify + store) and apply, as the route and its after() do. */
export async function deliver(
  db: Database,
  event: unknown,
  options: { secret?: string; storeSlug?: string | null; config?: StripePlatformConfig } = {},
) {
  const { rawBody, signature } = signed(event, options.secret ?? PLATFORM_WEBHOOK_SECRET);
  const outcome = await receiveStripeWebhook(
    db,
    { rawBody, signature, storeSlug: options.storeSlug ?? null },
    options.config ?? stripeTestConfig(),
  );
  const applied = await processWebhookEvents(db, { config: whatsappConfig, lanes: outcome.lanes });
  return { ...outcome, applied };
}

export async function reloadOrder(db: Database, orderId: string): Promise<Order> {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  return order!;
}

export async function storedEvent(db: Database, externalId: string) {
  return db
    .select()
    .from(webhookEvents)
    .where(and(eq(webhookEvents.provider, "stripe"), eq(webhookEvents.externalId, externalId)));
}

export async function orderMessages(db: Database, orderId: string) {
  return db
    .select()
    .from(messages)
    .where(like(messages.dedupeKey, `order:${orderId}:%`))
    .orderBy(messages.createdAt);
}

export async function outboxOfMessages(db: Database, messageIds: string[]) {
  const rows = await db.select().from(outbox);
  return rows.filter((row) => row.messageId && messageIds.includes(row.messageId));
}

export async function paidEvents(db: Database, orderId: string) {
  return db
    .select()
    .from(events)
    .where(and(eq(events.orderId, orderId), eq(events.type, "order_paid")));
}
