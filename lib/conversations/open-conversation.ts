import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { clicks, type Conversation, conversations, events, messages } from "@/db/schema";
import { EVENT_TYPES } from "@/lib/analytics/event-types";
import type { WebhookReferral } from "@/lib/whatsapp/webhook-payload";

/** What links a conversation to the entry point that started it (DESIGN §4.7). */
export type Attribution = {
  source: string;
  clickId: string | null;
  productId: string | null;
  qrCodeId: string | null;
  clickLanguage: string | null;
  adReferral: WebhookReferral | null;
};

export const UNATTRIBUTED: Attribution = {
  source: "unattributed",
  clickId: null,
  productId: null,
  qrCodeId: null,
  clickLanguage: null,
  adReferral: null,
};

/** The click behind a ref, within this store only; an unknown ref attributes nothing. */
export async function findAttribution(
  db: Database,
  storeId: string,
  ref: string | null,
  referral: WebhookReferral | null,
): Promise<Attribution> {
  if (ref) {
    const [click] = await db
      .select({
        id: clicks.id,
        source: clicks.source,
        productId: clicks.productId,
        qrCodeId: clicks.qrCodeId,
        language: clicks.language,
      })
      .from(clicks)
      .where(and(eq(clicks.storeId, storeId), eq(clicks.ref, ref)));
    if (click) {
      return {
        source: click.source,
        clickId: click.id,
        productId: click.productId,
        qrCodeId: click.qrCodeId,
        clickLanguage: click.language,
        adReferral: null,
      };
    }
  }
  if (referral) return { ...UNATTRIBUTED, source: "ad", adReferral: referral };
  return UNATTRIBUTED;
}

async function findOpen(db: Database, storeId: string, customerId: string) {
  const [row] = await db
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.storeId, storeId),
        eq(conversations.customerId, customerId),
        ne(conversations.status, "closed"),
      ),
    )
    .for("update");
  return row;
}

/**
 * The customer's open conversation, or a new one attributed to `attribution` (with its
 * chat_started event). Concurrent first messages meet at the partial unique index, so a
 * customer never has two open conversations. An open, unattributed conversation is linked
 * by the first message that carries a ref.
 */
export async function openConversation(
  db: Database,
  input: {
    storeId: string;
    customerId: string;
    attribution: Attribution;
    language: string;
    at: Date;
  },
): Promise<{ conversation: Conversation; isNew: boolean }> {
  const { storeId, customerId, attribution } = input;
  const existing = await findOpen(db, storeId, customerId);
  if (existing) {
    if (existing.source === "unattributed" && attribution.source !== "unattributed") {
      const [linked] = await db
        .update(conversations)
        .set(attributionColumns(attribution))
        .where(eq(conversations.id, existing.id))
        .returning();
      return { conversation: linked ?? existing, isNew: false };
    }
    return { conversation: existing, isNew: false };
  }
  const [created] = await db
    .insert(conversations)
    .values({
      storeId,
      customerId,
      ...attributionColumns(attribution),
      language: input.language,
      lastMessageAt: input.at,
    })
    .onConflictDoNothing({
      target: [conversations.storeId, conversations.customerId],
      where: sql`status <> 'closed'`,
    })
    .returning();
  if (!created) {
    const raced = await findOpen(db, storeId, customerId);
    if (!raced) throw new Error("conversation vanished while opening it");
    return { conversation: raced, isNew: false };
  }
  await db.insert(events).values({
    storeId,
    type: EVENT_TYPES.chatStarted,
    source: attribution.source,
    customerId,
    properties: {
      conversationId: created.id,
      clickId: attribution.clickId,
      productId: attribution.productId,
      qrCodeId: attribution.qrCodeId,
    },
    createdAt: input.at,
  });
  return { conversation: created, isNew: true };
}

function attributionColumns(attribution: Attribution) {
  return {
    source: attribution.source,
    clickId: attribution.clickId,
    productId: attribution.productId,
    qrCodeId: attribution.qrCodeId,
    adReferral: attribution.adReferral,
  };
}

/** Whether the bot already answered in this conversation with `intent`. */
export async function hasReplyWithIntent(
  db: Database,
  storeId: string,
  conversationId: string,
  intent: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: messages.id })
    .from(messages)
    .where(
      and(
        eq(messages.storeId, storeId),
        eq(messages.conversationId, conversationId),
        eq(messages.direction, "outbound"),
        eq(messages.intent, intent),
      ),
    )
    .limit(1);
  return row !== undefined;
}
