import "server-only";
import type { Database } from "@/db/drivers";
import {
  type DiscountLine,
  events,
  type Order,
  type OrderItem,
  type PaymentLink,
} from "@/db/schema";
import { EVENT_TYPES } from "@/lib/analytics/event-types";
import { matchLanguage } from "@/lib/i18n/languages";
import { formatMessage } from "@/lib/i18n/messages";
import { formatMoney } from "@/lib/money/format";
import type { OutgoingContent } from "@/lib/whatsapp/content";
import { type QueueMessageResult, queueOutgoingMessage } from "@/lib/whatsapp/queue-message";
import { PAYMENT_LINK_MESSAGES } from "./link-messages";
import { paymentLinkUrl } from "./payment-link";

const BUTTON_LIMIT = 20;
const BODY_LIMIT = 1024;

/** "2 × Matcha whisk — ¥9,600", one line per item. */
export function orderItemLines(
  items: Pick<OrderItem, "name" | "quantity" | "lineTotalMinor">[],
  currency: string,
  language: string,
): string {
  return items
    .map(
      (item) =>
        `${item.quantity} × ${item.name} — ${formatMoney(item.lineTotalMinor, currency, language)}`,
    )
    .join("\n");
}

/** "Kyoto Tea Points — −¥480", one line per discount (points paid, recovery offers). */
function discountLineTexts(lines: readonly DiscountLine[], currency: string, language: string) {
  return lines.map(
    (line) => `${line.label} — −${formatMoney(line.amountMinor, currency, language)}`,
  );
}

/**
 * The cta_url message that carries `/pay/<token>`, in the order's language: the items, any
 * discount lines (points used), and the total to pay.
 */
export function paymentLinkContent(
  order: Pick<Order, "number" | "totalMinor" | "currency" | "language" | "note"> &
    Partial<Pick<Order, "discountLines">>,
  items: Pick<OrderItem, "name" | "quantity" | "lineTotalMinor">[],
  url: string,
): OutgoingContent {
  const language = matchLanguage(order.language) ?? "en";
  const messages = PAYMENT_LINK_MESSAGES[language];
  const total = formatMoney(order.totalMinor, order.currency, language);
  const button = formatMessage(messages.payButton, { total });
  const lines = [
    orderItemLines(items, order.currency, language),
    ...discountLineTexts(order.discountLines ?? [], order.currency, language),
  ];
  let body = formatMessage(messages.linkBody, {
    number: order.number,
    items: lines.join("\n"),
    total,
  });
  if (order.note) body = `${order.note}\n\n${body}`;
  return {
    type: "cta_url",
    body: body.length > BODY_LIMIT ? `${body.slice(0, BODY_LIMIT - 1)}…` : body,
    displayText: button.length > BUTTON_LIMIT ? messages.payShort : button,
    url,
    footer: messages.linkFooter,
  };
}

export type QueuePaymentLinkInput = {
  order: Order;
  items: OrderItem[];
  link: PaymentLink;
  customer: Parameters<typeof queueOutgoingMessage>[1]["customer"];
  conversationId: string;
  origin: string;
  author: "bot" | "agent";
  agentUserId?: string;
  /** Unique per cause: the same cause never queues the link twice. */
  dedupeKey: string;
  intent?: string;
  now: Date;
  /** Where the message sorts in its thread (default `now`): after a reply's other messages. */
  createdAt?: Date;
};

/**
 * Queues the payment link in the chat through the outbox and the send policy (a reply: the
 * shopper asked for it), and records `link_sent` when it was queued — in the caller's
 * transaction, beside the order.
 */
export async function queuePaymentLink(
  tx: Database,
  input: QueuePaymentLinkInput,
): Promise<QueueMessageResult> {
  const result = await queueOutgoingMessage(tx, {
    storeId: input.order.storeId,
    conversationId: input.conversationId,
    customer: input.customer,
    content: paymentLinkContent(
      input.order,
      input.items,
      paymentLinkUrl(input.origin, input.link.token),
    ),
    author: input.author,
    agentUserId: input.agentUserId,
    purpose: "reply",
    dedupeKey: input.dedupeKey,
    intent: input.intent,
    now: input.now,
    createdAt: input.createdAt,
  });
  if (result.queued) {
    await tx.insert(events).values({
      storeId: input.order.storeId,
      type: EVENT_TYPES.linkSent,
      source: input.order.source,
      customerId: input.order.customerId,
      orderId: input.order.id,
      properties: { messageId: result.messageId, origin: input.order.origin },
      createdAt: input.now,
    });
  }
  return result;
}
