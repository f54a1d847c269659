import { sql } from "drizzle-orm";
import {
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { orders } from "./orders";
import { stores } from "./stores";

/**
 * The link in the chat (`/pay/<token>`), one per order. `version` names the Checkout Session
 * generation: replacing an expired session bumps it, and `order:<id>:v<version>` is the
 * idempotency key of the create call, so concurrent opens of one version get one session.
 */
export const paymentLinks = pgTable("payment_links", {
  id: uuid().primaryKey().defaultRandom(),
  storeId: uuid()
    .notNull()
    .references(() => stores.id, { onDelete: "cascade" }),
  orderId: uuid()
    .notNull()
    .unique()
    .references(() => orders.id, { onDelete: "cascade" }),
  /** 32 random bytes, base64url (256 bits); the unique index is the lookup. */
  token: text().notNull().unique(),
  version: integer().notNull().default(1),
  openCount: integer().notNull().default(0),
  firstOpenedAt: timestamp({ withTimezone: true }),
  lastOpenedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const checkoutSessionStatus = pgEnum("checkout_session_status", [
  "open",
  "complete",
  "expired",
]);

/** Every Stripe Checkout Session made for an order, newest `version` the current one. */
export const checkoutSessions = pgTable(
  "checkout_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    /** Stripe's `cs_…` id. */
    sessionId: text().notNull(),
    version: integer().notNull(),
    url: text().notNull(),
    status: checkoutSessionStatus().notNull().default("open"),
    amountMinor: integer().notNull(),
    currency: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique().on(table.storeId, table.sessionId),
    unique().on(table.orderId, table.version),
    index().on(table.orderId, table.createdAt),
  ],
);

/**
 * due: recorded by the processor (a second payment of a paid order) and not yet asked of
 * Stripe — the call happens outside the webhook's transaction (tick / after()).
 * requested: Stripe accepted the refund (`re_…`). succeeded / failed: as Stripe reported it.
 */
export const refundStatus = pgEnum("refund_status", ["due", "requested", "succeeded", "failed"]);
export const refundReason = pgEnum("refund_reason", ["owner", "double_payment"]);

export const refunds = pgTable(
  "refunds",
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    reason: refundReason().notNull(),
    /** The payment refunded: the order's own, or the duplicate one. */
    paymentIntentId: text().notNull(),
    amountMinor: integer().notNull(),
    currency: text().notNull(),
    status: refundStatus().notNull(),
    /** Sent as Stripe's Idempotency-Key; also what makes a double-payment refund exactly once. */
    idempotencyKey: text().notNull(),
    stripeRefundId: text(),
    /** The member who asked (owner refunds). */
    requestedBy: uuid(),
    lastError: text(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique().on(table.storeId, table.idempotencyKey),
    index().on(table.orderId),
    uniqueIndex("refunds_stripe_refund_id")
      .on(table.stripeRefundId)
      .where(sql`stripe_refund_id is not null`),
    index("refunds_due")
      .on(table.nextAttemptAt)
      .where(sql`status = 'due'`),
  ],
);

export type PaymentLink = typeof paymentLinks.$inferSelect;
export type CheckoutSession = typeof checkoutSessions.$inferSelect;
export type Refund = typeof refunds.$inferSelect;
export type RefundStatus = (typeof refundStatus.enumValues)[number];
