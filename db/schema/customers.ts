import { index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { stores } from "./stores";

export const customers = pgTable(
  "customers",
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    /** WhatsApp id: the phone number in digits, as Meta sends it. */
    waId: text().notNull(),
    /** E.164 */
    phone: text().notNull(),
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
  (table) => [unique().on(table.storeId, table.waId), index().on(table.storeId, table.createdAt)],
);

export type Customer = typeof customers.$inferSelect;
export type NewCustomer = typeof customers.$inferInsert;
