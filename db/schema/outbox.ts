import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { customers } from "./customers";
import { messages } from "./messaging";
import { stores } from "./stores";

/**
 * The outbox (DESIGN §4.2): a row per outgoing message, written in the transaction that
 * decided to send it, delivered by lib/whatsapp/send-outbox.ts. The dedupe key lives on
 * `messages` (blocked messages need it too); here one row per message.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Queue order; rows written in one transaction share created_at. */
    sequence: bigserial({ mode: "number" }).notNull(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    kind: text().$type<"whatsapp_message">().notNull(),
    messageId: uuid()
      .notNull()
      .unique()
      .references(() => messages.id, { onDelete: "cascade" }),
    /** Messages to one customer go out one at a time, in order. */
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** A sender holds the row until then; a crashed sender's claim expires. */
    claimedUntil: timestamp({ withTimezone: true }),
    /** Set just before the provider is called: a claim that expires with this set is "uncertain". */
    sendStartedAt: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
    failedAt: timestamp({ withTimezone: true }),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("outbox_pending")
      .on(table.nextAttemptAt)
      .where(sql`sent_at is null and failed_at is null`),
    index().on(table.customerId, table.sequence),
    index("outbox_sent")
      .on(table.sentAt)
      .where(sql`sent_at is not null`),
  ],
);

export type OutboxRow = typeof outbox.$inferSelect;
