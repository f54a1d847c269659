import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { conversations, messages } from "@/db/schema";
import { isThreadEvent, summarizeInbound } from "@/lib/whatsapp/content";
import type { EchoItem, PreferenceItem } from "@/lib/whatsapp/webhook-payload";
import { ensureCustomer, recordConsent } from "./customers";
import { openConversation, UNATTRIBUTED } from "./open-conversation";
import { applyThreadEvent } from "./thread-events";

type Store = { id: string; defaultLanguage: string };

/**
 * smb_message_echoes: the owner wrote to the customer from the WhatsApp Business app on a
 * number in coexistence mode. The message joins the thread as sent from the phone app, and
 * the conversation is a person's from then on, so the bot does not talk over the owner.
 * It opens no 24-hour window: the customer wrote nothing.
 */
export async function applyBusinessEcho(
  tx: Database,
  store: Store,
  item: EchoItem,
  now: Date,
): Promise<string | null> {
  const customer = await ensureCustomer(tx, store.id, {
    waId: item.toWaId,
    userId: item.toUserId,
  });
  const { content } = item;
  if (isThreadEvent(content)) {
    return applyThreadEvent(tx, store.id, customer, { ...item, content }, "business_app", now);
  }
  const { conversation } = await openConversation(tx, {
    storeId: store.id,
    customerId: customer.id,
    attribution: UNATTRIBUTED,
    language: customer.locale ?? store.defaultLanguage,
    at: item.timestamp,
  });
  const [inserted] = await tx
    .insert(messages)
    .values({
      storeId: store.id,
      conversationId: conversation.id,
      customerId: customer.id,
      direction: "outbound",
      author: "business_app",
      waMessageId: item.wamid,
      type: item.type,
      body: summarizeInbound(content),
      content: { ...content },
      status: "sent",
      sentAt: item.timestamp,
      createdAt: now,
    })
    .onConflictDoNothing({ target: messages.waMessageId })
    .returning({ id: messages.id });
  if (!inserted) return null;
  await tx
    .update(conversations)
    .set({
      lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${item.timestamp})`,
      status: sql`case when ${conversations.status} = 'bot' then 'agent'::conversation_status else ${conversations.status} end`,
      handedOffAt: sql`coalesce(${conversations.handedOffAt}, ${now})`,
    })
    .where(and(eq(conversations.storeId, store.id), eq(conversations.id, conversation.id)));
  return null;
}

/** WhatsApp's "stop/resume marketing messages" menu: consent changes exactly as STOP/START. */
const CONSENT_BY_PREFERENCE = { stop: "opt_out", resume: "opt_in" } as const;

/**
 * user_preferences: the customer stopped or resumed marketing messages from WhatsApp's own
 * menu. Consent is recorded at once, as for STOP/START; nothing is sent back (the customer
 * did not write to us, and the menu confirms it to them).
 */
export async function applyCustomerPreference(
  tx: Database,
  store: Store,
  item: PreferenceItem,
): Promise<string | null> {
  const value = item.value.toLowerCase();
  if (item.category !== "marketing_messages" || !(value in CONSENT_BY_PREFERENCE)) {
    return `Preference ${item.category}=${item.value} does not change consent`;
  }
  const customer = await ensureCustomer(tx, store.id, { waId: item.waId, userId: item.userId });
  const change = CONSENT_BY_PREFERENCE[value as keyof typeof CONSENT_BY_PREFERENCE];
  await recordConsent(tx, store.id, customer.id, change, item.timestamp);
  return null;
}
