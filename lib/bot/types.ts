import type { ShopperLanguage } from "@/lib/i18n/languages";
import type { InboundContent, OutgoingContent } from "@/lib/whatsapp/content";

/**
 * A product as the bot shows it (prices in minor units of `currency`): `name` and
 * `description` in the conversation's language (lib/bot/localize.ts).
 */
export type BotProduct = {
  id: string;
  slug: string;
  name: string;
  description: string;
  priceMinor: number;
  currency: string;
  /** Every name it goes by, shown name first: the shopper may write any of them. */
  names: readonly string[];
};

export type BotOrder = {
  number: string;
  status: "pending" | "paid" | "refunded" | "cancelled";
  totalMinor: number;
  currency: string;
  createdAt: Date;
  paidAt: Date | null;
};

/** A line of a shopper's cart as the bot shows it (priced now, in the store's currency). */
export type BotCartLine = { name: string; quantity: number; lineTotalMinor: number };

/**
 * The storefront cart a message's ref came from ("Continue in WhatsApp"): its available
 * lines and total, or `unavailable` when it cannot be shown (already ordered, or attached
 * to another customer).
 */
export type BotCart =
  | { status: "open"; lines: BotCartLine[]; totalMinor: number; currency: string }
  | { status: "unavailable" };

/** An owner-written FAQ answer; `keywords` are matched case-insensitively in the shopper's text. */
export type BotFaq = {
  id: string;
  language: ShopperLanguage;
  question: string;
  answer: string;
  keywords: string[];
};

/** Everything an intent may read. Loaders are lazy so that a greeting costs no product query. */
export type BotContext = {
  language: ShopperLanguage;
  inbound: InboundContent;
  now: Date;
  store: {
    name: string;
    currency: string;
    timezone: string;
    /** The owner's greeting in `language` (or the store default), if any. */
    greeting: string | null;
    /** Whether a person is at work now (business hours), and when they next are. */
    isOpenNow: boolean;
    nextOpening: Date | null;
  };
  customer: { name: string | null };
  /** The product named by the ref this message carried (product page, product QR code). */
  referredProduct: BotProduct | null;
  /** The cart named by the ref this message carried (the storefront cart's hand-off). */
  referredCart: BotCart | null;
  listProducts(): Promise<BotProduct[]>;
  findProduct(id: string): Promise<BotProduct | null>;
  recentOrders(): Promise<BotOrder[]>;
  faqs(): Promise<BotFaq[]>;
};

export type BotReply = {
  /** Sent in order. */
  messages: OutgoingContent[];
  /** The conversation goes to a person; the bot stays silent until it is handed back. */
  handOff?: boolean;
  /** Which intent answered (recorded on the message, useful in tests and the inbox). */
  intent: string;
};

/**
 * One small module per intent. `match` returns a score (0 = not mine); the registry asks
 * every intent and the highest score answers, so new intents ("Buy", "My points") plug in
 * without touching the others.
 */
export type BotIntent = {
  name: string;
  match(context: BotContext): number | Promise<number>;
  reply(context: BotContext): BotReply | Promise<BotReply>;
};
