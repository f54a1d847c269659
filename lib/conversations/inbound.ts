import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { type Conversation, conversations, type Customer, messages } from "@/db/schema";
import { findRef } from "@/lib/attribution/refs";
import { consentQuestion, parseConsentReply } from "@/lib/bot/consent";
import { chooseConversationLanguage } from "@/lib/bot/language";
import { botCheckout } from "@/lib/bot/checkout";
import { type BotStore, loadBotContext } from "@/lib/bot/load-context";
import { botLoyalty } from "@/lib/bot/loyalty-port";
import { botMessagesFor } from "@/lib/bot/messages";
import { runBot } from "@/lib/bot/run-bot";
import { attachClickCart, type ReferredCart } from "@/lib/cart/attach";
import type { ShopperLanguage } from "@/lib/i18n/languages";
import { matchLanguage } from "@/lib/i18n/languages";
import { classifyConsentKeyword } from "@/lib/whatsapp/consent-keywords";
import { UNSUPPORTED_INTENT } from "@/lib/bot/intents/fallback";
import {
  type InboundContent,
  isThreadEvent,
  summarizeInbound,
  type ThreadEventContent,
} from "@/lib/whatsapp/content";
import { paymentLinkOrigin } from "@/lib/payments/link-origin";

import type { InboundMessageItem } from "@/lib/whatsapp/webhook-payload";
import { matchCatalogOrder } from "./catalog-order";
import {
  findCustomerByIdentity,
  recordConsent,
  rememberCustomerLocale,
  upsertCustomerFromInbound,
} from "./customers";
import { findAttribution, hasReplyWithIntent, openConversation } from "./open-conversation";
import { type PlannedReplies, queueReplies } from "./queue-replies";
import { applyThreadEvent } from "./thread-events";

export type ChatStore = BotStore & { defaultLanguage: string };

/** The text a message says for language and intent matching: its text or an image's caption. */
function spokenText(content: InboundContent): string | null {
  if (content.kind === "text") return content.text;
  if (content.kind === "media") return content.caption ?? null;
  return null;
}

/** A reaction, edit, deletion or notice: recorded on the thread, never answered. */
async function applyCustomerThreadEvent(
  tx: Database,
  store: ChatStore,
  item: InboundMessageItem & { content: ThreadEventContent },
  now: Date,
): Promise<string | null> {
  const customer = await findCustomerByIdentity(tx, store.id, item);
  if (!customer) return `A ${item.content.kind} from a customer this store does not know`;
  return applyThreadEvent(
    tx,
    store.id,
    customer,
    { ...item, content: item.content },
    "customer",
    now,
  );
}

/**
 * Applies one inbound message inside the processor's transaction: customer, conversation
 * (with attribution by ref), the message row, consent keywords, then the bot's replies
 * through the outbox. Everything is written in `tx`, so it happens once or not at all.
 * Returns a note when the item was valid but left something alone.
 */
export async function applyInboundMessage(
  tx: Database,
  store: ChatStore,
  item: InboundMessageItem,
  now: Date,
): Promise<string | null> {
  const { content } = item;
  if (isThreadEvent(content)) return applyCustomerThreadEvent(tx, store, { ...item, content }, now);
  const { customer } = await upsertCustomerFromInbound(tx, store.id, {
    waId: item.waId,
    userId: item.userId,
    username: item.username,
    profileName: item.profileName,
    at: item.timestamp,
  });
  const text = spokenText(content);
  const attribution = await findAttribution(
    tx,
    store.id,
    text ? findRef(text) : null,
    item.referral,
  );
  const language = chooseConversationLanguage({
    clickLanguage: attribution.clickLanguage,
    customerLocale: customer.locale,
    text,
    storeDefault: store.defaultLanguage,
  });
  const { conversation, isNew } = await openConversation(tx, {
    storeId: store.id,
    customerId: customer.id,
    attribution,
    language,
    at: item.timestamp,
  });
  const storedContent =
    content.kind === "order" ? await matchCatalogOrder(tx, store.id, content) : content;
  const [inserted] = await tx
    .insert(messages)
    .values({
      storeId: store.id,
      conversationId: conversation.id,
      customerId: customer.id,
      direction: "inbound",
      author: "customer",
      waMessageId: item.wamid,
      type: item.type,
      body: summarizeInbound(storedContent),
      content: { ...storedContent, referral: item.referral, contextWamid: item.contextWamid },
      status: "received",
      // When the customer sent it (WhatsApp's clock, whole seconds) …
      sentAt: item.timestamp,
      // … and when we received it, which orders the thread against our own replies.
      createdAt: now,
    })
    .onConflictDoNothing({ target: messages.waMessageId })
    .returning({ id: messages.id });
  if (!inserted) return null;
  await tx
    .update(conversations)
    .set({
      unreadCount: sql`${conversations.unreadCount} + 1`,
      lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${item.timestamp})`,
    })
    .where(eq(conversations.id, conversation.id));
  // A storefront cart's ref attaches the cart to the customer (the bot shows it, the inbox too).
  const referredCart = await attachClickCart(tx, {
    storeId: store.id,
    clickId: attribution.clickId,
    customerId: customer.id,
  });
  const conversationLanguage = matchLanguage(conversation.language) ?? language;
  await rememberCustomerLocale(tx, store.id, customer.id, conversationLanguage);

  const plan = await planReplies(tx, {
    store,
    customer,
    conversation,
    item,
    now,
    isNew,
    language: conversationLanguage,
    referredProductId: attribution.productId,
    storedContent,
    referredCart,
  });
  if (plan.handOff && conversation.status === "bot") {
    await tx
      .update(conversations)
      .set({ status: "agent", handedOffAt: now })
      .where(and(eq(conversations.id, conversation.id), eq(conversations.status, "bot")));
  }
  const recipient = { ...customer, lastInboundAt: latest(customer.lastInboundAt, item.timestamp) };
  await queueReplies(tx, {
    storeId: store.id,
    conversationId: conversation.id,
    customer: recipient,
    inboundWamid: item.wamid,
    plan,
    now,
  });
  return null;
}

function latest(a: Date | null, b: Date): Date {
  return a && a > b ? a : b;
}

async function planReplies(
  tx: Database,
  input: {
    store: ChatStore;
    customer: Customer;
    conversation: Conversation;
    item: InboundMessageItem;
    now: Date;
    isNew: boolean;
    language: ShopperLanguage;
    referredProductId: string | null;
    /** The content as stored (a catalog order with its items matched to products). */
    storedContent: InboundContent;
    referredCart: ReferredCart | null;
  },
): Promise<PlannedReplies> {
  const { store, customer, conversation, item, now, language } = input;
  const strings = botMessagesFor(language);
  const text = item.content.kind === "text" ? item.content.text : null;
  const keyword = text ? classifyConsentKeyword(text) : null;
  if (keyword) {
    await recordConsent(tx, store.id, customer.id, keyword, now);
    const reply = keyword === "opt_out" ? strings.optOut.confirmation : strings.optIn.confirmation;
    return { messages: [{ type: "text", text: reply }], intent: keyword, handOff: false };
  }
  const consentAnswer = parseConsentReply(item.content);
  if (consentAnswer) {
    await recordConsent(
      tx,
      store.id,
      customer.id,
      consentAnswer === "yes" ? "opt_in" : "opt_out",
      now,
    );
    const reply = consentAnswer === "yes" ? strings.consent.thanksYes : strings.consent.thanksNo;
    return { messages: [{ type: "text", text: reply }], intent: "consent", handOff: false };
  }
  // A conversation waiting for a person: the bot stays silent (DESIGN: hand-off).
  if (conversation.status === "agent") return { messages: [], intent: "silent", handOff: false };
  // Something the bot cannot read is explained once per conversation, not every time.
  if (
    item.content.kind === "unsupported" &&
    (await hasReplyWithIntent(tx, store.id, conversation.id, UNSUPPORTED_INTENT))
  ) {
    return { messages: [], intent: "silent", handOff: false };
  }

  const checkout = botCheckout(tx, {
    storeId: store.id,
    customerId: customer.id,
    conversationId: conversation.id,
    language,
    now,
  });
  const context = await loadBotContext(tx, {
    store,
    customer,
    language,
    inbound: input.storedContent,
    // Only the message that carried the ref asks about its product.
    referredProductId: text && findRef(text) ? input.referredProductId : null,
    referredCart: input.referredCart,
    conversationId: conversation.id,
    checkout,
    linkOrigin: paymentLinkOrigin(),
    now,
  });
  const loyalty = botLoyalty(tx, {
    storeId: store.id,
    customer,
    conversationId: conversation.id,
    checkout,
    now,
  });
  const reply = await runBot({ ...context, loyalty });
  const planned: PlannedReplies = {
    messages: [...reply.messages],
    intent: reply.intent,
    handOff: reply.handOff ?? false,
    paymentLink: reply.paymentLink ? checkout.prepared.get(reply.paymentLink.orderId) : undefined,
    linkAt: reply.messages.length,
  };
  if (!customer.consentAskedAt && !customer.optedInAt && !customer.optedOutAt) {
    await recordConsent(tx, store.id, customer.id, "asked", now);
    planned.messages.push(consentQuestion(language));
  }
  return planned;
}
