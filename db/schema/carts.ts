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

export const cartStatus = pgEnum("cart_status", ["active", "abandoned", "recovered", "converted"]);

/** A shopper's cart, found by the random `token` kept in an HttpOnly cookie. */
export const carts = pgTable(
  "carts",
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    token: text().notNull().unique(),
    customerId: uuid().references(() => customers.id, { onDelete: "set null" }),
    status: cartStatus().notNull().default("active"),
    language: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    abandonedAt: timestamp({ withTimezone: true }),
  },
  (table) => [index().on(table.storeId, table.status, table.updatedAt)],
);

export const cartItems = pgTable(
  "cart_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    cartId: uuid()
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    quantity: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique().on(table.cartId, table.productId)],
);

export type Cart = typeof carts.$inferSelect;
export type CartItem = typeof cartItems.$inferSelect;
export type CartStatus = (typeof cartStatus.enumValues)[number];
