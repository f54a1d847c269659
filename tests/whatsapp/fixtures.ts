import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { clicks, products, stores } from "@/db/schema";
import { generateRef } from "@/lib/attribution/refs";
import type { WhatsAppPlatformConfig } from "@/lib/whatsapp/channel";
import { receiveAndApply } from "@/lib/processing/receive-and-apply";
import { signWebhookBody } from "@/lib/whatsapp/signature";
import {
  buildInboundMessageWebhook,
  buildStatusWebhook,
  type InboundMessageSpec,
} from "@/lib/whatsapp/webhook-builders";

let counter = 0;

export const TEST_APP_SECRET = "0123456789abcdef0123456789abcdef";

/**
 * The operator's bindings (WHATSAPP_PHONE_NUMBERS) in tests: every fixture store's number is
 * bound to it here, as an operator would, unless a test passes its own map.
 */
export const operatorBoundNumbers = new Map<string, string>();

export function testPlatformConfig(
  overrides: Partial<WhatsAppPlatformConfig> = {},
): WhatsAppPlatformConfig {
  return {
    graphApiUrl: "http://127.0.0.1:9/v23.0",
    platformAccessToken: undefined,
    platformAppSecret: TEST_APP_SECRET,
    platformPhoneNumbers: operatorBoundNumbers,
    sandbox: "auto",
    nodeEnv: "test",
    encryptionKey: ENCRYPTION_KEY,
    ...overrides,
  };
}

const ENCRYPTION_KEY = randomBytes(32).toString("base64");

/** A store with a WhatsApp phone-number id, two products and a tracked click per product. */
export async function createChatStore(db: Database, options: { defaultLanguage?: string } = {}) {
  counter += 1;
  const phoneNumberId = `${Date.now()}${counter}`.slice(-15);
  const [store] = await db
    .insert(stores)
    .values({
      slug: `chat-shop-${counter}-${Date.now().toString(36)}`,
      name: `Chat Shop ${counter}`,
      whatsappNumber: "+15550001234",
      whatsappPhoneNumberId: phoneNumberId,
      currency: "JPY",
      timezone: "Asia/Tokyo",
      defaultLanguage: options.defaultLanguage ?? "en",
      languages: ["en", "ja"],
    })
    .returning();
  if (!store) throw new Error("store insert returned no row");
  operatorBoundNumbers.set(phoneNumberId, store.slug);
  const [matcha, bowl] = await db
    .insert(products)
    .values([
      {
        storeId: store.id,
        slug: "matcha",
        sku: `M${counter}`,
        name: "Uji Matcha",
        description: "Ceremonial grade",
        priceMinor: 3200,
        currency: "JPY",
      },
      {
        storeId: store.id,
        slug: "bowl",
        sku: `B${counter}`,
        name: "Tea Bowl",
        description: "Handmade",
        priceMinor: 8800,
        currency: "JPY",
      },
    ])
    .returning();
  if (!matcha || !bowl) throw new Error("product insert returned no rows");
  const [click] = await db
    .insert(clicks)
    .values({
      storeId: store.id,
      ref: generateRef(),
      source: "desktop_qr",
      productId: matcha.id,
      language: "ja",
      deviceClass: "desktop",
    })
    .returning();
  if (!click) throw new Error("click insert returned no row");
  return { store, phoneNumberId, matcha, bowl, click };
}

export type ChatStoreFixture = Awaited<ReturnType<typeof createChatStore>>;

let wamidCounter = 0;
export function nextWamid(): string {
  wamidCounter += 1;
  return `wamid.TEST${Date.now().toString(36)}${wamidCounter}`;
}

/**
 * Posts a body to the webhook exactly as Meta would (raw bytes, signed), then runs the
 * processor on what it stored, as the route's after() does. `stored` counts the items that
 * were stored and applied; `failed` those stored as failed or failing to apply.
 */
export async function deliverRaw(
  db: Database,
  rawBody: string,
  options: { secret?: string; config?: WhatsAppPlatformConfig; now?: Date } = {},
) {
  const bytes = new TextEncoder().encode(rawBody);
  const outcome = await receiveAndApply(
    db,
    {
      rawBody: bytes,
      signature: signWebhookBody(bytes, options.secret ?? TEST_APP_SECRET),
      storeSlug: null,
      now: options.now,
    },
    options.config ?? testPlatformConfig(),
  );
  const { applied, ...received } = outcome;
  const notApplied = applied.failed + applied.gaveUp;
  return {
    status: received.status,
    message: received.message,
    stored: received.stored - notApplied,
    duplicates: received.duplicates,
    failed: received.failed + notApplied,
  };
}

export function inboundBody(
  shop: Pick<ChatStoreFixture, "phoneNumberId">,
  message: InboundMessageSpec,
  options: { waId?: string; wamid?: string; timestamp?: Date; profileName?: string } = {},
): { body: string; wamid: string } {
  const wamid = options.wamid ?? nextWamid();
  const payload = buildInboundMessageWebhook({
    phoneNumberId: shop.phoneNumberId,
    displayPhoneNumber: "15550001234",
    waId: options.waId ?? "819012345678",
    profileName: options.profileName ?? "Aiko",
    wamid,
    timestamp: options.timestamp ?? new Date(),
    message,
  });
  return { body: JSON.stringify(payload), wamid };
}

export function statusBody(
  shop: Pick<ChatStoreFixture, "phoneNumberId">,
  input: {
    wamid: string;
    status: "sent" | "delivered" | "read" | "failed";
    timestamp?: Date;
    recipientId?: string;
    errors?: { code: number; title: string }[];
  },
): string {
  return JSON.stringify(
    buildStatusWebhook({
      phoneNumberId: shop.phoneNumberId,
      displayPhoneNumber: "15550001234",
      wamid: input.wamid,
      recipientId: input.recipientId ?? "819012345678",
      status: input.status,
      timestamp: input.timestamp ?? new Date(),
      ...(input.errors ? { errors: input.errors } : {}),
    }),
  );
}

export async function storeRow(db: Database, storeId: string) {
  const [row] = await db.select().from(stores).where(eq(stores.id, storeId));
  return row;
}
