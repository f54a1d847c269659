import { sql } from "drizzle-orm";
import {
  boolean,
  check,
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
import { users } from "./auth";
import { customers } from "./customers";
import { orders } from "./orders";
import { stores } from "./stores";

/**
 * A store's programme: on/off, its name and its rules (validated by lib/loyalty/rules.ts;
 * what is missing takes the defaults for the store's currency). One row per store, made on
 * first save. Rules are read at the moment of each activity, so a change applies to new
 * activity only: what the ledger holds is never recomputed.
 */
export const loyaltyPrograms = pgTable("loyalty_programs", {
  storeId: uuid()
    .primaryKey()
    .references(() => stores.id, { onDelete: "cascade" }),
  enabled: boolean().notNull().default(false),
  name: text().notNull(),
  rules: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  updatedBy: text().references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * A customer's place in the programme, and the row redemption locks (`FOR UPDATE`).
 * `balance` is a cache of the ledger's sum for this customer, written in the same
 * transaction as every ledger row; the ledger is the truth. `invited_at` without
 * `joined_at`: asked once, not (yet) a member. Members only earn and hear about points.
 */
export const loyaltyAccounts = pgTable(
  "loyalty_accounts",
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    invitedAt: timestamp({ withTimezone: true }),
    joinedAt: timestamp({ withTimezone: true }),
    /** Sum of every ledger row, pending ones included (available = balance − pending). */
    balance: integer().notNull().default(0),
    /** Key of the tier held now (lib/loyalty/tiers.ts); moves down only at `tier_review_at`. */
    tier: text().notNull().default("member"),
    tierReviewAt: timestamp({ withTimezone: true }),
    /** Last earn or redeem: points expire N months after it (pending ones never do). */
    lastActivityAt: timestamp({ withTimezone: true }),
    /** The shopper's birthday, month and day only, when they told the bot. */
    birthdayMonth: smallint(),
    birthdayDay: smallint(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique().on(table.storeId, table.customerId),
    index().on(table.storeId, table.joinedAt),
    index().on(table.storeId, table.lastActivityAt),
    check(
      "loyalty_accounts_birthday",
      sql`(birthday_month is null and birthday_day is null) or (birthday_month between 1 and 12 and birthday_day between 1 and 31)`,
    ),
  ],
);

export const loyaltyReason = pgEnum("loyalty_reason", [
  "signup",
  "earn",
  "redeem",
  "redeem_return",
  "reversal",
  "expire",
  "birthday",
  "tier_reward",
  "first_order",
  "adjust",
]);

/**
 * Points are this ledger: one row per change. `cause_key` names the cause (`earn:<order>`,
 * `reversal:<order>:<refunded so far>` …) and is unique per store, so applying a cause twice
 * inserts nothing. A row whose `available_at` is in the future is pending: it counts in the
 * balance but cannot be redeemed and never expires.
 */
export const loyaltyLedger = pgTable(
  "loyalty_ledger",
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    accountId: uuid()
      .notNull()
      .references(() => loyaltyAccounts.id, { onDelete: "cascade" }),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    delta: integer().notNull(),
    reason: loyaltyReason().notNull(),
    orderId: uuid().references(() => orders.id, { onDelete: "set null" }),
    causeKey: text().notNull(),
    availableAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Manual adjustments: who made it and why (shown in the customer's history). */
    adjustedBy: text().references(() => users.id, { onDelete: "set null" }),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique().on(table.storeId, table.causeKey),
    index().on(table.accountId, table.createdAt),
    index().on(table.accountId, table.availableAt),
    // The analytics and Loyalty page movements read these columns only: an index-only scan of
    // the period's rows (key columns, as drizzle has no INCLUDE).
    index("loyalty_ledger_store_id_created_at_covering_index").on(
      table.storeId,
      table.createdAt,
      table.reason,
      table.delta,
    ),
    // Pending points now: the few rows whose available_at is still ahead.
    index().on(table.storeId, table.availableAt),
    index().on(table.orderId),
    check("loyalty_ledger_delta_not_zero", sql`delta <> 0`),
  ],
);

export type LoyaltyProgram = typeof loyaltyPrograms.$inferSelect;
export type LoyaltyAccount = typeof loyaltyAccounts.$inferSelect;
export type LoyaltyLedgerRow = typeof loyaltyLedger.$inferSelect;
export type NewLoyaltyLedgerRow = typeof loyaltyLedger.$inferInsert;
export type LoyaltyReason = (typeof loyaltyReason.enumValues)[number];
