import {
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { products } from "./catalog";
import { customers } from "./customers";
import { stores } from "./stores";

export const orderStatus = pgEnum("order_status", ["pending", "paid", "refunded", "cancelled"]);

export const orders = pgTable(
  "orders",
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    /** Short, human-facing order number, unique per store (e.g. "KT-10482"). */
    number: text().notNull(),
    customerId: uuid().references(() => customers.id, { onDelete: "set null" }),
    status: orderStatus().notNull().default("pending"),
    currency: text().notNull(),
    subtotalMinor: integer().notNull(),
    discountMinor: integer().notNull().default(0),
    totalMinor: integer().notNull(),
    pointsRedeemed: integer().notNull().default(0),
    /** Entry point that started the chat which led here; "unattributed" when there was none. */
    source: text().notNull().default("unattributed"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    unique().on(table.storeId, table.number),
    index().on(table.storeId, table.status, table.paidAt),
    index().on(table.storeId, table.createdAt),
  ],
);

export const orderItems = pgTable(
  "order_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    productId: uuid().references(() => products.id, { onDelete: "set null" }),
    /** Snapshot of the product name at the time of the order. */
    name: text().notNull(),
    unitPriceMinor: integer().notNull(),
    quantity: integer().notNull(),
    lineTotalMinor: integer().notNull(),
  },
  (table) => [index().on(table.orderId)],
);

export type Order = typeof orders.$inferSelect;
export type NewOrder = typeof orders.$inferInsert;
export type OrderItem = typeof orderItems.$inferSelect;
export type NewOrderItem = typeof orderItems.$inferInsert;
export type OrderStatus = (typeof orderStatus.enumValues)[number];
