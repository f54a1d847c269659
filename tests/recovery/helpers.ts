/** Shared by the recovery tests (not a test file itself): a shop with recovery on, carts, a clock. */
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import {
  cartItems,
  carts,
  conversations,
  customers,
  events,
  messages,
  messageTemplates,
  orders,
  recoveries,
  recoveryPrograms,
  recoverySteps,
} from "@/db/schema";
import { generateCartToken } from "@/lib/cart/cart";
import { applyCheckoutPaid } from "@/lib/payments/apply-checkout-session";
import type { CheckoutSessionObject } from "@/lib/payments/stripe-event-objects";
import { markAbandoned } from "@/lib/recovery/abandon";
import { runRecoverySteps } from "@/lib/recovery/run-steps";
import { defaultRecoverySettings, type RecoverySettings } from "@/lib/recovery/settings";
import { createPaymentShop, sessionObject } from "../payments/stripe-helpers";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const ORIGIN = "https://shop.test";
/** 10:00 in Tokyo (the fixture stores' zone). */
export const T0 = new Date("2026-03-10T01:00:00Z");

export const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

export const TEMPLATE = {
  name: "cart_reminder",
  language: "en",
  variables: ["name", "items", "link"] as ("name" | "items" | "link")[],
};

/** A chat store (Asia/Tokyo, JPY; matcha ¥3,200) with recovery on and an opted-in shopper. */
export async function createRecoveryShop(
  db: Database,
  options: {
    settings?: Partial<RecoverySettings>;
    enabled?: boolean;
    lastInboundAt?: Date | null;
    template?: boolean;
  } = {},
) {
  const shop = await createPaymentShop(db, {
    lastInboundAt:
      options.lastInboundAt === undefined ? at(T0, -10 * MINUTE) : options.lastInboundAt,
  });
  // Opted in before the test's clock, so an opt-out at a test time comes after it.
  const [customer] = await db
    .update(customers)
    .set({ optedInAt: at(T0, -3 * DAY) })
    .where(eq(customers.id, shop.customer.id))
    .returning();
  const settings = { ...defaultRecoverySettings(), ...options.settings };
  await db.insert(recoveryPrograms).values({
    storeId: shop.store.id,
    enabled: options.enabled ?? true,
    settings,
  });
  if (options.template) {
    await db.insert(messageTemplates).values({
      storeId: shop.store.id,
      name: TEMPLATE.name,
      language: TEMPLATE.language,
      body: "Hi {{1}}, your cart ({{2}}) is waiting: {{3}}",
      variableCount: 3,
    });
  }
  return { ...shop, customer: customer!, settings };
}
export type RecoveryShop = Awaited<ReturnType<typeof createRecoveryShop>>;

/** Steps for tests: each with the template unless `template: false`. */
export function steps(
  delays: number[],
  options: { template?: boolean } = {},
): RecoverySettings["steps"] {
  const defaults = defaultRecoverySettings().steps;
  return delays.map((delayMinutes, index) => ({
    ...defaults[Math.min(index, defaults.length - 1)]!,
    delayMinutes,
    template: options.template === false ? null : TEMPLATE,
  }));
}

/** Another opted-in customer of the shop, with an open conversation. */
export async function addCustomer(
  db: Database,
  shop: RecoveryShop,
  options: { lastInboundAt?: Date | null; optedIn?: boolean } = {},
) {
  const [customer] = await db
    .insert(customers)
    .values({
      storeId: shop.store.id,
      waId: `8170${Math.floor(Math.random() * 1e9)}`,
      name: "Ken",
      optedInAt: options.optedIn === false ? null : at(T0, -3 * DAY),
      lastInboundAt:
        options.lastInboundAt === undefined ? at(T0, -10 * MINUTE) : options.lastInboundAt,
    })
    .returning();
  await db
    .insert(conversations)
    .values({ storeId: shop.store.id, customerId: customer!.id, language: "en" });
  return customer!;
}

/** A cart of `quantity` × matcha, last touched at `updatedAt`. */
export async function leaveCart(
  db: Database,
  shop: RecoveryShop,
  updatedAt: Date,
  options: { customerId?: string | null; quantity?: number; empty?: boolean } = {},
) {
  const [cart] = await db
    .insert(carts)
    .values({
      storeId: shop.store.id,
      token: generateCartToken(),
      customerId: options.customerId === undefined ? shop.customer.id : options.customerId,
      language: "en",
      createdAt: updatedAt,
      updatedAt,
    })
    .returning();
  if (!options.empty) {
    await db.insert(cartItems).values({
      storeId: shop.store.id,
      cartId: cart!.id,
      productId: shop.matcha.id,
      quantity: options.quantity ?? 2,
    });
  }
  return cart!;
}

export const abandonAt = (db: Database, now: Date) => markAbandoned(db, { now: () => now });
export const stepsAt = (db: Database, now: Date) =>
  runRecoverySteps(db, { now: () => now, origin: ORIGIN });

export async function recoveryOfCart(db: Database, cartId: string) {
  const [row] = await db.select().from(recoveries).where(eq(recoveries.cartId, cartId));
  return row;
}

export async function recoveryById(db: Database, id: string) {
  const [row] = await db.select().from(recoveries).where(eq(recoveries.id, id));
  return row!;
}

export async function stepsOf(db: Database, recoveryId: string) {
  return db
    .select()
    .from(recoverySteps)
    .where(eq(recoverySteps.recoveryId, recoveryId))
    .orderBy(asc(recoverySteps.step));
}

export async function messageById(db: Database, id: string) {
  const [row] = await db.select().from(messages).where(eq(messages.id, id));
  return row!;
}

export async function orderById(db: Database, id: string) {
  const [row] = await db.select().from(orders).where(eq(orders.id, id));
  return row!;
}

export async function cartById(db: Database, id: string) {
  const [row] = await db.select().from(carts).where(eq(carts.id, id));
  return row!;
}

export async function eventsOf(db: Database, storeId: string, type: string) {
  return db
    .select()
    .from(events)
    .where(and(eq(events.storeId, storeId), eq(events.type, type)));
}

/** What the webhook of a status update would record. */
export async function markMessage(
  db: Database,
  messageId: string,
  status: "delivered" | "read" | "failed",
  when: Date,
) {
  await db
    .update(messages)
    .set({
      status,
      ...(status === "delivered" && { deliveredAt: when }),
      ...(status === "read" && { deliveredAt: when, readAt: when }),
      ...(status === "failed" && { failedAt: when, errorReason: "Undeliverable" }),
    })
    .where(eq(messages.id, messageId));
}

/** Applies a Checkout payment of the order's total at `when`, as the webhook does. */
export async function payOrder(db: Database, orderId: string, when: Date) {
  return db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
    return applyCheckoutPaid(tx, {
      order: order!,
      session: sessionObject(order!) as unknown as CheckoutSessionObject,
      eventType: "checkout.session.completed",
      now: when,
    });
  });
}
