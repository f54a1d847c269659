import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { faqEntries, orders, products } from "@/db/schema";
import type { ReferredCart } from "@/lib/cart/attach";
import { matchLanguage, type ShopperLanguage } from "@/lib/i18n/languages";
import { isOpenAt, nextOpeningAt, readStoreSettings } from "@/lib/stores/settings";
import type { InboundContent } from "@/lib/whatsapp/content";
import { toBotCart, toBotProduct, toBotProducts } from "./localize";
import type { BotContext, BotFaq, BotProduct } from "./types";

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
    recentOrders: () =>
      db
        .select({
          number: orders.number,
          status: orders.status,
          totalMinor: orders.totalMinor,
          currency: orders.currency,
          createdAt: orders.createdAt,
          paidAt: orders.paidAt,
        })
        .from(orders)
        .where(and(eq(orders.storeId, store.id), eq(orders.customerId, customer.id)))
        .orderBy(desc(orders.createdAt))
        .limit(5),
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
  };
}
