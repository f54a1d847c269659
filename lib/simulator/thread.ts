import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import {
  type ConversationStatus,
  conversations,
  customers,
  type MessageStatus,
  messages,
} from "@/db/schema";
import type { OutgoingContent } from "@/lib/whatsapp/content";
import {
  type AttributionSummary,
  conversationAttribution,
} from "@/lib/conversations/attribution-summary";
import { readOutgoingContent } from "./content";

export type ThreadMessage = {
  id: string;
  direction: "inbound" | "outbound";
  author: "customer" | "bot" | "agent" | "system" | "business_app";
  status: MessageStatus;
  /** The inbox text: what the shopper typed or tapped; for outbound, a summary. */
  body: string;
  /** Outbound only: the message as WhatsApp would show it. */
  content: OutgoingContent | null;
  errorReason: string | null;
  createdAt: Date;
};

export type SimulatorThread = {
  customerName: string | null;
  /** The latest conversation's status: "agent" once the bot has handed off. */
  conversationStatus: ConversationStatus | null;
  /** What the latest conversation is attributed to (the tracked link it started from). */
  attribution: AttributionSummary | null;
  messages: ThreadMessage[];
  /** Delivered to the phone but not yet read: the page reports them read. */
  deliveredIds: string[];
};

const THREAD_LIMIT = 200;
const REPLY_KEY = /^reply:(.+):(\d+)$/;

type OrderableRow = {
  direction: "inbound" | "outbound";
  waMessageId: string | null;
  dedupeKey: string | null;
  createdAt: Date;
};

/**
 * Chat order. Webhook timestamps are whole seconds, so an inbound row's time can sort
 * before the replies to the message before it. The bot's replies are keyed
 * `reply:<inbound wamid>:<n>` and stamped with the moment it was received, so an inbound
 * message takes its replies' time, and sits just before them.
 */
export function orderThread<Row extends OrderableRow>(rows: Row[]): Row[] {
  const answeredAt = new Map<string, number>();
  const replyIndex = new Map<Row, number>();
  for (const row of rows) {
    const match = row.dedupeKey ? REPLY_KEY.exec(row.dedupeKey) : null;
    if (!match?.[1]) continue;
    replyIndex.set(row, Number(match[2]));
    const time = row.createdAt.getTime();
    answeredAt.set(match[1], Math.min(answeredAt.get(match[1]) ?? time, time));
  }
  return rows
    .map((row, index) => {
      const inboundTime =
        row.direction === "inbound" && row.waMessageId ? answeredAt.get(row.waMessageId) : null;
      const rank = row.direction === "inbound" ? 0 : 1 + (replyIndex.get(row) ?? 0);
      return { row, index, rank, time: inboundTime ?? row.createdAt.getTime() };
    })
    .sort((a, b) => a.time - b.time || a.rank - b.rank || a.index - b.index)
    .map(({ row }) => row);
}

/** The simulated shopper's chat with the store: their messages and the store's, in order. */
export async function loadSimulatorThread(
  db: Database,
  storeId: string,
  waId: string,
): Promise<SimulatorThread> {
  const [customer] = await db
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(and(eq(customers.storeId, storeId), eq(customers.waId, waId)));
  if (!customer) {
    return {
      customerName: null,
      conversationStatus: null,
      attribution: null,
      messages: [],
      deliveredIds: [],
    };
  }
  const [rows, [conversation]] = await Promise.all([
    db
      .select()
      .from(messages)
      .where(and(eq(messages.storeId, storeId), eq(messages.customerId, customer.id)))
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(THREAD_LIMIT),
    db
      .select({ id: conversations.id, status: conversations.status })
      .from(conversations)
      .where(and(eq(conversations.storeId, storeId), eq(conversations.customerId, customer.id)))
      .orderBy(desc(conversations.createdAt))
      .limit(1),
  ]);
  const thread = orderThread(rows.reverse()).map((row): ThreadMessage => ({
    id: row.id,
    direction: row.direction,
    author: row.author,
    status: row.status,
    body: row.body,
    content: row.direction === "outbound" ? readOutgoingContent(row.content, row.body) : null,
    errorReason: row.errorReason,
    createdAt: row.createdAt,
  }));
  return {
    customerName: customer.name,
    conversationStatus: conversation?.status ?? null,
    attribution: conversation ? await conversationAttribution(db, storeId, conversation.id) : null,
    messages: thread,
    deliveredIds: thread
      .filter((message) => message.direction === "outbound" && message.status === "delivered")
      .map((message) => message.id),
  };
}
