import {
  boolean,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { stores } from "./stores";

export const products = pgTable(
  "products",
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    slug: text().notNull(),
    sku: text().notNull(),
    name: text().notNull(),
    description: text().notNull().default(""),
    /**
     * Name and description in other languages: `{ "ja": { "name": …, "description": … } }`,
     * validated by lib/catalog/translations.ts; what is missing falls back to the columns above.
     */
    translations: jsonb()
      .$type<Record<string, { name?: string; description?: string }>>()
      .notNull()
      .default({}),
    /** Minor units of `currency` (yen for JPY, cents for USD). */
    priceMinor: integer().notNull(),
    currency: text().notNull(),
    imageUrl: text(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique().on(table.storeId, table.slug), unique().on(table.storeId, table.sku)],
);

export type Product = typeof products.$inferSelect;
export type NewProduct = typeof products.$inferInsert;
