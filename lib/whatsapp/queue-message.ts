import "server-only";
import type { Database } from "@/db/drivers";
import { eq, sql } from "drizzle-orm";
import { conversations, type Customer, messages, outbox } from "@/db/schema";
import { type RecipientAddress, recipientAddressOf } from "./graph-request";
import { type OutgoingContent, summarizeOutgoing } from "./content";
import { type BlockReason, decideSend, type SendPurpose } from "./send-policy";

export type QueueMessageInput = {
  storeId: string;
  conversationId: string;
  customer: Pick<Customer, "id" | "waId" | "userId" | "lastInboundAt" | "optedInAt" | "optedOutAt">;
  content: OutgoingContent;
  author: "bot" | "agent" | "system";
  purpose: SendPurpose;
  /** Unique per cause (e.g. `reply:<inbound wamid>:0`): the same cause never queues twice. */
  dedupeKey: string;
  intent?: string;
  agentUserId?: string;
  now: Date;
  /** Where the message sorts in its thread (default `now`). */
  createdAt?: Date;
};

/** What an outbox row carries: enough to send it, and to decide again at send time. */
export type OutboxPayload = RecipientAddress & { content: OutgoingContent; purpose: SendPurpose };

export type QueueMessageResult =
  | { queued: true; messageId: string }
  /** `blockedBy`: the send policy's code when it refused (the reason is its explanation). */
  | { queued: false; messageId: string | null; reason: string; blockedBy?: BlockReason };

/**
 * Writes an outgoing message and its outbox row in the caller's transaction (DESIGN §4.2),
 * after the send policy (consent, 24-hour window). A blocked message is kept, with its
 * reason, so the inbox shows what was not sent and why. A repeated dedupe key queues nothing.
 * The outbox decides again when it sends (lib/whatsapp/send-time-policy.ts).
 */
export async function queueOutgoingMessage(
  db: Database,
  input: QueueMessageInput,
): Promise<QueueMessageResult> {
  const decision = decideSend({
    recipient: input.customer,
    content: input.content,
    purpose: input.purpose,
    now: input.now,
  });
  const [message] = await db
    .insert(messages)
    .values({
      storeId: input.storeId,
      conversationId: input.conversationId,
      customerId: input.customer.id,
      direction: "outbound",
      author: input.author,
      dedupeKey: input.dedupeKey,
      type: input.content.type,
      body: summarizeOutgoing(input.content),
      content: input.content,
      status: decision.allowed ? "queued" : "blocked",
      errorReason: decision.allowed ? null : decision.explanation,
      intent: input.intent ?? null,
      agentUserId: input.agentUserId ?? null,
      createdAt: input.createdAt ?? input.now,
    })
    .onConflictDoNothing({ target: messages.dedupeKey })
    .returning({ id: messages.id });
  if (!message) return { queued: false, messageId: null, reason: "already queued" };
  await db
    .update(conversations)
    .set({ lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${input.now})` })
    .where(eq(conversations.id, input.conversationId));
  if (!decision.allowed)
    return {
      queued: false,
      messageId: message.id,
      reason: decision.explanation,
      blockedBy: decision.reason,
    };
  const address = recipientAddressOf(input.customer);
  if (!address) throw new Error(`Customer ${input.customer.id} has no WhatsApp identity`);
  const payload: OutboxPayload = {
    ...address,
    content: input.content,
    purpose: input.purpose,
  };
  await db.insert(outbox).values({
    storeId: input.storeId,
    kind: "whatsapp_message",
    messageId: message.id,
    customerId: input.customer.id,
    payload,
    nextAttemptAt: input.now,
    // The sender's clock, like next_attempt_at: how long a row has waited is measured from it.
    createdAt: input.now,
  });
  return { queued: true, messageId: message.id };
}
