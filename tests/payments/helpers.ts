import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { customers, orders, products, stores } from "@/db/schema";
import type { StripePlatformConfig } from "@/lib/payments/config";
import { createOrder, type CreatedOrder } from "@/lib/orders/create-order";
import { createOwnerWithStore } from "../support/fixtures";

export const BROWSER_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";

export const PLATFORM_KEY = "sk_test_platform_1234";
export const ENCRYPTION_KEY = randomBytes(32).toString("base64");

export function stripeConfig(
  apiUrl: string,
  overrides: Partial<StripePlatformConfig> = {},
): StripePlatformConfig {
  return {
    secretKey: PLATFORM_KEY,
    webhookSecret: "whsec_test",
    apiUrl,
    sandbox: "auto",
    nodeEnv: "test",
    encryptionKey: ENCRYPTION_KEY,
    ...overrides,
  };
}

let ipCounter = 0;
/** A new client address per call, so the /pay rate limit never joins two tests. */
export function freshIp(): string {
  ipCounter += 1;
  return `198.51.${Math.floor(ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`;
}

export type PayShop = Awaited<ReturnType<typeof createPayShop>>;

/** A store with two products in `currency` and a customer. */
export async function createPayShop(
  db: Database,
  options: {
    currency?: string;
    prices?: [number, number];
    settings?: Record<string, unknown>;
  } = {},
) {
  const currency = options.currency ?? "JPY";
  const owner = await createOwnerWithStore(db, { currency });
  if (options.settings) {
    await db
      .update(stores)
      .set({ settings: options.settings })
      .where(eq(stores.id, owner.store.id));
  }
  const [first, second] = options.prices ?? [4800, 1200];
  const suffix = randomBytes(4).toString("hex");
  const [matcha, whisk] = await db
    .insert(products)
    .values([
      {
        storeId: owner.store.id,
        slug: `matcha-${suffix}`,
        sku: `M-${suffix}`,
        name: "Uji Matcha",
        priceMinor: first,
        currency,
      },
      {
        storeId: owner.store.id,
        slug: `whisk-${suffix}`,
        sku: `W-${suffix}`,
        name: "Bamboo Whisk",
        priceMinor: second,
        currency,
      },
    ])
    .returning();
  const [customer] = await db
    .insert(customers)
    .values({
      storeId: owner.store.id,
      waId: `8190${Math.floor(Math.random() * 1e8)}`,
      name: "Aiko",
    })
    .returning();
  return { ...owner, matcha: matcha!, whisk: whisk!, customer: customer! };
}

/** A pending order (2 × matcha, 1 × whisk by default) with its payment link. */
export async function createPendingOrder(
  db: Database,
  shop: PayShop,
  options: { language?: string; lines?: { productId: string; quantity: number }[] } = {},
): Promise<CreatedOrder> {
  const result = await db.transaction((tx) =>
    createOrder(tx, {
      storeId: shop.store.id,
      customerId: shop.customer.id,
      conversationId: null,
      origin: "bot",
      lines: options.lines ?? [
        { productId: shop.matcha.id, quantity: 2 },
        { productId: shop.whisk.id, quantity: 1 },
      ],
      language: options.language ?? "en",
      now: new Date(),
    }),
  );
  if (!result.ok) throw new Error(`fixture order failed: ${result.reason}`);
  return result;
}

export async function orderRow(db: Database, orderId: string) {
  const [row] = await db.select().from(orders).where(eq(orders.id, orderId));
  return row!;
}

/** Marks an order paid as the webhook would (only the columns refunds look at). */
export async function markPaid(
  db: Database,
  orderId: string,
  paymentIntentId = `pi_test_${randomBytes(6).toString("hex")}`,
) {
  await db
    .update(orders)
    .set({ status: "paid", paymentIntentId, paidAt: new Date() })
    .where(eq(orders.id, orderId));
  return paymentIntentId;
}
