/** Shared by the bot order tests (not a test file itself): a store with a QR code, a chat. */
import { and, asc, desc, eq } from "drizzle-orm";
import { expect, vi } from "vitest";
import type { Database } from "@/db/drivers";
import {
  clicks,
  customers,
  messages,
  orderItems,
  orders,
  paymentLinks,
  qrCodes,
} from "@/db/schema";
import { generateRef } from "@/lib/attribution/refs";
import { resetEnvForTests } from "@/lib/env";
import type { InboundMessageSpec } from "@/lib/whatsapp/webhook-builders";
import { createChatStore, deliverRaw, inboundBody } from "../whatsapp/fixtures";

export const APP = "https://shop.test";

/** Payment links point at APP; the store pays in the sandbox (no Stripe key, not production). */
export function usePaymentEnv(overrides: Record<string, string> = {}) {
  vi.stubEnv("APP_URL", APP);
  vi.stubEnv("STRIPE_SANDBOX", "auto");
  for (const [name, value] of Object.entries(overrides)) vi.stubEnv(name, value);
  resetEnvForTests();
}

export function restoreEnv() {
  vi.unstubAllEnvs();
  resetEnvForTests();
}

/** The chat fixture store, plus a printed QR code about the matcha and an English click from it. */
export async function createOrderStore(db: Database) {
  const shop = await createChatStore(db);
  const [qr] = await db
    .insert(qrCodes)
    .values({
      storeId: shop.store.id,
      code: `Q${Date.now()}`,
      name: "Shelf",
      productId: shop.matcha.id,
    })
    .returning();
  return { ...shop, qr: qr! };
}
export type OrderStore = Awaited<ReturnType<typeof createOrderStore>>;

/** A fresh scan of the QR code: its ref rides in the first message. */
export async function scanQr(db: Database, shop: OrderStore) {
  const [click] = await db
    .insert(clicks)
    .values({
      storeId: shop.store.id,
      ref: generateRef(),
      source: "qr",
      productId: shop.matcha.id,
      qrCodeId: shop.qr.id,
      language: "en",
      deviceClass: "mobile",
    })
    .returning();
  return click!;
}

/** Sends one message as the shopper (signed webhook → processor); returns the new replies. */
export async function send(
  db: Database,
  shop: OrderStore,
  waId: string,
  message: InboundMessageSpec,
) {
  const before = await thread(db, shop, waId);
  const { body } = inboundBody(shop, message, { waId });
  expect(await deliverRaw(db, body)).toMatchObject({ status: 200, stored: 1, failed: 0 });
  const after = await thread(db, shop, waId);
  return after.slice(before.length);
}

export async function thread(db: Database, shop: OrderStore, waId: string) {
  const [customer] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.storeId, shop.store.id), eq(customers.waId, waId)));
  if (!customer) return [];
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.customerId, customer.id), eq(messages.direction, "outbound")))
    .orderBy(asc(messages.createdAt));
}

export async function ordersOf(db: Database, shop: OrderStore, waId: string) {
  const [customer] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.storeId, shop.store.id), eq(customers.waId, waId)));
  if (!customer) return [];
  const rows = await db
    .select()
    .from(orders)
    .where(and(eq(orders.storeId, shop.store.id), eq(orders.customerId, customer.id)))
    .orderBy(desc(orders.createdAt));
  return Promise.all(
    rows.map(async (order) => ({
      order,
      items: await db.select().from(orderItems).where(eq(orderItems.orderId, order.id)),
      link: (await db.select().from(paymentLinks).where(eq(paymentLinks.orderId, order.id)))[0],
    })),
  );
}

export const tapButton = (id: string, title = id): InboundMessageSpec => ({
  type: "button_reply",
  id,
  title,
});
export const tapRow = (id: string, title = id): InboundMessageSpec => ({
  type: "list_reply",
  id,
  title,
});
export const say = (text: string): InboundMessageSpec => ({ type: "text", text });
