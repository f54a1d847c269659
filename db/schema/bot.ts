import { index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { stores } from "./stores";

/** Owner-written answers the bot gives (returns, shipping, opening hours…). */
export const faqEntries = pgTable(
  "faq_entries",
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    language: text().notNull(),
    question: text().notNull(),
    answer: text().notNull(),
    keywords: text().array().notNull(),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index().on(table.storeId, table.position)],
);

/** Snippets an agent inserts into a reply. */
export const quickReplies = pgTable(
  "quick_replies",
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    title: text().notNull(),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index().on(table.storeId)],
);

/**
 * Message templates the store has had approved by Meta: the only messages allowed outside
 * the 24-hour window. `body` is a preview with {{1}}, {{2}} … for its variables.
 */
export const messageTemplates = pgTable(
  "message_templates",
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    name: text().notNull(),
    language: text().notNull(),
    category: text().$type<"utility" | "marketing">().notNull().default("utility"),
    body: text().notNull(),
    variableCount: integer().notNull().default(0),
    /** Meta's review status (message_template_status_update); only approved ones are offered. */
    status: text()
      .$type<"approved" | "pending" | "rejected" | "paused" | "disabled">()
      .notNull()
      .default("approved"),
    /** Meta's reason for a rejection, pause or disabling, as sent. */
    statusReason: text(),
    statusUpdatedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique().on(table.storeId, table.name, table.language)],
);

export type FaqEntry = typeof faqEntries.$inferSelect;
export type QuickReply = typeof quickReplies.$inferSelect;
export type MessageTemplate = typeof messageTemplates.$inferSelect;
