import { stripRefTags } from "@/lib/attribution/refs";
import { consentQuestion, parseConsentReply } from "@/lib/bot/consent";
import { type StoredBotProduct, toBotProducts } from "@/lib/bot/localize";
import { botMessagesFor } from "@/lib/bot/messages";
import { runBot } from "@/lib/bot/run-bot";
import type { BotContext, BotFaq, BotOrder, BotProduct, BotReply } from "@/lib/bot/types";
import type { ShopperLanguage } from "@/lib/i18n/languages";
import { classifyConsentKeyword } from "@/lib/whatsapp/consent-keywords";
import type { InboundContent, OutgoingContent } from "@/lib/whatsapp/content";
import { DEMO_FAQS } from "./bot-content";
import { DEMO_PRODUCTS } from "./catalog";
import { DEMO_PRODUCT_TRANSLATIONS } from "./catalog-translations";
import type { DemoChatIds } from "./chat-rows";
import type { DemoConversationInput } from "./conversations";
import type { PlannedOrder } from "./history";

const DAY = 86_400_000;

/** The demo store as the bot sees it, in memory: the seed plays its chats through the real bot. */
export type DemoBotWorld = {
  store: { name: string; currency: string; timezone: string };
  /** `archivedAt`: the product was sold only before then. */
  products: readonly (StoredBotProduct & { archivedAt: Date | null })[];
  faqs: readonly BotFaq[];
  /** The customer's orders as they stood at `at`, newest first. */
  ordersAt(customer: number, at: Date): BotOrder[];
};

function orderStatusAt(order: PlannedOrder, at: number): BotOrder["status"] {
  if (order.paidAt && order.paidAt.getTime() <= at) {
    return order.status === "refunded" && at - order.paidAt.getTime() > 3 * DAY
      ? "refunded"
      : "paid";
  }
  return order.status === "cancelled" && at - order.createdAt.getTime() > DAY
    ? "cancelled"
    : "pending";
}

/** The demo store, its catalog, FAQ answers and each customer's orders, for the bot. */
export function demoBotWorld(input: DemoConversationInput, ids: DemoChatIds): DemoBotWorld {
  const { history } = input;
  return {
    store: input.store,
    products: DEMO_PRODUCTS.map((product, i) => ({
      id: ids.productIds[i]!,
      slug: product.slug,
      name: product.name,
      description: product.description,
      priceMinor: product.priceMinor,
      currency: input.store.currency,
      translations: DEMO_PRODUCT_TRANSLATIONS[product.slug] ?? {},
      archivedAt: product.active ? null : history.archivedAt,
    })),
    faqs: DEMO_FAQS.map((faq, i) => ({
      ...faq,
      id: ids.faqIds[i]!,
    })),
    ordersAt: (customer, at) =>
      history.orders
        .filter((order) => order.customer === customer && order.createdAt <= at)
        .reverse()
        .map((order) => ({
          number: order.number,
          status: orderStatusAt(order, at.getTime()),
          totalMinor: order.totalMinor,
          currency: input.store.currency,
          createdAt: order.createdAt,
          paidAt: order.paidAt && order.paidAt <= at ? order.paidAt : null,
          fulfillmentStatus: "unfulfilled",
          trackingUrl: null,
          refundedMinor: 0,
          payUrl: null,
        })),
  };
}

export type ConsentState = {
  consentAskedAt: Date | null;
  optedInAt: Date | null;
  optedOutAt: Date | null;
};

export type BotTurn = {
  messages: OutgoingContent[];
  intent: string;
  handOff: boolean;
  /** The customer's consent changes with this message (STOP, START, a tap on the question). */
  consent: "opt_in" | "opt_out" | null;
  /** The last message is the one-time consent question. */
  asksConsent: boolean;
};

export type BotTurnInput = {
  language: ShopperLanguage;
  inbound: InboundContent;
  at: Date;
  customer: { index: number; name: string };
  consent: ConsentState;
  conversationStatus: "bot" | "agent";
  /** The product named by the ref this message carried. */
  referredProductId: string | null;
};

function liveProducts(world: DemoBotWorld, input: BotTurnInput): BotProduct[] {
  const live = world.products.filter(
    (product) => !product.archivedAt || input.at < product.archivedAt,
  );
  return toBotProducts(live, input.language);
}

function botContext(world: DemoBotWorld, input: BotTurnInput): BotContext {
  const findProduct = async (id: string) =>
    liveProducts(world, input).find((product) => product.id === id) ?? null;
  const referred = input.referredProductId
    ? (liveProducts(world, input).find((product) => product.id === input.referredProductId) ?? null)
    : null;
  return {
    language: input.language,
    inbound: input.inbound,
    now: input.at,
    // The demo store keeps no business hours (a person may answer at any time) and no greeting.
    store: { ...world.store, greeting: null, isOpenNow: true, nextOpening: null },
    customer: { name: input.customer.name },
    referredProduct: referred,
    referredCart: null,
    listProducts: async () => liveProducts(world, input),
    findProduct,
    recentOrders: async () => world.ordersAt(input.customer.index, input.at).slice(0, 5),
    faqs: async () => [...world.faqs],
    // The seeded chats never tap Buy or Pay now; their orders are planned in history.ts.
    paymentsAvailable: async () => false,
    quantityAskedFor: async () => null,
    checkout: async () => ({ status: "unavailable" }),
  };
}

export type DemoBot = (input: BotTurnInput) => Promise<BotTurn>;

/**
 * The text as far as the bot's answer goes: intents never read the ref tag (lib/bot/match.ts
 * strips it), so the same prefilled text with another ref gets the same, cached answer.
 */
function cacheText(inbound: InboundContent): InboundContent | string {
  return inbound.kind === "text" ? stripRefTags(inbound.text) : inbound;
}

/**
 * The bot's answer to the same message in the same language about the same products is the
 * same, whoever asks and whenever — except a list of the customer's orders. So answers are
 * computed once: formatting prices thousands of times would cost the seed seconds.
 */
function cachedRunBot(world: DemoBotWorld): (input: BotTurnInput) => Promise<BotReply> {
  const cache = new Map<string, BotReply>();
  const archivedAt = world.products.flatMap((product) => product.archivedAt?.getTime() ?? []);
  return async (input) => {
    const epoch = archivedAt.filter((at) => input.at.getTime() < at).length;
    const text = cacheText(input.inbound);
    const key = JSON.stringify([input.language, text, input.referredProductId, epoch]);
    const cached = cache.get(key);
    if (cached) return cached;
    const reply = await runBot(botContext(world, input));
    if (reply.intent !== "order-status") cache.set(key, reply);
    return reply;
  };
}

/**
 * What the webhook does with one inbound message (lib/conversations/inbound.ts), in memory:
 * consent keywords and taps first, silence while a person has the chat, else the bot's
 * answer, with the consent question the first time.
 */
export function demoBot(world: DemoBotWorld): DemoBot {
  const answer = cachedRunBot(world);
  return (input) => demoBotTurn(answer, input);
}

async function demoBotTurn(
  botAnswer: (input: BotTurnInput) => Promise<BotReply>,
  input: BotTurnInput,
): Promise<BotTurn> {
  const strings = botMessagesFor(input.language);
  const text = input.inbound.kind === "text" ? input.inbound.text : null;
  const keyword = text ? classifyConsentKeyword(text) : null;
  const quiet = { handOff: false, asksConsent: false };
  if (keyword) {
    const reply = keyword === "opt_out" ? strings.optOut.confirmation : strings.optIn.confirmation;
    return {
      ...quiet,
      messages: [{ type: "text", text: reply }],
      intent: keyword,
      consent: keyword,
    };
  }
  const answer = parseConsentReply(input.inbound);
  if (answer) {
    const reply = answer === "yes" ? strings.consent.thanksYes : strings.consent.thanksNo;
    return {
      ...quiet,
      messages: [{ type: "text", text: reply }],
      intent: "consent",
      consent: answer === "yes" ? "opt_in" : "opt_out",
    };
  }
  if (input.conversationStatus === "agent") {
    return { ...quiet, messages: [], intent: "silent", consent: null };
  }
  const reply = await botAnswer(input);
  const { consentAskedAt, optedInAt, optedOutAt } = input.consent;
  const asksConsent = !consentAskedAt && !optedInAt && !optedOutAt;
  return {
    messages: [...reply.messages, ...(asksConsent ? [consentQuestion(input.language)] : [])],
    intent: reply.intent,
    handOff: reply.handOff ?? false,
    consent: null,
    asksConsent,
  };
}

/** The reply buttons and list rows a shopper can tap in an outgoing message. */
export function tapOptions(content: OutgoingContent): { id: string; title: string }[] {
  switch (content.type) {
    case "buttons":
      return content.buttons;
    case "list":
      return content.sections.flatMap((section) => section.rows);
    default:
      return [];
  }
}
