import "server-only";
import { createHash } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import type { Database } from "@/db/drivers";
import {
  clicks,
  customers,
  events,
  faqEntries,
  messageTemplates,
  products,
  qrCodes,
  quickReplies,
  storeMembers,
  stores,
  users,
  type NewCustomer,
  type NewProduct,
} from "@/db/schema";
import { paymentLinkOrigin } from "@/lib/payments/link-origin";
import { botContentRows } from "./seed/bot-content";
import { DEMO_PRODUCTS, productImageUrl } from "./seed/catalog";
import { DEMO_PRODUCT_TRANSLATIONS } from "./seed/catalog-translations";
import { clickRows, planClicks, type PlannedClick } from "./seed/clicks";
import { planDemoConversations } from "./seed/conversations";
import { buildDemoEvents } from "./seed/events";
import { historyStart, planHistory, type DemoHistory } from "./seed/history";
import { insertChatsAndOrders } from "./seed/insert-orders";
import { planRecoveredPayments } from "./seed/recovery-plan";
import { planQrCodes, qrCodeRows, type PlannedQrCode } from "./seed/qr-codes";
import { DEMO_OWNER } from "./policy";
import { createRng } from "./seed/random";

export { DEMO_OWNER } from "./policy";
export const DEMO_AGENT = {
  email: "agent@demo.chatcart.dev",
  password: DEMO_OWNER.password,
} as const;
export const DEMO_STORE_SLUG = "demo";

const DEMO_CURRENCY = "JPY";
const DEMO_STORE = { name: "Kyoto Tea & Crafts", currency: DEMO_CURRENCY, timezone: "Asia/Tokyo" };
/** Fixed, so that the same `now` always gives the same demo. */
const DEMO_RANDOM_SEED = 20_240_917;
const CHUNK_SIZE = 500;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export type SeedDemoOptions = {
  now?: Date;
  /** Where the demo's payment links point; by default this deployment's link origin. */
  linkOrigin?: string;
};
export type SeedDemoResult = { created: boolean; storeId: string };

/** The demo's "now": the start of the current UTC hour, so reseeding within the hour is identical. */
export function demoClock(now: Date = new Date()): Date {
  return new Date(Math.floor(now.getTime() / HOUR) * HOUR);
}

/**
 * Row ids derived from the store's id: the same for the same store, unique across
 * stores, and known before inserting (no round trip to learn them). Formatted as an
 * RFC 9562 version 8 ("custom") UUID.
 */
function demoId(storeId: string, kind: string, key: string | number): string {
  const hex = createHash("sha256").update(`${storeId}:${kind}:${key}`).digest("hex");
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

async function insertInChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
    await insert(rows.slice(start, start + CHUNK_SIZE));
  }
}

async function findDemoStoreId(db: Database | Transaction): Promise<string | undefined> {
  const [row] = await db
    .select({ id: stores.id })
    .from(stores)
    .where(eq(stores.slug, DEMO_STORE_SLUG))
    .limit(1);
  return row?.id;
}

async function insertMembers(
  tx: Transaction,
  storeId: string,
  createdAt: Date,
  hashes: { owner: string; agent: string },
): Promise<{ ownerId: string; agentId: string }> {
  const people = [
    { email: DEMO_OWNER.email, name: "Demo Owner", role: "owner", passwordHash: hashes.owner },
    { email: DEMO_AGENT.email, name: "Demo Agent", role: "agent", passwordHash: hashes.agent },
  ] as const;
  // A demo user left behind by an earlier, deleted demo store is reused as it is.
  await tx
    .insert(users)
    .values(
      people.map(({ email, name, passwordHash }, i) => ({
        id: demoId(storeId, "user", i),
        email,
        name,
        passwordHash,
        createdAt,
      })),
    )
    .onConflictDoNothing({ target: users.email });
  const rows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        people.map((person) => person.email),
      ),
    );
  const idByEmail = new Map(rows.map((row) => [row.email, row.id]));
  const idOf = (email: string) => {
    const userId = idByEmail.get(email);
    if (!userId) throw new Error(`Demo user ${email} was not created`);
    return userId;
  };
  await tx
    .insert(storeMembers)
    .values(people.map(({ email, role }) => ({ storeId, userId: idOf(email), role, createdAt })))
    .onConflictDoNothing();
  return { ownerId: idOf(DEMO_OWNER.email), agentId: idOf(DEMO_AGENT.email) };
}

async function insertCatalog(tx: Transaction, storeId: string, createdAt: Date, archivedAt: Date) {
  const ids = DEMO_PRODUCTS.map((_, i) => demoId(storeId, "product", i));
  const rows: NewProduct[] = DEMO_PRODUCTS.map((product, i) => ({
    id: ids[i],
    storeId,
    slug: product.slug,
    sku: product.sku,
    name: product.name,
    description: product.description,
    translations: DEMO_PRODUCT_TRANSLATIONS[product.slug] ?? {},
    priceMinor: product.priceMinor,
    currency: DEMO_CURRENCY,
    imageUrl: productImageUrl(product.slug),
    active: product.active,
    createdAt,
    updatedAt: product.active ? createdAt : archivedAt,
  }));
  await tx.insert(products).values(rows);
  return ids;
}

/** The demo's QR codes and the clicks (scans, taps) that started its chats, planned up front. */
type DemoAttribution = { qrCodes: PlannedQrCode[]; clicks: PlannedClick[] };

function planAttribution(history: DemoHistory, now: Date, storeCreatedAt: Date): DemoAttribution {
  const rng = createRng(DEMO_RANDOM_SEED);
  const start = historyStart(now);
  const qrCodePlan = planQrCodes(rng.fork("qr-codes"), { storeCreatedAt, historyStart: start });
  return {
    qrCodes: qrCodePlan,
    clicks: planClicks(rng.fork("clicks"), history, qrCodePlan, { start, now }),
  };
}

async function insertHistory(
  tx: Transaction,
  storeId: string,
  history: DemoHistory,
  attribution: DemoAttribution,
  context: {
    storeCreatedAt: Date;
    now: Date;
    linkOrigin: string;
    members: { ownerId: string; agentId: string };
  },
) {
  const { storeCreatedAt } = context;
  const productIds = await insertCatalog(tx, storeId, storeCreatedAt, history.archivedAt);

  const qrCodeIds = attribution.qrCodes.map((_, i) => demoId(storeId, "qr-code", i));
  await tx
    .insert(qrCodes)
    .values(qrCodeRows(attribution.qrCodes, { storeId, qrCodeIds, productIds }));
  const clickIds = attribution.clicks.map((_, i) => demoId(storeId, "click", i));
  const clickValues = clickRows(attribution.clicks, {
    storeId,
    clickIds,
    productIds,
    qrCodeIds,
  });
  await insertInChunks(clickValues, (chunk) => tx.insert(clicks).values(chunk));

  const customerIds = history.customers.map((_, i) => demoId(storeId, "customer", i));
  const bot = botContentRows(storeId, new Date(storeCreatedAt.getTime() + DAY), (kind, i) =>
    demoId(storeId, kind, i),
  );
  const chats = await planDemoConversations(
    createRng(DEMO_RANDOM_SEED).fork("conversations"),
    {
      history,
      clicks: attribution.clicks,
      qrCodes: attribution.qrCodes,
      store: DEMO_STORE,
      now: context.now,
    },
    {
      storeId,
      customerIds,
      productIds,
      clickIds,
      qrCodeIds,
      faqIds: bot.faqs.map((faq) => faq.id!),
      // The agent answers most handed-off chats; the owner steps in now and then.
      agentUserIds: [context.members.agentId, context.members.agentId, context.members.ownerId],
      newId: (kind, key) => demoId(storeId, kind, key),
    },
  );
  const customerRows: NewCustomer[] = history.customers.map((customer, i) => ({
    id: customerIds[i],
    storeId,
    waId: customer.waId,
    phone: customer.phone,
    name: customer.name,
    locale: customer.locale,
    // Consent and the 24-hour window as the customer's messages left them.
    ...chats.customers[i],
    createdAt: customer.createdAt,
  }));
  await insertInChunks(customerRows, (chunk) => tx.insert(customers).values(chunk));

  const orderIds = history.orders.map((_, i) => demoId(storeId, "order", i));
  const payments = await insertChatsAndOrders(
    tx,
    createRng(DEMO_RANDOM_SEED),
    {
      history,
      chats,
      clicks: clickValues,
      now: context.now,
      recoverySince: new Date(historyStart(context.now).getTime() - DAY),
    },
    {
      storeId,
      currency: DEMO_CURRENCY,
      origin: context.linkOrigin,
      customerIds,
      productIds,
      orderIds,
      ownerId: context.members.ownerId,
      agentUserIds: [context.members.agentId, context.members.ownerId],
      conversationId: (chatIndex) => demoId(storeId, "conversation", chatIndex),
      newId: (kind, key) => demoId(storeId, kind, key),
    },
  );
  const eventRows = buildDemoEvents(
    history,
    { storeId, currency: DEMO_CURRENCY, customerIds, orderIds },
    clickValues,
    payments,
  );
  await insertInChunks(eventRows, (chunk) => tx.insert(events).values(chunk));

  await tx.insert(faqEntries).values(bot.faqs);
  await tx.insert(quickReplies).values(bot.quickReplies);
  await tx.insert(messageTemplates).values(bot.templates);
}

/**
 * Creates the demo store "Kyoto Tea & Crafts" with its owner, catalog, QR codes, bot content
 * and 90 days of history (clicks, conversations and their messages, orders), unless it
 * exists. All or nothing (one transaction); safe to call from several processes at once
 * (the store's unique slug decides who seeds).
 */
export async function seedDemo(
  db: Database,
  options: SeedDemoOptions = {},
): Promise<SeedDemoResult> {
  const existingId = await findDemoStoreId(db);
  if (existingId) return { created: false, storeId: existingId };

  const now = demoClock(options.now);
  const storeCreatedAt = new Date(now.getTime() - 120 * DAY);
  const history = planHistory(createRng(DEMO_RANDOM_SEED), now);
  planRecoveredPayments(createRng(DEMO_RANDOM_SEED).fork("recovery"), history, now);
  const attribution = planAttribution(history, now, storeCreatedAt);
  const linkOrigin = options.linkOrigin ?? paymentLinkOrigin() ?? "https://chatcart.example";
  // New orders continue the demo's numbers (lib/orders/order-number.ts takes the next).
  const lastOrderSequence = Math.max(
    10_000,
    ...history.orders.map((order) => Number(order.number.split("-")[1])),
  );
  // bcrypt is slow by design: hash before the transaction starts holding locks.
  const hashes = {
    owner: await hashPassword(DEMO_OWNER.password),
    agent: await hashPassword(DEMO_AGENT.password),
  };

  return db.transaction(async (tx) => {
    const [store] = await tx
      .insert(stores)
      .values({
        slug: DEMO_STORE_SLUG,
        name: DEMO_STORE.name,
        whatsappNumber: "+15550001234",
        whatsappPhoneNumberId: "100000000000001",
        whatsappPhoneNumberBinding: "demo_seed",
        currency: DEMO_STORE.currency,
        timezone: DEMO_STORE.timezone,
        defaultLanguage: "ja",
        languages: ["ja", "en"],
        settings: {},
        lastOrderSequence,
        createdAt: storeCreatedAt,
        updatedAt: storeCreatedAt,
      })
      // No target: a racing seeder's row can clash on the phone-number id's unique index
      // before the slug's is checked, and that must not fail either.
      .onConflictDoNothing()
      .returning({ id: stores.id });
    if (!store) {
      // Another seeder committed the demo while we were getting ready.
      const storeId = await findDemoStoreId(tx);
      if (!storeId)
        throw new Error("Another store holds the demo's slug or WhatsApp phone-number id");
      return { created: false, storeId };
    }
    const members = await insertMembers(tx, store.id, storeCreatedAt, hashes);
    await insertHistory(tx, store.id, history, attribution, {
      storeCreatedAt,
      now,
      linkOrigin,
      members,
    });
    return { created: true, storeId: store.id };
  });
}
