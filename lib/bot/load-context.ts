import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { faqEntries, messages, orders, paymentLinks, products } from "@/db/schema";
import type { ReferredCart } from "@/lib/cart/attach";
import { matchLanguage, type ShopperLanguage } from "@/lib/i18n/languages";
import { paymentLinkUrl } from "@/lib/payments/payment-link";
import { isOpenAt, nextOpeningAt, readStoreSettings } from "@/lib/stores/settings";
import type { InboundContent } from "@/lib/whatsapp/content";
import type { BotCheckout } from "./checkout";
import { productIdOfQuantityRow, QUANTITY_INTENT } from "./intents/buy";
import { toBotCart, toBotProduct, toBotProducts } from "./localize";
import type { BotContext, BotFaq, BotOrder, BotProduct } from "./types";

export type BotStore = {
  id: string;
  name: string;
  currency: string;
  timezone: string;
  settings: unknown;
};

const productColumns = {
  id: products.id,
  slug: products.slug,
  name: products.name,
  description: products.description,
  priceMinor: products.priceMinor,
  currency: products.currency,
  translations: products.translations,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function loadProduct(
  db: Database,
  storeId: string,
  id: string,
  language: ShopperLanguage,
): Promise<BotProduct | null> {
  // Reply ids come back from the shopper's phone: never let one reach a uuid column unchecked.
  if (!UUID.test(id)) return null;
  const [row] = await db
    .select(productColumns)
    .from(products)
    .where(and(eq(products.storeId, storeId), eq(products.id, id), eq(products.active, true)));
  return row ? toBotProduct(row, language) : null;
}

/** The bot's view of the store and customer, with lazy, store-scoped loaders. */
export async function loadBotContext(
  db: Database,
  input: {
    store: BotStore;
    customer: { id: string; name: string | null };
    language: ShopperLanguage;
    inbound: InboundContent;
    referredProductId: string | null;
    /** The cart this message's ref attached (lib/cart/attach.ts), if any. */
    referredCart?: ReferredCart | null;
    conversationId: string;
    /** Orders and payment links for this message (lib/bot/checkout.ts). */
    checkout: Pick<BotCheckout, "checkout" | "paymentsAvailable">;
    /** Where `/pay/<token>` links point (null: none can be made). */
    linkOrigin: string | null;
    now: Date;
  },
): Promise<BotContext> {
  const { store, customer, now } = input;
  const settings = readStoreSettings(store.settings);
  const open = isOpenAt(settings.businessHours, store.timezone, now);
  return {
    language: input.language,
    inbound: input.inbound,
    now,
    store: {
      name: store.name,
      currency: store.currency,
      timezone: store.timezone,
      greeting: settings.bot.greetings[input.language] ?? null,
      isOpenNow: open,
      nextOpening: open ? null : nextOpeningAt(settings.businessHours, store.timezone, now),
    },
    customer: { name: customer.name },
    referredProduct: input.referredProductId
      ? await loadProduct(db, store.id, input.referredProductId, input.language)
      : null,
    referredCart: toBotCart(input.referredCart, input.language),
    listProducts: async () =>
      toBotProducts(
        await db
          .select(productColumns)
          .from(products)
          .where(and(eq(products.storeId, store.id), eq(products.active, true))),
        input.language,
      ),
    findProduct: (id) => loadProduct(db, store.id, id, input.language),
    recentOrders: () => loadRecentOrders(db, store.id, customer.id, input.linkOrigin),
    faqs: async () => {
      const rows = await db
        .select()
        .from(faqEntries)
        .where(eq(faqEntries.storeId, store.id))
        .orderBy(asc(faqEntries.position), asc(faqEntries.createdAt));
      return rows.flatMap((row): BotFaq[] => {
        const language = matchLanguage(row.language);
        return language ? [{ ...row, language }] : [];
      });
    },
    paymentsAvailable: () => input.checkout.paymentsAvailable(),
    checkout: (request) => input.checkout.checkout(request),
    quantityAskedFor: () => loadQuantityAskedFor(db, store.id, input.conversationId),
  };
}

async function loadRecentOrders(
  db: Database,
  storeId: string,
  customerId: string,
  linkOrigin: string | null,
): Promise<BotOrder[]> {
  const rows = await db
    .select({
      number: orders.number,
      status: orders.status,
      totalMinor: orders.totalMinor,
      currency: orders.currency,
      createdAt: orders.createdAt,
      paidAt: orders.paidAt,
      fulfillmentStatus: orders.fulfillmentStatus,
      trackingUrl: orders.trackingUrl,
      refundedMinor: orders.refundedMinor,
      token: paymentLinks.token,
    })
    .from(orders)
    .leftJoin(paymentLinks, eq(paymentLinks.orderId, orders.id))
    .where(and(eq(orders.storeId, storeId), eq(orders.customerId, customerId)))
    .orderBy(desc(orders.createdAt))
    .limit(5);
  return rows.map(({ token, ...order }) => ({
    ...order,
    payUrl:
      order.status === "pending" && token && linkOrigin ? paymentLinkUrl(linkOrigin, token) : null,
  }));
}

/**
 * The product the bot's last answer asked "How many?" about: that answer's messages carry
 * the intent `buy-quantity` (the consent question may follow the list in the same answer),
 * and the list's row ids name the product.
 */
async function loadQuantityAskedFor(
  db: Database,
  storeId: string,
  conversationId: string,
): Promise<string | null> {
  const last = await db
    .select({ intent: messages.intent, content: messages.content, author: messages.author })
    .from(messages)
    .where(
      and(
        eq(messages.storeId, storeId),
        eq(messages.conversationId, conversationId),
        eq(messages.direction, "outbound"),
      ),
    )
    .orderBy(desc(messages.createdAt))
    .limit(2);
  for (const row of last) {
    if (row.author !== "bot" || row.intent !== QUANTITY_INTENT) return null;
    const content = row.content as { type?: string; sections?: { rows?: { id?: unknown }[] }[] };
    const id = content?.type === "list" ? content.sections?.[0]?.rows?.[0]?.id : undefined;
    if (typeof id === "string") return productIdOfQuantityRow(id);
  }
  return null;
}
