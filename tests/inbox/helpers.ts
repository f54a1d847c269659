/** Shared by the inbox tests (not a test file itself): stores with owners, chats via the webhook. */
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { conversations, customers, messages, messageTemplates, outbox, stores } from "@/db/schema";
import type { InboundMessageSpec } from "@/lib/whatsapp/webhook-builders";
import { createOwnerWithStore } from "../support/fixtures";
import { deliverRaw, inboundBody, operatorBoundNumbers } from "../whatsapp/fixtures";

let counter = 0;

/** An owner (signed up the real way) whose store has a WhatsApp number, so webhooks reach it. */
export async function createInboxStore(db: Database, storeName?: string) {
  counter += 1;
  const owner = await createOwnerWithStore(db, storeName ? { storeName } : {});
  const phoneNumberId = `7${Date.now()}${counter}`.slice(-15);
  const [store] = await db
    .update(stores)
    .set({ whatsappPhoneNumberId: phoneNumberId })
    .where(eq(stores.id, owner.store.id))
    .returning();
  if (!store) throw new Error("store update returned no row");
  operatorBoundNumbers.set(phoneNumberId, store.slug);
  return { owner: { userId: owner.userId, email: owner.email }, store, phoneNumberId };
}

export type InboxStore = Awaited<ReturnType<typeof createInboxStore>>;

export const HOUR = 60 * 60 * 1000;
export const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR);

/** The customer's newest conversation in the store. */
export async function conversationOf(db: Database, storeId: string, waId: string) {
  const [row] = await db
    .select({ conversation: conversations })
    .from(conversations)
    .innerJoin(customers, eq(customers.id, conversations.customerId))
    .where(and(eq(conversations.storeId, storeId), eq(customers.waId, waId)))
    .orderBy(desc(conversations.createdAt));
  if (!row) throw new Error(`no conversation for ${waId}`);
  return row.conversation;
}

/** The customer sends a message through the signed webhook; returns their conversation. */
export async function customerWrites(
  db: Database,
  shop: InboxStore,
  waId: string,
  message: InboundMessageSpec | string,
  options: { timestamp?: Date; profileName?: string } = {},
) {
  const spec: InboundMessageSpec =
    typeof message === "string" ? { type: "text", text: message } : message;
  const outcome = await deliverRaw(db, inboundBody(shop, spec, { waId, ...options }).body);
  if (outcome.stored !== 1) throw new Error(`webhook not applied: ${JSON.stringify(outcome)}`);
  return conversationOf(db, shop.store.id, waId);
}

export const TALK_TO_A_PERSON: InboundMessageSpec = {
  type: "list_reply",
  id: "menu:agent",
  title: "Talk to a person",
};
export const CONSENT_YES: InboundMessageSpec = {
  type: "button_reply",
  id: "consent:yes",
  title: "Yes",
};

export async function addTemplate(
  db: Database,
  storeId: string,
  values: { name?: string; body?: string; variableCount?: number } = {},
) {
  const [row] = await db
    .insert(messageTemplates)
    .values({
      storeId,
      name: values.name ?? "order_update",
      language: "en",
      body: values.body ?? "Hello {{1}}, your order {{2}} is ready.",
      variableCount: values.variableCount ?? 2,
    })
    .returning();
  if (!row) throw new Error("template insert returned no row");
  return row;
}

export function agentMessages(db: Database, conversationId: string) {
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.author, "agent")));
}

export function outboxOf(db: Database, messageId: string) {
  return db.select().from(outbox).where(eq(outbox.messageId, messageId));
}

export function conversationRow(db: Database, id: string) {
  return db
    .select()
    .from(conversations)
    .where(eq(conversations.id, id))
    .then(([row]) => row);
}
