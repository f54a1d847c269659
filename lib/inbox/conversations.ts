import "server-only";
import { and, arrayContains, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import {
  type ConversationStatus,
  conversations,
  customers,
  type Message,
  type MessageStatus,
  messages,
} from "@/db/schema";
import type { InboxFilter } from "./filters";

export const CONVERSATION_LIST_LIMIT = 100;

export type ConversationListItem = {
  id: string;
  status: ConversationStatus;
  source: string;
  labels: string[];
  unreadCount: number;
  lastMessageAt: Date;
  customer: { name: string | null; phone: string | null };
  lastMessage: {
    body: string;
    direction: Message["direction"];
    author: Message["author"];
    status: MessageStatus;
    createdAt: Date;
  } | null;
};

export type ConversationCounts = Record<InboxFilter, { conversations: number; unread: number }>;

function filterCondition(filter: InboxFilter): SQL | undefined {
  switch (filter) {
    case "waiting":
      return eq(conversations.status, "agent");
    case "bot":
      return eq(conversations.status, "bot");
    case "closed":
      return eq(conversations.status, "closed");
    case "all":
      return undefined;
  }
}

function labelCondition(label: string | undefined): SQL | undefined {
  return label ? arrayContains(conversations.labels, [label]) : undefined;
}

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/** The store's conversations for one filter (and label), most recent first. */
export async function listConversations(
  db: Database,
  storeId: string,
  options: { filter: InboxFilter; label?: string },
): Promise<ConversationListItem[]> {
  // One index lookup per listed conversation (messages by conversation and time).
  const last = db
    .select({
      body: messages.body,
      direction: messages.direction,
      author: messages.author,
      status: messages.status,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .where(and(eq(messages.conversationId, conversations.id), eq(messages.storeId, storeId)))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(1)
    .as("last_message");
  const rows = await db
    .select({
      id: conversations.id,
      status: conversations.status,
      source: conversations.source,
      labels: conversations.labels,
      unreadCount: conversations.unreadCount,
      lastMessageAt: conversations.lastMessageAt,
      customerName: customers.name,
      customerPhone: customers.phone,
      lastBody: last.body,
      lastDirection: last.direction,
      lastAuthor: last.author,
      lastStatus: last.status,
      lastCreatedAt: last.createdAt,
    })
    .from(conversations)
    .innerJoin(
      customers,
      and(eq(customers.id, conversations.customerId), eq(customers.storeId, storeId)),
    )
    .leftJoinLateral(last, sql`true`)
    .where(
      and(
        eq(conversations.storeId, storeId),
        filterCondition(options.filter),
        labelCondition(options.label),
      ),
    )
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
    .limit(CONVERSATION_LIST_LIMIT);
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    source: row.source,
    labels: row.labels,
    unreadCount: row.unreadCount,
    lastMessageAt: toDate(row.lastMessageAt),
    customer: { name: row.customerName, phone: row.customerPhone },
    lastMessage:
      row.lastCreatedAt && row.lastDirection && row.lastAuthor && row.lastStatus
        ? {
            body: row.lastBody ?? "",
            direction: row.lastDirection,
            author: row.lastAuthor,
            status: row.lastStatus,
            createdAt: toDate(row.lastCreatedAt),
          }
        : null,
  }));
}

/** How many conversations each filter holds, and their unread messages, in one scan. */
export async function conversationCounts(
  db: Database,
  storeId: string,
  options: { label?: string } = {},
): Promise<ConversationCounts> {
  const { status, unreadCount } = conversations;
  const [row] = await db
    .select({
      waiting: sql<number>`count(*) filter (where ${status} = 'agent')::int`,
      waitingUnread: sql<number>`coalesce(sum(${unreadCount}) filter (where ${status} = 'agent'), 0)::int`,
      bot: sql<number>`count(*) filter (where ${status} = 'bot')::int`,
      botUnread: sql<number>`coalesce(sum(${unreadCount}) filter (where ${status} = 'bot'), 0)::int`,
      closed: sql<number>`count(*) filter (where ${status} = 'closed')::int`,
      closedUnread: sql<number>`coalesce(sum(${unreadCount}) filter (where ${status} = 'closed'), 0)::int`,
      all: sql<number>`count(*)::int`,
      allUnread: sql<number>`coalesce(sum(${unreadCount}), 0)::int`,
    })
    .from(conversations)
    .where(and(eq(conversations.storeId, storeId), labelCondition(options.label)));
  const pair = (conversationCount: number | undefined, unread: number | undefined) => ({
    conversations: Number(conversationCount ?? 0),
    unread: Number(unread ?? 0),
  });
  return {
    waiting: pair(row?.waiting, row?.waitingUnread),
    bot: pair(row?.bot, row?.botUnread),
    closed: pair(row?.closed, row?.closedUnread),
    all: pair(row?.all, row?.allUnread),
  };
}

/** The labels in use in the store, alphabetically (for the label filter). */
export async function listLabels(db: Database, storeId: string): Promise<string[]> {
  const label = sql<string>`unnest(${conversations.labels})`.as("label");
  const rows = await db
    .selectDistinct({ label })
    .from(conversations)
    .where(eq(conversations.storeId, storeId))
    .orderBy(sql`label`)
    .limit(50);
  return rows.map((row) => row.label);
}
