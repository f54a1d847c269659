import "server-only";
import type { Database } from "@/db/drivers";
import type { Customer } from "@/db/schema";
import type { PreparedPaymentLink } from "@/lib/bot/checkout";
import { queuePaymentLink } from "@/lib/payments/send-link";
import type { OutgoingContent } from "@/lib/whatsapp/content";
import { queueOutgoingMessage } from "@/lib/whatsapp/queue-message";

export type PlannedReplies = {
  messages: OutgoingContent[];
  intent: string;
  handOff: boolean;
  /** A payment link the bot made ready, queued before `messages[linkAt]` (the consent question). */
  paymentLink?: PreparedPaymentLink;
  linkAt?: number;
};

/**
 * Queues the bot's answer to one inbound message through the outbox, in order, with the
 * payment link (if any) at its place. A millisecond apart, after the inbound row: a thread
 * orders by created_at, and rows written in one transaction would otherwise tie.
 */
export async function queueReplies(
  tx: Database,
  input: {
    storeId: string;
    conversationId: string;
    customer: Customer;
    inboundWamid: string;
    plan: PlannedReplies;
    now: Date;
  },
): Promise<void> {
  const { plan, now } = input;
  let position = 0;
  const nextCreatedAt = () => new Date(now.getTime() + 1 + position++);
  const queueLink = async (link: PreparedPaymentLink) =>
    queuePaymentLink(tx, {
      ...link,
      customer: input.customer,
      conversationId: input.conversationId,
      author: "bot",
      intent: plan.intent,
      now,
      createdAt: nextCreatedAt(),
    });
  const linkAt = Math.min(plan.linkAt ?? plan.messages.length, plan.messages.length);
  for (const [index, content] of plan.messages.entries()) {
    if (index === linkAt && plan.paymentLink) await queueLink(plan.paymentLink);
    await queueOutgoingMessage(tx, {
      storeId: input.storeId,
      conversationId: input.conversationId,
      customer: input.customer,
      content,
      author: "bot",
      purpose: "reply",
      dedupeKey: `reply:${input.inboundWamid}:${index}`,
      intent: plan.intent,
      now,
      createdAt: nextCreatedAt(),
    });
  }
  if (plan.paymentLink && linkAt === plan.messages.length) await queueLink(plan.paymentLink);
}
