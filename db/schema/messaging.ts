import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { clicks, qrCodes } from "./attribution";
import { products } from "./catalog";
import { customers } from "./customers";
import { stores } from "./stores";

export const conversationStatus = pgEnum("conversation_status", ["bot", "agent", "closed"]);
export const messageDirection = pgEnum("message_direction", ["inbound", "outbound"]);
/**
 * received: inbound. queued → sent → delivered → read: outbound, only ever forward.
 * failed: the provider refused it (error recorded). blocked: never sent, and why (consent, window).
 */
export const messageStatus = pgEnum("message_status", [
  "received",
  "queued",
  "sent",
  "delivered",
  "read",
  "failed",
  "blocked",
]);

/** A chat with one customer; at most one that is not closed per customer. */
export const conversations = pgTable(
  "conversations",
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    status: conversationStatus().notNull().default("bot"),
    /** The entry point: a click source, "ad" (click-to-WhatsApp ad), or "unattributed". */
    source: text().notNull().default("unattributed"),
    clickId: uuid().references(() => clicks.id, { onDelete: "set null" }),
    productId: uuid().references(() => products.id, { onDelete: "set null" }),
    qrCodeId: uuid().references(() => qrCodes.id, { onDelete: "set null" }),
    /** The click-to-WhatsApp ad referral, as Meta sent it. */
    adReferral: jsonb().$type<Record<string, unknown>>(),
    language: text().notNull(),
    labels: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Inbound messages the store has not looked at yet. */
    unreadCount: integer().notNull().default(0),
    lastMessageAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    handedOffAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("conversations_one_open_per_customer")
      .on(table.storeId, table.customerId)
      .where(sql`status <> 'closed'`),
    index().on(table.storeId, table.status, table.lastMessageAt),
    index().on(table.storeId, table.lastMessageAt),
    // Analytics: chats started in a range, and a customer's first conversation.
    index().on(table.storeId, table.createdAt),
    // A customer's first conversation (by created_at, then id): one index-only probe.
    index().on(table.storeId, table.customerId, table.createdAt, table.id),
    // Covers the analytics counts by entry point and by product (index-only scans).
    index("conversations_store_id_created_at_covering_index").on(
      table.storeId,
      table.createdAt,
      table.source,
      table.qrCodeId,
      table.productId,
    ),
  ],
);

export const messages = pgTable(
  "messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    direction: messageDirection().notNull(),
    /** business_app: the owner replied from the WhatsApp Business app (coexistence echo). */
    author: text().$type<"customer" | "bot" | "agent" | "system" | "business_app">().notNull(),
    /** WhatsApp's message id (wamid): inbound from the webhook, outbound once sent. */
    waMessageId: text().unique(),
    /** Outbound: unique per cause (`reply:<inbound wamid>:0`), so the same cause never sends twice. */
    dedupeKey: text().unique(),
    /** text, interactive, template, image, reply, … */
    type: text().notNull(),
    /** What the inbox shows: the text, a caption, or a summary of interactive content. */
    body: text().notNull().default(""),
    /** Outbound: the OutgoingContent; inbound: the InboundContent and referral. */
    content: jsonb().$type<Record<string, unknown>>().notNull(),
    status: messageStatus().notNull(),
    errorCode: integer(),
    /** Why it failed or was blocked, in words. */
    errorReason: text(),
    /** The bot intent that wrote it. */
    intent: text(),
    agentUserId: text(),
    sentAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    readAt: timestamp({ withTimezone: true }),
    failedAt: timestamp({ withTimezone: true }),
    /** The customer edited it: `body` is the new text, this the first one. */
    originalBody: text(),
    editedAt: timestamp({ withTimezone: true }),
    /** The customer deleted it for everyone (WhatsApp "revoke"). */
    deletedAt: timestamp({ withTimezone: true }),
    /** The customer's current reaction to this message (an emoji), null when none. */
    reaction: text(),
    reactedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // (conversation_id, created_at) lookups use the covering index below (its first columns).
    // A conversation's first or latest message in one direction (analytics: first replies, waiting).
    index().on(table.conversationId, table.direction, table.createdAt),
    index().on(table.customerId, table.createdAt),
    index().on(table.storeId, table.createdAt),
    // Analytics (Message health): outbound messages of a range by status, and the failed and
    // blocked ones, from the index alone.
    index().on(table.storeId, table.direction, table.createdAt, table.status),
    // Analytics: a conversation's first customer, bot and person messages in one index-only
    // scan (first replies).
    index("messages_conversation_id_created_at_covering_index").on(
      table.conversationId,
      table.createdAt,
      table.direction,
      table.author,
      table.status,
      table.storeId,
    ),
  ],
);

export type Conversation = typeof conversations.$inferSelect;
export type ConversationStatus = (typeof conversationStatus.enumValues)[number];
export type Message = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;
export type MessageStatus = (typeof messageStatus.enumValues)[number];
