/**
 * Random, realistic analytics rows for one store, and plain readers of the raw rows that the
 * brute-force references in tests/analytics/*.test.ts compute from. Deterministic per seed, so a
 * failure can be replayed. Timestamps crowd the `edges` given (exactly on, 1 ms before, 1 ms
 * after), so window edges and local midnights around a DST change are exercised.
 */
import { eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import {
  clicks,
  conversations,
  customers,
  type NewClick,
  type NewOrder,
  type NewOrderItem,
  orderItems,
  orders,
  products,
  qrCodes,
  stores,
} from "@/db/schema";
import type { AnalyticsStore } from "@/lib/analytics/store";
import {
  orderLines,
  orderOutcome,
  PHONE_PREFIXES,
  randomSource,
  timePicker,
  weightedSource,
} from "./random-rows";

export { dayStartsOf, dstScenario, FIXTURE_TIMEZONE, randomSource } from "./random-rows";
export { isPaidWithin, isWithin, type RawRows, readRawRows } from "./raw-rows";

type NewConversation = typeof conversations.$inferInsert;

export type FixtureCounts = {
  products: number;
  /** Printed QR codes; the first is archived, the last is deleted after its rows are written. */
  qrCodes: number;
  customers: number;
  clicks: number;
  conversations: number;
  orders: number;
};

export type AnalyticsFixtureOptions = {
  seed: number;
  /** Timestamps are drawn from `start <= t < end` (and from `edges`). */
  span: { start: Date; end: Date };
  /**
   * Instants that rows land exactly on, 1 ms before and 1 ms after: about a fifth of all rows,
   * and one click at each of the three for every edge (while there are clicks to place).
   */
  edges?: Date[];
  timezone?: string;
  currency?: string;
  counts?: Partial<FixtureCounts>;
  /** Orders in another currency (an anomaly the figures leave out); default 0.03. */
  foreignCurrencyShare?: number;
};

export const DEFAULT_COUNTS: FixtureCounts = {
  products: 6,
  qrCodes: 5,
  customers: 80,
  clicks: 260,
  conversations: 160,
  orders: 140,
};

let storeCounter = 0;

async function insertStore(db: Database, options: AnalyticsFixtureOptions) {
  storeCounter += 1;
  const [store] = await db
    .insert(stores)
    .values({
      slug: `analytics-${options.seed}-${storeCounter}-${Date.now().toString(36)}`,
      name: `Analytics Shop ${storeCounter}`,
      whatsappNumber: "+15550001234",
      currency: options.currency ?? "USD",
      timezone: options.timezone ?? "America/New_York",
      defaultLanguage: "en",
      languages: ["en", "ja"],
    })
    .returning();
  if (!store) throw new Error("store insert returned no row");
  return store;
}

/**
 * A store with products, QR codes (one archived, one deleted afterwards, one product deleted
 * afterwards too), customers from several countries, clicks from every source, conversations
 * (from clicks, from ads, unattributed) and orders with lines in every state.
 */
export async function buildAnalyticsStore(db: Database, options: AnalyticsFixtureOptions) {
  const counts = { ...DEFAULT_COUNTS, ...options.counts };
  const random = randomSource(options.seed);
  const time = timePicker(random, options);
  const store = await insertStore(db, options);
  const storeId = store.id;
  const foreignCurrency = store.currency === "USD" ? "EUR" : "USD";

  const catalog = await db
    .insert(products)
    .values(
      Array.from({ length: counts.products }, (_, index) => ({
        storeId,
        slug: `product-${index}`,
        sku: `SKU-${index}`,
        name: `Product ${index}`,
        priceMinor: 300 + random.int(120) * 100,
        currency: store.currency,
      })),
    )
    .returning();
  const codes = await db
    .insert(qrCodes)
    .values(
      Array.from({ length: counts.qrCodes }, (_, index) => ({
        storeId,
        code: `Q${options.seed}X${index}`,
        name: `Shop card ${index} — store ${storeCounter}`,
        productId: index % 2 === 1 ? random.pick(catalog).id : null,
        archivedAt: index === 0 ? options.span.start : null,
      })),
    )
    .returning();
  const people = await db
    .insert(customers)
    .values(
      Array.from({ length: counts.customers }, (_, index) => {
        const digits = `${random.pick(PHONE_PREFIXES)}${String(index).padStart(6, "0")}`;
        return random.chance(0.08)
          ? { storeId, userId: `bsuid-${storeCounter}-${index}`, createdAt: time.any() }
          : { storeId, waId: digits, phone: `+${digits}`, createdAt: time.any() };
      }),
    )
    .returning();

  // Every edge gets a click exactly on it, 1 ms before and 1 ms after (as far as clicks go).
  const edgeSlots = (options.edges ?? []).flatMap((edge) =>
    [-1, 0, 1].map((offset) => new Date(edge.getTime() + offset)),
  );
  const clickValues: NewClick[] = Array.from({ length: counts.clicks }, (_, index) => {
    const source = weightedSource(random);
    const code = source === "qr" && random.chance(0.93) ? random.pick(codes) : null;
    const productId =
      source === "product_button" || (source === "widget" && random.chance(0.4))
        ? random.pick(catalog).id
        : (code?.productId ?? null);
    return {
      storeId,
      ref: `r${options.seed}x${index}`,
      source,
      productId,
      qrCodeId: code?.id ?? null,
      language: random.pick(["en", "ja", "zh-Hans", "ko"]),
      deviceClass: random.pick(["mobile", "desktop", "tablet"]),
      createdAt: edgeSlots[index] ?? time.any(),
    };
  });
  const clickRows = clickValues.length
    ? await db.insert(clicks).values(clickValues).returning()
    : [];

  const unusedClicks = random.shuffle(clickRows);
  const chatValues: NewConversation[] = Array.from({ length: counts.conversations }, () => {
    const customer = random.pick(people);
    const click = random.chance(0.65) ? unusedClicks.pop() : undefined;
    if (!click) {
      const ad = random.chance(0.25);
      return {
        storeId,
        customerId: customer.id,
        source: ad ? "ad" : "unattributed",
        adReferral: ad ? { source_type: "ad", source_id: `ad-${random.int(5)}` } : null,
        language: "en",
        status: "closed" as const,
        createdAt: time.any(),
      };
    }
    return {
      storeId,
      customerId: customer.id,
      source: click.source,
      clickId: click.id,
      // Now and then a QR code's product is missing on the chat (inactive when scanned).
      productId: click.qrCodeId && random.chance(0.3) ? null : click.productId,
      qrCodeId: click.qrCodeId,
      language: click.language,
      status: "closed" as const,
      createdAt: time.after(click.createdAt),
    };
  });
  // One open conversation per customer at most: their latest.
  const latest = new Map<string, NewConversation>();
  for (const chat of chatValues) {
    const seen = latest.get(chat.customerId);
    if (!seen || (seen.createdAt as Date) < (chat.createdAt as Date))
      latest.set(chat.customerId, chat);
  }
  for (const chat of latest.values())
    chat.status = random.pick(["bot", "agent", "closed"] as const);
  const chats = chatValues.length
    ? await db.insert(conversations).values(chatValues).returning()
    : [];

  const lines: Omit<NewOrderItem, "orderId">[][] = [];
  const orderValues: NewOrder[] = Array.from({ length: counts.orders }, (_, index) => {
    const chat = chats.length > 0 && random.chance(0.75) ? random.pick(chats) : undefined;
    const createdAt = chat ? time.after(chat.createdAt) : time.any();
    const items = orderLines(random, catalog);
    lines.push(items.map((item) => ({ ...item, storeId })));
    const subtotal = items.reduce((sum, item) => sum + item.lineTotalMinor, 0);
    return {
      storeId,
      number: `F${options.seed}-${index}`,
      customerId: chat?.customerId ?? (random.chance(0.8) ? random.pick(people).id : null),
      currency: random.chance(options.foreignCurrencyShare ?? 0.03)
        ? foreignCurrency
        : store.currency,
      source: chat?.source ?? "unattributed",
      origin: random.pick(["bot", "cart", "agent", "catalog"] as const),
      conversationId: chat?.id ?? null,
      clickId: chat?.clickId ?? null,
      qrCodeId: chat?.qrCodeId ?? null,
      productId: chat?.productId ?? null,
      createdAt,
      ...orderOutcome(random, subtotal, createdAt, time),
    };
  });
  const orderRows = orderValues.length
    ? await db.insert(orders).values(orderValues).returning({ id: orders.id })
    : [];
  const itemValues = orderRows.flatMap((order, index) =>
    (lines[index] ?? []).map((line) => ({ ...line, orderId: order.id })),
  );
  if (itemValues.length) await db.insert(orderItems).values(itemValues);

  // A deleted QR code and product leave their rows behind with the reference set to null.
  const deletedQr = codes.at(-1);
  if (deletedQr) await db.delete(qrCodes).where(eq(qrCodes.id, deletedQr.id));
  const deletedProduct = catalog.at(-1);
  if (deletedProduct) await db.delete(products).where(eq(products.id, deletedProduct.id));

  const analyticsStore: AnalyticsStore = {
    id: store.id,
    timezone: store.timezone,
    currency: store.currency,
  };
  return {
    store: analyticsStore,
    products: catalog.slice(0, -1),
    qrCodes: codes.slice(0, -1),
    deletedQrCodeId: deletedQr?.id ?? null,
    deletedProductId: deletedProduct?.id ?? null,
  };
}

export type AnalyticsFixture = Awaited<ReturnType<typeof buildAnalyticsStore>>;
