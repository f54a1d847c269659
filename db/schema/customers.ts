import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { stores } from "./stores";

export const customers = pgTable(
  "customers",
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    /** WhatsApp id: the phone number in digits, as Meta sends it; null for a username-only customer. */
    waId: text(),
    /** E.164, when WhatsApp shared the number. */
    phone: text(),
    /** Meta's business-scoped user id (BSUID): the stable identity when present. */
    userId: text(),
    /** The customer's WhatsApp username, when they have one. */
    username: text(),
    name: text(),
    locale: text(),
    tier: text().notNull().default("member"),
    /** The bot asked for consent (once); the answer sets opted_in_at or opted_out_at. */
    consentAskedAt: timestamp({ withTimezone: true }),
    optedInAt: timestamp({ withTimezone: true }),
    optedOutAt: timestamp({ withTimezone: true }),
    lastInboundAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique().on(table.storeId, table.waId),
    unique().on(table.storeId, table.userId),
    index().on(table.storeId, table.createdAt),
    check("customers_identified", sql`wa_id is not null or user_id is not null`),
  ],
);

export type Customer = typeof customers.$inferSelect;
export type NewCustomer = typeof customers.$inferInsert;
