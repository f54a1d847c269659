import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Database } from "@/db/drivers";
import { conversations, type Customer, customers, messages } from "@/db/schema";
import type { ThreadEventContent } from "@/lib/whatsapp/content";
import { UnknownMessageError } from "@/lib/whatsapp/apply-status";

/**
 * Reactions, edits, deletions and WhatsApp's system notices: they change what the thread
 * shows (or who the customer is) and never get a bot reply. Each touches only messages of
 * this store and this customer, so a forged target id cannot reach another thread.
 */

export type ThreadEvent = {
  wamid: string;
  timestamp: Date;
  content: ThreadEventContent;
};

/** Who wrote the event: the customer (inbound) or the owner from the Business app (echo). */
export type ThreadEventActor = "customer" | "business_app";

async function updateTarget(
  tx: Database,
  storeId: string,
  customerId: string,
  targetWamid: string,
  set: PgUpdateSetSource<typeof messages>,
  direction?: "inbound" | "outbound",
): Promise<void> {
  const conditions = [
    eq(messages.storeId, storeId),
    eq(messages.customerId, customerId),
    eq(messages.waMessageId, targetWamid),
  ];
  if (direction) conditions.push(eq(messages.direction, direction));
  const updated = await tx
    .update(messages)
    .set(set)
    .where(and(...conditions))
    .returning({ id: messages.id });
  // The target may still be being written (our own send): the processor retries once, then notes it.
  if (updated.length === 0) throw new UnknownMessageError(`No message ${targetWamid} in this chat`);
}

/** The customer's newest conversation, where a notice about them belongs. */
async function latestConversationId(tx: Database, storeId: string, customerId: string) {
  const [row] = await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.storeId, storeId), eq(conversations.customerId, customerId)))
    .orderBy(desc(conversations.lastMessageAt))
    .limit(1);
  return row?.id ?? null;
}

/** user_changed_number: the customer keeps their history under the new number. */
async function followNewNumber(
  tx: Database,
  storeId: string,
  customer: Customer,
  newWaId: string,
): Promise<string | null> {
  if (customer.waId === newWaId) return null;
  const [taken] = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.storeId, storeId), eq(customers.waId, newWaId)));
  if (taken) return `+${newWaId} is already another customer of this store; both are kept`;
  await tx
    .update(customers)
    .set({ waId: newWaId, phone: `+${newWaId}` })
    .where(and(eq(customers.storeId, storeId), eq(customers.id, customer.id)));
  return null;
}

async function recordSystemNotice(
  tx: Database,
  storeId: string,
  customer: Customer,
  event: ThreadEvent & { content: { kind: "system" } },
  now: Date,
): Promise<string | null> {
  const { content } = event;
  const note =
    content.systemType === "user_changed_number" && content.newWaId
      ? await followNewNumber(tx, storeId, customer, content.newWaId)
      : null;
  const conversationId = await latestConversationId(tx, storeId, customer.id);
  if (!conversationId) return note ?? "No conversation to show the notice in";
  await tx
    .insert(messages)
    .values({
      storeId,
      conversationId,
      customerId: customer.id,
      direction: "inbound",
      author: "system",
      waMessageId: event.wamid,
      type: "system",
      body: content.body,
      content: { ...content },
      status: "received",
      sentAt: event.timestamp,
      createdAt: now,
    })
    .onConflictDoNothing({ target: messages.waMessageId });
  return note;
}

/** Applies one thread event; returns a note for the operator when something was left alone. */
export async function applyThreadEvent(
  tx: Database,
  storeId: string,
  customer: Customer,
  event: ThreadEvent,
  actor: ThreadEventActor,
  now: Date,
): Promise<string | null> {
  const { content } = event;
  // A customer edits or deletes only their own messages; the owner only the store's.
  const own = actor === "customer" ? "inbound" : "outbound";
  switch (content.kind) {
    case "reaction":
      await updateTarget(tx, storeId, customer.id, content.targetWamid, {
        reaction: content.emoji,
        reactedAt: event.timestamp,
      });
      return null;
    case "edit":
      await updateTarget(
        tx,
        storeId,
        customer.id,
        content.targetWamid,
        {
          originalBody: sql`coalesce(${messages.originalBody}, ${messages.body})`,
          body: content.text,
          editedAt: event.timestamp,
        },
        own,
      );
      return null;
    case "revoke":
      await updateTarget(
        tx,
        storeId,
        customer.id,
        content.targetWamid,
        { deletedAt: event.timestamp },
        own,
      );
      return null;
    case "system":
      return recordSystemNotice(tx, storeId, customer, { ...event, content }, now);
  }
}
