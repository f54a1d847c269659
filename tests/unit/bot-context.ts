import type { ShopperLanguage } from "@/lib/i18n/languages";
import type { BotContext, BotFaq, BotOrder, BotProduct } from "@/lib/bot/types";
import type { InboundContent } from "@/lib/whatsapp/content";

/** Shared fixtures for tests/unit/bot-*.test.ts: plain data and fake loaders, no database. */

export const matcha: BotProduct = {
  id: "p-matcha",
  slug: "matcha-set",
  name: "Matcha tea set",
  description: "Ceremonial-grade matcha with a bamboo whisk and a handmade bowl.",
  priceMinor: 2800,
  currency: "JPY",
  names: ["Matcha tea set"],
};

export const kettle: BotProduct = {
  id: "p-kettle",
  slug: "iron-kettle",
  name: "Nambu cast-iron kettle, 1.2 litres, black",
  description: "Keeps water hot for longer.",
  priceMinor: 15400,
  currency: "JPY",
  names: ["Nambu cast-iron kettle, 1.2 litres, black"],
};

export const orders: BotOrder[] = [
  {
    number: "1042",
    status: "paid",
    totalMinor: 18200,
    currency: "JPY",
    createdAt: new Date("2025-03-03T02:00:00Z"),
    paidAt: new Date("2025-03-03T02:05:00Z"),
    fulfillmentStatus: "unfulfilled",
    trackingUrl: null,
    refundedMinor: 0,
    payUrl: null,
  },
  {
    number: "1038",
    status: "pending",
    totalMinor: 2800,
    currency: "JPY",
    createdAt: new Date("2025-02-20T10:00:00Z"),
    paidAt: null,
    fulfillmentStatus: "unfulfilled",
    trackingUrl: null,
    refundedMinor: 0,
    payUrl: "https://shop.test/pay/tok1038",
  },
];

export const faqs: BotFaq[] = [
  {
    id: "ship-en",
    language: "en",
    question: "How long does shipping take?",
    answer: "Orders ship within 2 business days.",
    keywords: ["shipping", "delivery", "ship"],
  },
  {
    id: "ship-ja",
    language: "ja",
    question: "配送にはどのくらいかかりますか？",
    answer: "2営業日以内に発送します。",
    keywords: ["配送", "届く"],
  },
  {
    id: "returns-en",
    language: "en",
    question: "Can I return an item?",
    answer: "Yes, within 14 days.",
    keywords: ["return", "refund"],
  },
];

export type ContextOptions = Partial<Omit<BotContext, "store">> & {
  store?: Partial<BotContext["store"]>;
  products?: BotProduct[];
  orderList?: BotOrder[];
  faqList?: BotFaq[];
};

/** Counts loader calls, so tests can prove a greeting costs no product query. */
export type LoaderCalls = {
  listProducts: number;
  findProduct: number;
  recentOrders: number;
  faqs: number;
};

export function botContext(
  inbound: InboundContent,
  language: ShopperLanguage = "en",
  options: ContextOptions = {},
): BotContext & { calls: LoaderCalls } {
  const {
    products = [matcha, kettle],
    orderList = orders,
    faqList = faqs,
    store,
    ...rest
  } = options;
  const calls: LoaderCalls = { listProducts: 0, findProduct: 0, recentOrders: 0, faqs: 0 };
  return {
    language,
    inbound,
    now: new Date("2025-03-03T03:00:00Z"),
    customer: { name: "Aiko" },
    referredProduct: null,
    referredCart: null,
    listProducts: async () => {
      calls.listProducts++;
      return products;
    },
    findProduct: async (id) => {
      calls.findProduct++;
      return products.find((product) => product.id === id) ?? null;
    },
    recentOrders: async () => {
      calls.recentOrders++;
      return orderList;
    },
    faqs: async () => {
      calls.faqs++;
      return faqList;
    },
    paymentsAvailable: async () => true,
    quantityAskedFor: async () => null,
    checkout: async () => ({ status: "unavailable" }),
    ...rest,
    store: {
      name: "Kyoto Tea",
      currency: "JPY",
      timezone: "Asia/Tokyo",
      greeting: null,
      isOpenNow: true,
      nextOpening: null,
      ...store,
    },
    calls,
  };
}

export const text = (value: string): InboundContent => ({ kind: "text", text: value });
export const tap = (replyId: string, title = replyId): InboundContent => ({
  kind: "reply",
  replyId,
  title,
});

type Outgoing = import("@/lib/whatsapp/content").OutgoingContent;

/** Narrows outgoing content to one type, failing the test with what it was instead. */
export function as<T extends Outgoing["type"]>(
  content: Outgoing | undefined,
  type: T,
): Extract<Outgoing, { type: T }> {
  if (content?.type !== type) {
    throw new Error(`expected ${type}, got ${JSON.stringify(content)}`);
  }
  return content as Extract<Outgoing, { type: T }>;
}

export function rowIds(content: Outgoing | undefined): string[] {
  return as(content, "list").sections.flatMap((section) => section.rows.map((row) => row.id));
}
