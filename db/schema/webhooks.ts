import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { stores } from "./stores";

/**
 * The webhook inbox (DESIGN §4.1): one row per provider item, stored raw before it is applied
 * (lib/processing). `externalId` is the provider's idempotency key (WhatsApp: `message:<wamid>`,
 * `status:<wamid>:<status>`), so a redelivery hits the unique constraint and changes nothing.
 *
 * Pending: `processed_at` null and `next_attempt_at` set. Given up (shown as failed):
 * `processed_at` and `next_attempt_at` null, `error` set.
 */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    provider: text().$type<"whatsapp" | "stripe">().notNull(),
    externalId: text().notNull(),
    /** null when the event names no store we know (an unknown phone-number id). */
    storeId: uuid().references(() => stores.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    /**
     * Items of one lane (a customer of a store's number) are applied one at a time, in
     * `occurred_at` then `sequence` order. '' = an item that waits for nobody.
     */
    lane: text().notNull().default(""),
    /** The provider's timestamp for the item; receipt time when it has none. */
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Receipt order: the tie-break when two items of a lane share a timestamp. */
    sequence: bigserial({ mode: "number" }).notNull(),
    /** The item exactly as received (for WhatsApp: one change with a single message or status). */
    payload: jsonb().$type<unknown>().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true }),
    /** Set when the event cannot be applied (malformed, unknown store) or applying it failed. */
    error: text(),
    /** Applied, with something worth saying (a status for a message this store never sent). */
    note: text(),
    /** Applying failed this many times; `tick` retries until the limit. */
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    unique().on(table.provider, table.externalId),
    index().on(table.storeId, table.receivedAt),
    index("webhook_events_due")
      .on(table.nextAttemptAt)
      .where(sql`processed_at is null and next_attempt_at is not null`),
    index("webhook_events_lane_pending")
      .on(table.lane, table.occurredAt, table.sequence)
      .where(sql`processed_at is null`),
    index("webhook_events_applied")
      .on(table.processedAt)
      .where(sql`processed_at is not null`),
  ],
);

export type WebhookEvent = typeof webhookEvents.$inferSelect;
