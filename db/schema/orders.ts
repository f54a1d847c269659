import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { clicks, qrCodes } from "./attribution";
import { carts } from "./carts";
import { products } from "./catalog";
import { customers } from "./customers";
import { conversations } from "./messaging";
import { stores } from "./stores";

/**
 * pending: awaiting payment. paid: the webhook applied a payment of exactly the total.
 * refunded: fully refunded (a partial refund keeps `paid` and records `refunded_minor`).
 * cancelled: only ever from pending.
 */
export const orderStatus = pgEnum("order_status", ["pending", "paid", "refunded", "cancelled"]);
/** Fulfilment is separate from payment: a paid order may be shipped, then delivered. */
export const fulfillmentStatus = pgEnum("fulfillment_status", [
  "unfulfilled",
  "shipped",
  "delivered",
]);
/** How an order was made: the bot's Buy, the cart's Pay now, an agent's link, a WhatsApp catalog cart, or the demo seed. */
export const orderOrigin = pgEnum("order_origin", ["bot", "cart", "agent", "catalog", "seed"]);

/** A discount applied to an order (loyalty and recovery add them); amounts in minor units. */
export type DiscountLine = { kind: string; label: string; amountMinor: number; reference?: string };
/** As Stripe Checkout collected it. */
export type ShippingAddress = {
  name: string | null;
  line1: string | null;
  line2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
};

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
    origin: orderOrigin().notNull().default("bot"),
    /** Inherited from the conversation when the order is made (DESIGN §4.7). */
    conversationId: uuid().references(() => conversations.id, { onDelete: "set null" }),
    clickId: uuid().references(() => clicks.id, { onDelete: "set null" }),
    qrCodeId: uuid().references(() => qrCodes.id, { onDelete: "set null" }),
    productId: uuid().references(() => products.id, { onDelete: "set null" }),
    ref: text(),
    cartId: uuid().references(() => carts.id, { onDelete: "set null" }),
    /** The shopper's language when the order was made: messages and Checkout's locale. */
    language: text().notNull().default("en"),
    /** An agent's note shown with the link. */
    note: text(),
    discountLines: jsonb()
      .$type<DiscountLine[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    paymentIntentId: text(),
    /** Checkout completed with `payment_status: unpaid`: an asynchronous method is settling. */
    awaitingAsyncPaymentAt: timestamp({ withTimezone: true }),
    shippingAddress: jsonb().$type<ShippingAddress>(),
    /** Confirmed by Stripe (charge.refunded / refund.updated), cumulative. */
    refundedMinor: integer().notNull().default(0),
    refundedAt: timestamp({ withTimezone: true }),
    fulfillmentStatus: fulfillmentStatus().notNull().default("unfulfilled"),
    trackingUrl: text(),
    shippedAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    /**
     * When a pending order stops being payable and is cancelled by tick (set when points are
     * redeemed on it, so they are not held forever); null: no expiry.
     */
    expiresAt: timestamp({ withTimezone: true }),
    /**
     * Set when the payment is applied: the recovery (db/schema/recovery.ts; no foreign key,
     * to keep the schema files free of import cycles) and its step that won the order back.
     */
    recoveryId: uuid(),
    recoveryStep: smallint(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique().on(table.storeId, table.number),
    index().on(table.storeId, table.status, table.paidAt),
    index().on(table.storeId, table.createdAt),
    // The analytics aggregates read these columns only: index-only scans of the window's rows
    // (key columns, as drizzle has no INCLUDE).
    index("orders_store_id_paid_at_covering_index").on(
      table.storeId,
      table.paidAt,
      table.status,
      table.currency,
      table.totalMinor,
      table.refundedMinor,
      table.source,
      table.qrCodeId,
    ),
    index("orders_store_id_created_at_covering_index").on(
      table.storeId,
      table.createdAt,
      table.source,
      table.qrCodeId,
    ),
    index().on(table.storeId, table.customerId, table.createdAt),
    // A customer's paid orders by payment time (analytics: traveller journey, repeat buyers),
    // with what those queries read: per-customer probes and scans are index-only.
    index("orders_store_id_customer_id_paid_at_covering_index").on(
      table.storeId,
      table.customerId,
      table.paidAt,
      table.status,
      table.currency,
      table.totalMinor,
      table.refundedMinor,
    ),
    index().on(table.paymentIntentId),
    index("orders_pending_expiry")
      .on(table.expiresAt)
      .where(sql`status = 'pending' and expires_at is not null`),
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
export type FulfillmentStatus = (typeof fulfillmentStatus.enumValues)[number];
export type OrderOrigin = (typeof orderOrigin.enumValues)[number];
