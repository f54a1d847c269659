import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { carts } from "./carts";
import { customers } from "./customers";
import { messages } from "./messaging";
import { orders } from "./orders";
import { stores } from "./stores";

/**
 * A store's recovery sequence: on/off and its settings as JSON validated by
 * lib/recovery/settings.ts (what is missing takes the defaults). One row per store.
 */
export const recoveryPrograms = pgTable("recovery_programs", {
  storeId: uuid()
    .primaryKey()
    .references(() => stores.id, { onDelete: "cascade" }),
  enabled: boolean().notNull().default(false),
  settings: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  updatedBy: text().references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** active: steps may still go. recovered: paid after a delivered reminder. stopped: a stop
 *  condition (with `stop_reason`). lost: the sequence ran out without a payment. */
export const recoveryStatus = pgEnum("recovery_status", ["active", "recovered", "stopped", "lost"]);

/**
 * One recovery of an abandoned cart or an unpaid order — a cart and the order made from it
 * are the same recovery (`order_id` is filled in when the cart becomes an order).
 */
export const recoveries = pgTable(
  "recoveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    cartId: uuid().references(() => carts.id, { onDelete: "set null" }),
    orderId: uuid().references(() => orders.id, { onDelete: "set null" }),
    status: recoveryStatus().notNull().default("active"),
    stopReason: text(),
    /** When the cart or order became recoverable; step delays count from here. */
    abandonedAt: timestamp({ withTimezone: true }).notNull(),
    /** The cart's or order's value when it was abandoned. */
    valueMinor: integer().notNull(),
    currency: text().notNull(),
    recoveredOrderId: uuid().references(() => orders.id, { onDelete: "set null" }),
    recoveredStep: smallint(),
    recoveredAt: timestamp({ withTimezone: true }),
    endedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("recoveries_active_cart")
      .on(table.cartId)
      .where(sql`status = 'active' and cart_id is not null`),
    uniqueIndex("recoveries_active_order")
      .on(table.orderId)
      .where(sql`status = 'active' and order_id is not null`),
    index().on(table.storeId, table.abandonedAt),
    index().on(table.storeId, table.customerId, table.createdAt),
  ],
);

/** What became of one step: decided once, with its reason when it did not go. */
export const recoveryStepStatus = pgEnum("recovery_step_status", [
  "scheduled",
  /** Due, held back until quiet hours or the daily cap end (`due_at` moved on). */
  "waiting",
  /** Queued in the outbox; delivery and reads are the message's own statuses. */
  "sent",
  "skipped",
  "cancelled",
]);

export const recoverySteps = pgTable(
  "recovery_steps",
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    recoveryId: uuid()
      .notNull()
      .references(() => recoveries.id, { onDelete: "cascade" }),
    step: smallint().notNull(),
    status: recoveryStepStatus().notNull().default("scheduled"),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    /** Why it waits or was skipped, as a code the pages put in words. */
    reason: text(),
    channel: text(),
    messageId: uuid().references(() => messages.id, { onDelete: "set null" }),
    /** The incentive offered with this step, as applied to the order. */
    incentive: jsonb().$type<Record<string, unknown>>(),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique().on(table.recoveryId, table.step),
    index("recovery_steps_due")
      .on(table.dueAt)
      .where(sql`status in ('scheduled', 'waiting')`),
  ],
);

export type RecoveryProgram = typeof recoveryPrograms.$inferSelect;
export type Recovery = typeof recoveries.$inferSelect;
export type RecoveryStep = typeof recoverySteps.$inferSelect;
export type RecoveryStatus = (typeof recoveryStatus.enumValues)[number];
export type RecoveryStepStatus = (typeof recoveryStepStatus.enumValues)[number];
