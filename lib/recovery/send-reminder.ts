import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import {
  conversations,
  events,
  orderItems,
  paymentLinks,
  recoveries,
  type Recovery,
  type RecoveryStep,
  recoverySteps,
} from "@/db/schema";
import { EVENT_TYPES } from "@/lib/analytics/event-types";
import { matchLanguage } from "@/lib/i18n/languages";
import { type CreatedOrder, createOrder } from "@/lib/orders/create-order";
import { findOpenOrderFor } from "@/lib/orders/open-order";
import { paymentLinkUrl } from "@/lib/payments/payment-link";
import { queueOutgoingMessage } from "@/lib/whatsapp/queue-message";
import { applyIncentive, type IncentiveRecord, withdrawExpiredIncentive } from "./incentive";
import type { RecoveryProgram } from "./program";
import { freeFormReminder, reminderValues, stepText, templateReminder } from "./reminder-content";
import type { RecoveryStepSettings } from "./settings";
import { findStepTemplate, type StepFacts } from "./step-facts";

export type SendOutcome = { sent: true; messageId: string } | { sent: false; reason: string };

async function conversationOf(tx: Database, storeId: string, customerId: string) {
  const [row] = await tx
    .select({ id: conversations.id, language: conversations.language })
    .from(conversations)
    .where(and(eq(conversations.storeId, storeId), eq(conversations.customerId, customerId)))
    .orderBy(sql`${conversations.status} = 'closed'`, desc(conversations.lastMessageAt))
    .limit(1);
  return row ?? null;
}

/** The pending order for what is left to pay: reused when it has exactly these lines. */
async function orderToPay(
  tx: Database,
  recovery: Recovery,
  facts: StepFacts,
  conversationId: string,
  language: string,
  now: Date,
): Promise<CreatedOrder | { refused: string }> {
  const open = await findOpenOrderFor(tx, {
    storeId: recovery.storeId,
    customerId: recovery.customerId,
    lines: facts.lines,
    cartId: facts.cart?.id ?? facts.order?.cartId ?? null,
  });
  if (open) return open;
  if (facts.order && !facts.cart) {
    const [link] = await tx
      .select()
      .from(paymentLinks)
      .where(eq(paymentLinks.orderId, facts.order.id));
    const items = await tx.select().from(orderItems).where(eq(orderItems.orderId, facts.order.id));
    if (link) return { order: facts.order, items, link };
  }
  const created = await createOrder(tx, {
    storeId: recovery.storeId,
    customerId: recovery.customerId,
    conversationId,
    origin: "cart",
    lines: facts.lines,
    language,
    cartId: facts.cart?.id ?? null,
    now,
  });
  return created.ok ? created : { refused: `order_${created.reason}` };
}

/**
 * Sends one step (the decision said send, on `channel`), in the caller's transaction: the
 * pending order for the cart's contents at today's prices (reused or made), the step's
 * offer once, and the reminder with the payment link through the outbox, keyed
 * `recovery:<id>:<step>` so a step is never queued twice. The step records the message.
 */
export async function sendReminder(
  tx: Database,
  input: {
    recovery: Recovery;
    step: RecoveryStep;
    settings: RecoveryStepSettings;
    program: RecoveryProgram;
    facts: StepFacts;
    channel: "free_form" | "template";
    origin: string;
    now: Date;
  },
): Promise<SendOutcome> {
  const { recovery, step, facts, now } = input;
  const conversation = await conversationOf(tx, recovery.storeId, recovery.customerId);
  if (!conversation) return { sent: false, reason: "no_conversation" };
  const language =
    matchLanguage(facts.cart?.language) ??
    matchLanguage(facts.order?.language) ??
    matchLanguage(conversation.language) ??
    matchLanguage(facts.customer.locale) ??
    matchLanguage(input.program.defaultLanguage) ??
    "en";
  const made = await orderToPay(tx, recovery, facts, conversation.id, language, now);
  if ("refused" in made) return { sent: false, reason: made.refused };
  let order = await withdrawExpiredIncentive(tx, made.order, now);
  let incentive: IncentiveRecord | null = null;
  if (input.settings.incentive) {
    const applied = await applyIncentive(tx, {
      order,
      recoveryId: recovery.id,
      step: step.step,
      incentive: input.settings.incentive,
      now,
    });
    order = applied.order;
    incentive = applied.record;
  }

  const values = reminderValues({
    order,
    items: made.items,
    customerName: facts.customer.name,
    link: paymentLinkUrl(input.origin, made.link.token),
    incentive,
    language: matchLanguage(order.language) ?? language,
    timezone: input.program.timezone,
  });
  let content;
  if (input.channel === "template") {
    const template = input.settings.template
      ? await findStepTemplate(tx, recovery.storeId, input.settings.template)
      : null;
    if (!template || !input.settings.template)
      return { sent: false, reason: "template_unavailable" };
    content = templateReminder(template, input.settings.template.variables, values);
  } else {
    const text = stepText(input.settings, order.language);
    if (!text) return { sent: false, reason: "no_text" };
    content = freeFormReminder(text, values);
  }
  const queued = await queueOutgoingMessage(tx, {
    storeId: recovery.storeId,
    conversationId: conversation.id,
    customer: facts.customer,
    content,
    author: "system",
    purpose: "business_initiated",
    dedupeKey: `recovery:${recovery.id}:${step.step}`,
    intent: "recovery_reminder",
    now,
  });
  // A code the Recovery page puts in words, not the policy's English explanation.
  if (!queued.queued) return { sent: false, reason: queued.blockedBy ?? queued.reason };

  if (recovery.orderId !== order.id) {
    await tx
      .update(recoveries)
      .set({ orderId: order.id, updatedAt: now })
      .where(eq(recoveries.id, recovery.id));
  }
  await tx
    .update(recoverySteps)
    .set({
      status: "sent",
      channel: input.channel,
      messageId: queued.messageId,
      incentive,
      reason: null,
      decidedAt: now,
    })
    .where(eq(recoverySteps.id, step.id));
  await tx.insert(events).values({
    storeId: recovery.storeId,
    type: EVENT_TYPES.reminderSent,
    source: order.source,
    customerId: recovery.customerId,
    orderId: order.id,
    properties: {
      recoveryId: recovery.id,
      step: step.step,
      channel: input.channel,
      messageId: queued.messageId,
      incentive: incentive?.status === "applied" ? incentive.amountMinor : null,
    },
    createdAt: now,
  });
  return { sent: true, messageId: queued.messageId };
}
