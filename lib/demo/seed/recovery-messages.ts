import type { NewMessage } from "@/db/schema";
import { botMessagesFor } from "@/lib/bot/messages";
import { matchLanguage } from "@/lib/i18n/languages";
import { paymentLinkUrl } from "@/lib/payments/payment-link";
import {
  freeFormReminder,
  reminderValues,
  stepText,
  templateReminder,
} from "@/lib/recovery/reminder-content";
import type { RecoverySettings } from "@/lib/recovery/settings";
import { summarizeOutgoing } from "@/lib/whatsapp/content";
import { classifyGraphResponse } from "@/lib/whatsapp/graph-errors";
import type { DemoChatRows } from "./chat-rows";
import type { DemoHistory } from "./history";
import { touch } from "./order-messages";
import type { DemoOrderIds, DemoOrderRows } from "./orders";
import type { PlannedPayment } from "./payments";
import { DEMO_TIMEZONE, type SimulatedStep } from "./recovery-timeline";

const SECOND = 1000;
/** Meta's "Message undeliverable", as the outbox sender classifies it (graph-errors.ts). */
const UNDELIVERABLE = {
  code: 131026,
  reason: classifyGraphResponse(400, {
    error: { code: 131026, message: "(#131026) Message undeliverable" },
  }).reason,
};

export type RecoveryChats = {
  history: DemoHistory;
  chats: DemoChatRows;
  orders: DemoOrderRows;
  ids: DemoOrderIds;
  now: Date;
};

const indexes = new WeakMap<
  DemoChatRows,
  {
    conversations: Map<string, DemoChatRows["conversations"][number]>;
    threads: Map<string, NewMessage[]>;
  }
>();

/** The chats' conversations and messages by conversation id, built once per seed. */
function indexOf(chats: DemoChatRows) {
  let index = indexes.get(chats);
  if (!index) {
    index = {
      conversations: new Map(chats.conversations.map((row) => [row.id!, row])),
      threads: new Map(),
    };
    for (const message of chats.messages) {
      const thread = index.threads.get(message.conversationId) ?? [];
      thread.push(message);
      index.threads.set(message.conversationId, thread);
    }
    indexes.set(chats, index);
  }
  return index;
}

/** The customer's chats (start time and index into DemoHistory.chats), in time order. */
export type CustomerChats = readonly { at: number; index: number }[];

/**
 * Adds a message to the customer's latest conversation at its time, as the app would have;
 * one WhatsApp took (`delivered`) gets the next of the demo's message ids.
 */
function addToThread(
  context: RecoveryChats,
  chats: CustomerChats,
  message: NewMessage,
  delivered: boolean,
): { id: string; wamid: string | null } {
  const at = message.createdAt!.getTime();
  const wamid = delivered ? `wamid.DEMO.${context.chats.messages.length + 1}` : null;
  const chat = chats.findLast((c) => c.at <= at)!;
  const next = chats.find((c) => c.at > at);
  const conversationId = context.ids.conversationId(chat.index);
  const { conversations, threads } = indexOf(context.chats);
  const conversation = conversations.get(conversationId)!;
  const row = {
    ...message,
    waMessageId: wamid,
    storeId: context.ids.storeId,
    conversationId,
    customerId: conversation.customerId,
  };
  context.chats.messages.push(row);
  const thread = threads.get(conversationId) ?? [];
  thread.push(row);
  threads.set(conversationId, thread);
  touch(conversation, thread, at, next?.at ?? Number.POSITIVE_INFINITY, context.now.getTime());
  return { id: row.id!, wamid };
}

/** A sent step's reminder with the order's payment link, as sendReminder queues it. */
export function addReminder(
  context: RecoveryChats,
  input: {
    step: SimulatedStep;
    payment: PlannedPayment;
    row: DemoOrderRows["orders"][number];
    recoveryId: string;
    chats: CustomerChats;
    settings: RecoverySettings;
  },
): string {
  const { step, payment, row } = input;
  const { ids, orders } = context;
  const language = matchLanguage(row.language ?? "") ?? "ja";
  const values = reminderValues({
    order: { totalMinor: payment.order.totalMinor, currency: ids.currency },
    items: orders.items.filter((item) => item.orderId === row.id),
    customerName: context.history.customers[payment.order.customer]!.name,
    link: paymentLinkUrl(ids.origin, orders.paymentLinks.find((l) => l.orderId === row.id)!.token),
    incentive: null,
    language,
    timezone: DEMO_TIMEZONE,
  });
  const stepSettings = input.settings.steps[step.step - 1]!;
  const template = stepSettings.template;
  const content =
    step.channel === "template" && template
      ? templateReminder(
          { ...template, category: "marketing", variableCount: template.variables.length },
          template.variables,
          values,
        )
      : freeFormReminder(stepText(stepSettings, language) ?? "", values);
  const delivery = step.delivery!;
  const failed = delivery.status === "failed";
  const message: NewMessage = {
    id: ids.newId("recovery-message", `${payment.order.number}:${step.step}`),
    storeId: ids.storeId,
    conversationId: "",
    customerId: "",
    direction: "outbound",
    author: "system",
    type: content.type,
    body: summarizeOutgoing(content),
    content,
    dedupeKey: `recovery:${input.recoveryId}:${step.step}`,
    intent: "recovery_reminder",
    status: delivery.status,
    errorCode: failed ? UNDELIVERABLE.code : null,
    errorReason: failed ? UNDELIVERABLE.reason : null,
    sentAt: delivery.sentAt,
    deliveredAt: delivery.deliveredAt,
    readAt: delivery.readAt,
    failedAt: failed ? delivery.failedAt : null,
    createdAt: step.decidedAt!,
  };
  return addToThread(context, input.chats, message, !failed).id;
}

/** The shopper answers a reminder with the stop word; the bot confirms the opt-out. */
export function addOptOut(
  context: RecoveryChats,
  input: { at: Date; language: string; chats: CustomerChats; key: string },
): void {
  const language = matchLanguage(input.language) ?? "ja";
  const text = language === "ja" ? "停止" : "STOP";
  const newId = (part: string) => context.ids.newId("recovery-message", `${input.key}:${part}`);
  const base = { storeId: context.ids.storeId, conversationId: "", customerId: "" };
  readBefore(context, input.chats, input.at);
  const stop = addToThread(
    context,
    input.chats,
    {
      ...base,
      id: newId("stop"),
      direction: "inbound",
      author: "customer",
      type: "text",
      body: text,
      content: { kind: "text", text, referral: null, contextWamid: null },
      status: "received",
      createdAt: input.at,
    },
    true,
  );
  const reply = { type: "text" as const, text: botMessagesFor(language).optOut.confirmation };
  const sentAt = new Date(input.at.getTime() + 2 * SECOND);
  addToThread(
    context,
    input.chats,
    {
      ...base,
      id: newId("stop-reply"),
      direction: "outbound",
      author: "bot",
      type: "text",
      body: summarizeOutgoing(reply),
      content: reply,
      dedupeKey: `reply:${stop.wamid}:0`,
      intent: "opt_out",
      status: "read",
      sentAt,
      deliveredAt: new Date(sentAt.getTime() + SECOND),
      readAt: new Date(sentAt.getTime() + 20 * SECOND),
      createdAt: new Date(input.at.getTime() + SECOND),
    },
    true,
  );
}

/** A shopper reads what the chat showed them before they answer (the seed's chats hold to it). */
function readBefore(context: RecoveryChats, chats: CustomerChats, at: Date) {
  const chat = chats.findLast((c) => c.at <= at.getTime())!;
  const conversationId = context.ids.conversationId(chat.index);
  for (const message of indexOf(context.chats).threads.get(conversationId) ?? []) {
    if (message.direction !== "outbound") continue;
    if (message.status === "failed" || message.createdAt! >= at) continue;
    if (message.readAt && message.readAt <= at) continue;
    const sentAt = message.sentAt ?? new Date(message.createdAt!.getTime() + SECOND);
    const deliveredAt = message.deliveredAt ?? sentAt;
    Object.assign(message, {
      status: "read",
      sentAt,
      deliveredAt,
      readAt: new Date(Math.max(deliveredAt.getTime(), at.getTime() - 30 * SECOND)),
    });
  }
}
