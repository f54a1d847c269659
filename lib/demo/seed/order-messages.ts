import type { NewMessage } from "@/db/schema";
import type { ShopperLanguage } from "@/lib/i18n/languages";
import { formatMessage } from "@/lib/i18n/messages";
import { formatMoney } from "@/lib/money/format";
import { summarizeOutgoing, type OutgoingContent } from "@/lib/whatsapp/content";
import type { DemoChatRows } from "./chat-rows";
import type { PlannedPayment } from "./payments";
import type { Rng } from "./random";

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;

/** The payment confirmation as the demo's shoppers received it. */
const CONFIRMATION: Record<ShopperLanguage, string> = {
  en: "Thank you! Order {number} is paid.\n{items}\nTotal: {total}\n\nWe'll message you when it ships.",
  ja: "ありがとうございます！ご注文 {number} のお支払いを確認しました。\n{items}\n合計: {total}\n\n発送したらこちらでお知らせします。",
  "zh-Hans": "谢谢！订单 {number} 已付款。\n{items}\n合计：{total}\n\n发货后我们会在这里通知您。",
  ko: "감사합니다! 주문 {number}의 결제가 완료되었습니다.\n{items}\n합계: {total}\n\n발송되면 여기에서 알려 드릴게요.",
};

export type OrderMessageInput = {
  payment: PlannedPayment;
  orderId: string;
  conversationId: string;
  /** When the customer's next chat starts (Infinity for their latest). */
  nextChatAt: number;
  language: ShopperLanguage;
  itemLines: string;
  currency: string;
  linkContent: OutgoingContent;
  agentUserId: string;
  newId(key: string): string;
};

/** What was placed in the thread: the link message's id, if it fitted the chat. */
export type PlacedOrderMessages = { linkMessageId: string | null };

type Conversation = DemoChatRows["conversations"][number];

const wholeSecond = (time: number) => Math.floor(time / SECOND) * SECOND;

/**
 * Delivery statuses of an added outbound message: sent and delivered within seconds, and read
 * before the shopper's next message (and before they opened the link it carries).
 */
function delivery(rng: Rng, at: number, readBy: number, now: number, read: boolean) {
  const sentAt = Math.min(wholeSecond(at + rng.int(1000, 2900)), readBy);
  const deliveredAt = Math.min(sentAt + rng.int(0, 3) * SECOND, readBy);
  const readAt = read ? Math.min(deliveredAt + rng.int(1, 90) * SECOND, readBy) : null;
  const seen = (time: number | null) => (time !== null && time <= now ? new Date(time) : null);
  const status = seen(readAt) ? "read" : seen(deliveredAt) ? "delivered" : "sent";
  return {
    status,
    sentAt: seen(sentAt),
    deliveredAt: seen(deliveredAt),
    readAt: seen(readAt),
    failedAt: null,
  } as const;
}

/**
 * Adds each order's payment link (a cta_url at the moment the order was made) and, for paid
 * orders, the confirmation to the chat that led to it — when they fit before the customer's
 * next chat — and keeps the conversation's last message, closing time and unread count true.
 */
export function addOrderMessages(
  rng: Rng,
  rows: DemoChatRows,
  inputs: readonly OrderMessageInput[],
  now: number,
): PlacedOrderMessages[] {
  const conversations = new Map(rows.conversations.map((row) => [row.id!, row]));
  const threads = new Map<string, NewMessage[]>();
  for (const message of rows.messages) {
    const thread = threads.get(message.conversationId) ?? [];
    thread.push(message);
    threads.set(message.conversationId, thread);
  }
  let serial = rows.messages.length;
  const placed = inputs.map((input) => {
    const conversation = conversations.get(input.conversationId);
    const thread = threads.get(input.conversationId);
    if (!conversation || !thread) return { linkMessageId: null };
    // By number, not id: ids differ per store, the demo does not.
    const orderRng = rng.fork(input.payment.order.number);
    const limit = Math.min(now, input.nextChatAt - 2 * SECOND);
    const nextInbound = (after: number) =>
      Math.min(
        ...thread
          .filter((m) => m.direction === "inbound" && m.createdAt!.getTime() > after)
          .map((m) => m.createdAt!.getTime()),
        Number.POSITIVE_INFINITY,
      );
    const add = (
      key: string,
      at: number,
      content: OutgoingContent,
      extra: Partial<NewMessage>,
      readBy: number,
      read: boolean,
    ) => {
      const id = input.newId(key);
      const message: NewMessage = {
        id,
        storeId: conversation.storeId,
        conversationId: input.conversationId,
        customerId: conversation.customerId,
        direction: "outbound",
        author: "bot",
        waMessageId: `wamid.DEMO.${++serial}`,
        type: content.type,
        body: summarizeOutgoing(content),
        content,
        dedupeKey: `order:${input.orderId}:${key}`,
        intent: null,
        errorCode: null,
        errorReason: null,
        // A shopper reads a message before answering it.
        ...delivery(
          orderRng,
          at,
          Math.min(readBy, nextInbound(at) - SECOND),
          now,
          read || nextInbound(at) !== Number.POSITIVE_INFINITY,
        ),
        createdAt: new Date(at),
        ...extra,
      };
      rows.messages.push(message);
      thread.push(message);
      touch(conversation, thread, at, input.nextChatAt, now);
      return id;
    };

    const { payment } = input;
    const sentAt = payment.order.createdAt.getTime();
    if (sentAt > limit) return { linkMessageId: null };
    const byAgent = payment.origin === "agent";
    const firstOpen = payment.opens[0]?.getTime() ?? Number.POSITIVE_INFINITY;
    const linkMessageId = add(
      "link:1",
      sentAt,
      input.linkContent,
      byAgent ? { author: "agent", agentUserId: input.agentUserId } : { intent: "buy" },
      firstOpen - SECOND,
      firstOpen !== Number.POSITIVE_INFINITY || orderRng.chance(0.6),
    );
    const paidAt = payment.order.paidAt?.getTime();
    if (paidAt !== undefined && paidAt + 5 * SECOND <= limit) {
      const language = input.language;
      const text = formatMessage(CONFIRMATION[language], {
        number: payment.order.number,
        items: input.itemLines,
        total: formatMoney(payment.order.totalMinor, input.currency, language),
      });
      add(
        "confirmation",
        wholeSecond(paidAt + orderRng.int(1, 4) * SECOND),
        { type: "text", text },
        { intent: "order-confirmation" },
        Number.POSITIVE_INFINITY,
        orderRng.chance(0.85),
      );
    }
    return { linkMessageId };
  });
  return placed;
}

/** The conversation after a message was added: last message, closing time, unread count. */
export function touch(
  conversation: Conversation,
  thread: readonly NewMessage[],
  at: number,
  nextChatAt: number,
  now: number,
) {
  const previousLast = conversation.lastMessageAt!.getTime();
  if (at <= previousLast) return;
  conversation.lastMessageAt = new Date(at);
  if (conversation.closedAt) {
    const quiet = conversation.closedAt.getTime() - previousLast;
    conversation.closedAt = new Date(Math.min(at + quiet, nextChatAt - SECOND, now));
  }
  const sorted = [...thread].sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime());
  const lastAnswer = sorted.findLastIndex((message) => message.author !== "customer");
  const inbound = sorted.filter((message) => message.direction === "inbound");
  if (conversation.status === "agent") {
    conversation.unreadCount = sorted.filter(
      (message, i) => message.direction === "inbound" && i > lastAnswer,
    ).length;
  } else if (conversation.status === "bot") {
    conversation.unreadCount = at > now - DAY ? inbound.length : conversation.unreadCount;
  }
}
