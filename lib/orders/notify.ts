import "server-only";
import { and, asc, eq, ne } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { conversations, customers, messages, type Order, orderItems } from "@/db/schema";
import { matchLanguage } from "@/lib/i18n/languages";
import { formatMessage } from "@/lib/i18n/messages";
import { formatMoney } from "@/lib/money/format";
import { orderItemLines } from "@/lib/payments/send-link";
import type { OutgoingContent } from "@/lib/whatsapp/content";
import { queueOutgoingMessage } from "@/lib/whatsapp/queue-message";
import { isOptedOut, isWithinServiceWindow } from "@/lib/whatsapp/send-policy";
import type { OrderMessageKind } from "./order-message-kinds";
import { ORDER_MESSAGES } from "./order-messages";
import { orderTemplateContent } from "./order-template";
import { type ConfirmationPoints, pointsLines } from "./points-lines";

export type OrderUpdateKind = OrderMessageKind;

export type OrderUpdateResult =
  | { status: "queued"; messageId: string }
  | { status: "blocked"; messageId: string | null; reason: string };

export function orderMessageDedupeKey(
  orderId: string,
  kind: OrderUpdateKind,
  discriminator?: string,
): string {
  return `order:${orderId}:${kind}${discriminator ? `:${discriminator}` : ""}`;
}

/** The order's conversation, else the customer's open one. */
export async function conversationOf(tx: Database, order: Order, customerId: string) {
  if (order.conversationId) return order.conversationId;
  const [open] = await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      and(
        eq(conversations.storeId, order.storeId),
        eq(conversations.customerId, customerId),
        ne(conversations.status, "closed"),
      ),
    );
  return open?.id ?? null;
}

/**
 * Tells the shopper about their order, in the order's language, in the caller's transaction:
 * free-form inside the 24-hour window, else the store's configured utility template for
 * `kind`, else the message is recorded blocked with the reason — never dropped silently.
 * Dedupe key `order:<orderId>:<kind>[:<discriminator>]`.
 */
export async function notifyOrderUpdate(
  tx: Database,
  input: {
    order: Order;
    kind: OrderUpdateKind;
    trackingUrl?: string | null;
    amountMinor?: number;
    discriminator?: string;
    /** A member's points, added to the free-form confirmation (never to an opted-out shopper). */
    points?: ConfirmationPoints | null;
    now: Date;
  },
): Promise<OrderUpdateResult> {
  const { order, kind, now } = input;
  if (!order.customerId) {
    return { status: "blocked", messageId: null, reason: "The order has no customer" };
  }
  const [customer] = await tx
    .select()
    .from(customers)
    .where(and(eq(customers.id, order.customerId), eq(customers.storeId, order.storeId)));
  const conversationId = customer ? await conversationOf(tx, order, customer.id) : null;
  if (!customer || !conversationId) {
    return { status: "blocked", messageId: null, reason: "The customer has no conversation" };
  }
  const language = matchLanguage(order.language) ?? "en";
  const items = await tx
    .select()
    .from(orderItems)
    .where(eq(orderItems.orderId, order.id))
    .orderBy(asc(orderItems.name));
  const trackingUrl = input.trackingUrl ?? order.trackingUrl;
  const amountMinor = input.amountMinor ?? null;
  const texts = ORDER_MESSAGES[language];
  let text = formatMessage(texts[kind], {
    number: order.number,
    items: orderItemLines(items, order.currency, language),
    total: formatMoney(order.totalMinor, order.currency, language),
    amount: formatMoney(amountMinor ?? order.refundedMinor, order.currency, language),
  });
  if (kind === "confirmation" && input.points && !isOptedOut(customer)) {
    text += `\n\n${pointsLines(input.points, language)}`;
  }
  if (kind === "shipped" && trackingUrl) {
    text += `\n${formatMessage(texts.tracking, { tracking: trackingUrl })}`;
  }
  let content: OutgoingContent = { type: "text", text, previewUrl: kind === "shipped" };
  let noTemplate: string | null = null;
  if (!isWithinServiceWindow(customer.lastInboundAt, now)) {
    const template = await orderTemplateContent(tx, kind, {
      order,
      customer,
      itemsLine: items.map((item) => `${item.quantity} × ${item.name}`).join(", "),
      trackingUrl,
      amountMinor,
    });
    if (template.ok) content = template.content;
    else noTemplate = template.reason;
  }
  const result = await queueOutgoingMessage(tx, {
    storeId: order.storeId,
    conversationId,
    customer,
    content,
    author: "system",
    purpose: "reply",
    dedupeKey: orderMessageDedupeKey(order.id, kind, input.discriminator),
    intent: `order_${kind}`,
    now,
  });
  if (result.queued) return { status: "queued", messageId: result.messageId };
  if (!result.messageId) return { status: "blocked", messageId: null, reason: result.reason };
  const reason = noTemplate ? `${result.reason} ${noTemplate}` : result.reason;
  if (noTemplate) {
    await tx.update(messages).set({ errorReason: reason }).where(eq(messages.id, result.messageId));
  }
  return { status: "blocked", messageId: result.messageId, reason };
}
