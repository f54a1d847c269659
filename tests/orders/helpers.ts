/** Shared by the order dashboard tests (not a test file itself): stores, chats and orders. */
import { randomBytes } from "node:crypto";
import type { Database } from "@/db/drivers";
import {
  clicks,
  conversations,
  customers,
  type FulfillmentStatus,
  type NewOrder,
  orders,
  type OrderStatus,
  products,
  qrCodes,
} from "@/db/schema";
import type { StripePlatformConfig } from "@/lib/payments/config";
import { createOwnerWithStore } from "../support/fixtures";

let counter = 0;
const next = () => ++counter;

export type Shop = Awaited<ReturnType<typeof createOwnerWithStore>>;

export function stripeConfig(overrides: Partial<StripePlatformConfig> = {}): StripePlatformConfig {
  return {
    secretKey: undefined,
    webhookSecret: undefined,
    apiUrl: "http://127.0.0.1:9",
    sandbox: "auto",
    nodeEnv: "test",
    encryptionKey: randomBytes(32).toString("base64"),
    ...overrides,
  };
}

export async function addProduct(
  db: Database,
  storeId: string,
  values: { name?: string; priceMinor?: number; currency?: string; active?: boolean } = {},
) {
  const n = next();
  const [row] = await db
    .insert(products)
    .values({
      storeId,
      slug: `product-${n}`,
      sku: `SKU-${n}`,
      name: values.name ?? `Product ${n}`,
      priceMinor: values.priceMinor ?? 1000 * n,
      currency: values.currency ?? "JPY",
      active: values.active ?? true,
    })
    .returning();
  return row!;
}

/** A customer (last message `lastInboundAt`) with an open conversation from `source`. */
export async function addChat(
  db: Database,
  storeId: string,
  values: {
    name?: string | null;
    phone?: string | null;
    lastInboundAt?: Date | null;
    source?: string;
    language?: string;
    ref?: string;
    qrName?: string;
    productId?: string;
    status?: "bot" | "agent" | "closed";
  } = {},
) {
  const n = next();
  const waId = `8190${String(n).padStart(8, "0")}`;
  const [customer] = await db
    .insert(customers)
    .values({
      storeId,
      waId,
      phone: values.phone === undefined ? `+${waId}` : values.phone,
      name: values.name === undefined ? `Customer ${n}` : values.name,
      lastInboundAt: values.lastInboundAt === undefined ? new Date() : values.lastInboundAt,
    })
    .returning();
  let qrCodeId: string | null = null;
  if (values.qrName) {
    const [qr] = await db
      .insert(qrCodes)
      .values({ storeId, code: `qr${n}`, name: values.qrName })
      .returning();
    qrCodeId = qr!.id;
  }
  let clickId: string | null = null;
  if (values.ref) {
    const [click] = await db
      .insert(clicks)
      .values({
        storeId,
        ref: values.ref,
        source: (values.source ?? "link") as "link",
        productId: values.productId ?? null,
        qrCodeId,
        language: "en",
        deviceClass: "mobile",
      })
      .returning();
    clickId = click!.id;
  }
  const [conversation] = await db
    .insert(conversations)
    .values({
      storeId,
      customerId: customer!.id,
      source: values.source ?? "unattributed",
      clickId,
      qrCodeId,
      productId: values.productId ?? null,
      language: values.language ?? "en",
      status: values.status ?? "bot",
      closedAt: values.status === "closed" ? new Date() : null,
    })
    .returning();
  return { customer: customer!, conversation: conversation! };
}

/** An order row written directly (the state tests start from any state). */
export async function addOrder(
  db: Database,
  storeId: string,
  values: Partial<NewOrder> & { status?: OrderStatus; fulfillmentStatus?: FulfillmentStatus } = {},
) {
  const n = next();
  const [row] = await db
    .insert(orders)
    .values({
      storeId,
      number: `T-${n}`,
      currency: "JPY",
      subtotalMinor: 5000,
      totalMinor: 5000,
      ...values,
    })
    .returning();
  return row!;
}
