import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { conversations, customers, messageTemplates } from "@/db/schema";
import type { OutgoingContent } from "@/lib/whatsapp/content";
import { queueOutgoingMessage } from "@/lib/whatsapp/queue-message";
import { type BlockReason, decideSend } from "@/lib/whatsapp/send-policy";
import { isUuid } from "./ids";

export type AgentReplyContent =
  | { text: string; template?: never }
  | { template: { templateId: string; parameters: string[] }; text?: never };

export type SendAgentReplyInput = AgentReplyContent & {
  storeId: string;
  conversationId: string;
  userId: string;
  /** See agentReplyDedupeKey(). */
  dedupeKey: string;
  now: Date;
};

export type SendAgentReplyError =
  | { ok: false; error: "not_found" }
  | { ok: false; error: "closed" }
  | { ok: false; error: "template_not_found" }
  /** Meta has not approved it (pending, rejected, paused or disabled): it would be refused. */
  | { ok: false; error: "template_not_approved"; status: string }
  | { ok: false; error: "template_parameters"; expected: number }
  /** Refused by the send policy; the message is kept as blocked, with the reason. */
  | { ok: false; error: "blocked"; reason: BlockReason; explanation: string; messageId: string };

export type SendAgentReplyResult =
  | { ok: true; messageId: string; duplicate: false }
  /** The same dedupe key was submitted before: nothing new was queued. */
  | { ok: true; messageId: null; duplicate: true }
  | SendAgentReplyError;

async function templateContent(
  db: Database,
  storeId: string,
  template: { templateId: string; parameters: string[] },
): Promise<OutgoingContent | SendAgentReplyError> {
  if (!isUuid(template.templateId)) return { ok: false, error: "template_not_found" };
  const [row] = await db
    .select()
    .from(messageTemplates)
    .where(
      and(eq(messageTemplates.storeId, storeId), eq(messageTemplates.id, template.templateId)),
    );
  if (!row) return { ok: false, error: "template_not_found" };
  if (row.status !== "approved") {
    return { ok: false, error: "template_not_approved", status: row.status };
  }
  const parameters = template.parameters.map((value) => value.trim());
  if (parameters.length !== row.variableCount || parameters.some((value) => value === "")) {
    return { ok: false, error: "template_parameters", expected: row.variableCount };
  }
  return {
    type: "template",
    name: row.name,
    language: row.language,
    bodyParameters: parameters,
    category: row.category,
  };
}

/**
 * Queues a person's reply (free text or one of the store's templates) through the outbox,
 * after the send policy: outside the 24-hour window free text is refused and recorded as
 * blocked, and a marketing template needs the customer's opt-in even inside it. A reply to a conversation the bot was handling takes it over (status agent),
 * so the bot does not answer over the person.
 */
export async function sendAgentReply(
  db: Database,
  input: SendAgentReplyInput,
): Promise<SendAgentReplyResult> {
  const { storeId, conversationId, now } = input;
  if (!isUuid(conversationId)) return { ok: false, error: "not_found" };
  return db.transaction(async (tx): Promise<SendAgentReplyResult> => {
    const [row] = await tx
      .select({
        status: conversations.status,
        customer: {
          id: customers.id,
          waId: customers.waId,
          userId: customers.userId,
          lastInboundAt: customers.lastInboundAt,
          optedInAt: customers.optedInAt,
          optedOutAt: customers.optedOutAt,
        },
      })
      .from(conversations)
      .innerJoin(
        customers,
        and(eq(customers.id, conversations.customerId), eq(customers.storeId, storeId)),
      )
      .where(and(eq(conversations.storeId, storeId), eq(conversations.id, conversationId)))
      .for("update", { of: conversations });
    if (!row) return { ok: false, error: "not_found" };
    if (row.status === "closed") return { ok: false, error: "closed" };

    const content: OutgoingContent | SendAgentReplyError =
      input.template !== undefined
        ? await templateContent(tx, storeId, input.template)
        : { type: "text", text: input.text };
    if ("ok" in content) return content;

    const decision = decideSend({ recipient: row.customer, content, purpose: "reply", now });
    const queued = await queueOutgoingMessage(tx, {
      storeId,
      conversationId,
      customer: row.customer,
      content,
      author: "agent",
      purpose: "reply",
      dedupeKey: input.dedupeKey,
      agentUserId: input.userId,
      now,
    });
    if (queued.messageId === null) return { ok: true, messageId: null, duplicate: true };
    if (!decision.allowed) {
      const { reason, explanation } = decision;
      return { ok: false, error: "blocked", reason, explanation, messageId: queued.messageId };
    }
    if (!queued.queued) throw new Error(`reply not queued: ${queued.reason}`);
    await tx
      .update(conversations)
      .set({
        status: "agent",
        handedOffAt: sql`case when ${conversations.status} = 'bot' then ${now} else ${conversations.handedOffAt} end`,
        unreadCount: 0,
        lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${now})`,
      })
      .where(and(eq(conversations.storeId, storeId), eq(conversations.id, conversationId)));
    return { ok: true, messageId: queued.messageId, duplicate: false };
  });
}
