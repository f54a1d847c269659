import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { stores } from "./stores";

/**
 * The webhook inbox (DESIGN §4.1): one row per provider event, stored before it is applied.
 * `externalId` is the provider's idempotency key (WhatsApp: `message:<wamid>`,
 * `status:<wamid>:<status>`), so a redelivery hits the unique constraint and changes nothing.
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
    payload: jsonb().$type<unknown>().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true }),
    /** Set when the event cannot be applied (malformed, unknown store) or applying it failed. */
    error: text(),
    /** Applying failed this many times; `tick` retries until the limit. */
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    unique().on(table.provider, table.externalId),
    index().on(table.storeId, table.receivedAt),
    index().on(table.processedAt, table.nextAttemptAt),
  ],
);

export type WebhookEvent = typeof webhookEvents.$inferSelect;
