import { index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { products } from "./catalog";
import { carts } from "./carts";
import { stores } from "./stores";

/** Entry points a click can come from (the `src` of /go/[store]). */
export const CLICK_SOURCES = [
  "widget",
  "product_button",
  "desktop_qr",
  "qr",
  "cart",
  "link",
] as const;
export type ClickSource = (typeof CLICK_SOURCES)[number];

/** A named QR code, printed on a shop card or a display. `code` is its public id in /go URLs. */
export const qrCodes = pgTable(
  "qr_codes",
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    code: text().notNull(),
    name: text().notNull(),
    /** null: the code opens a chat with the store; otherwise about this product. */
    productId: uuid().references(() => products.id, { onDelete: "set null" }),
    prefilledMessage: text(),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique().on(table.storeId, table.code)],
);

/** One tracked entry into a chat: its `ref` rides in the prefilled WhatsApp text. */
export const clicks = pgTable(
  "clicks",
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    ref: text().notNull(),
    source: text().$type<ClickSource>().notNull(),
    productId: uuid().references(() => products.id, { onDelete: "set null" }),
    qrCodeId: uuid().references(() => qrCodes.id, { onDelete: "set null" }),
    cartId: uuid().references(() => carts.id, { onDelete: "set null" }),
    pageUrl: text(),
    referrer: text(),
    language: text().notNull(),
    /** mobile | tablet | desktop | unknown */
    deviceClass: text().notNull(),
    /** Why a requested product, QR code or cart was not linked (e.g. {"product":"unknown:xyz"}). */
    problems: jsonb().$type<Record<string, string>>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique().on(table.storeId, table.ref),
    index().on(table.storeId, table.createdAt),
    index().on(table.qrCodeId),
    // Covers the analytics clicks by entry point (index-only scans).
    index("clicks_store_id_created_at_covering_index").on(
      table.storeId,
      table.createdAt,
      table.source,
      table.qrCodeId,
    ),
  ],
);

export type QrCode = typeof qrCodes.$inferSelect;
export type NewQrCode = typeof qrCodes.$inferInsert;
export type Click = typeof clicks.$inferSelect;
export type NewClick = typeof clicks.$inferInsert;
