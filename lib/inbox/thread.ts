import "server-only";
import { and, desc, eq, gt } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import {
  type Conversation,
  conversations,
  type Customer,
  customers,
  type Message,
  messages,
  users,
} from "@/db/schema";
import { agentDisplayName } from "./display";
import { isUuid } from "./ids";

/** The newest messages a thread shows; older ones stay in the database. */
export const THREAD_MESSAGE_LIMIT = 200;

export type ThreadMessage = Pick<
  Message,
  | "id"
  | "direction"
  | "author"
  | "type"
  | "body"
  | "status"
  | "errorCode"
  | "errorReason"
  | "agentUserId"
  | "createdAt"
  | "sentAt"
  | "deliveredAt"
  | "readAt"
  | "failedAt"
  | "originalBody"
  | "editedAt"
  | "deletedAt"
  | "reaction"
  | "content"
> & {
  /** The team member who wrote an agent message, as the inbox names them. */
  agentName: string | null;
};

export type Thread = {
  conversation: Pick<
    Conversation,
    | "id"
    | "status"
    | "source"
    | "labels"
    | "unreadCount"
    | "language"
    | "lastMessageAt"
    | "handedOffAt"
    | "closedAt"
    | "createdAt"
  >;
  customer: Pick<
    Customer,
    "id" | "waId" | "name" | "phone" | "lastInboundAt" | "optedInAt" | "optedOutAt"
  >;
  /** Oldest first. */
  messages: ThreadMessage[];
  /** More messages exist before the first one shown. */
  hasEarlier: boolean;
};

/** A conversation of this store with its customer and messages; null for any other id. */
export async function getThread(
  db: Database,
  storeId: string,
  conversationId: string,
): Promise<Thread | null> {
  if (!isUuid(conversationId)) return null;
  const [row] = await db
    .select({
      conversation: {
        id: conversations.id,
        status: conversations.status,
        source: conversations.source,
        labels: conversations.labels,
        unreadCount: conversations.unreadCount,
        language: conversations.language,
        lastMessageAt: conversations.lastMessageAt,
        handedOffAt: conversations.handedOffAt,
        closedAt: conversations.closedAt,
        createdAt: conversations.createdAt,
      },
      customer: {
        id: customers.id,
        waId: customers.waId,
        userId: customers.userId,
        username: customers.username,
        name: customers.name,
        phone: customers.phone,
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
    .where(and(eq(conversations.storeId, storeId), eq(conversations.id, conversationId)));
  if (!row) return null;
  const newestFirst = await db
    .select({
      id: messages.id,
      direction: messages.direction,
      author: messages.author,
      type: messages.type,
      body: messages.body,
      status: messages.status,
      errorCode: messages.errorCode,
      errorReason: messages.errorReason,
      agentUserId: messages.agentUserId,
      createdAt: messages.createdAt,
      sentAt: messages.sentAt,
      deliveredAt: messages.deliveredAt,
      readAt: messages.readAt,
      failedAt: messages.failedAt,
      originalBody: messages.originalBody,
      editedAt: messages.editedAt,
      deletedAt: messages.deletedAt,
      reaction: messages.reaction,
      content: messages.content,
      agent: { name: users.name, email: users.email },
    })
    .from(messages)
    .leftJoin(users, eq(users.id, messages.agentUserId))
    .where(and(eq(messages.storeId, storeId), eq(messages.conversationId, conversationId)))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(THREAD_MESSAGE_LIMIT + 1);
  return {
    ...row,
    messages: newestFirst
      .slice(0, THREAD_MESSAGE_LIMIT)
      .reverse()
      .map(({ agent, ...message }) => ({
        ...message,
        agentName: agent ? agentDisplayName(agent) : null,
      })),
    hasEarlier: newestFirst.length > THREAD_MESSAGE_LIMIT,
  };
}

/** Marks the conversation's messages seen; true when there was something unread. */
export async function markConversationRead(
  db: Database,
  storeId: string,
  conversationId: string,
): Promise<boolean> {
  if (!isUuid(conversationId)) return false;
  const updated = await db
    .update(conversations)
    .set({ unreadCount: 0 })
    .where(
      and(
        eq(conversations.storeId, storeId),
        eq(conversations.id, conversationId),
        gt(conversations.unreadCount, 0),
      ),
    )
    .returning({ id: conversations.id });
  return updated.length > 0;
}
