import {
  bigint,
  bigserial,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { stores } from "./stores";

/**
 * Daily rollups for the analytics pages (docs/ARCHITECTURE.md, "Daily rollups"). Triggers
 * (migration 0014) append a change row for every instant whose local day a write to orders,
 * order lines, conversations or clicks touched, in the writer's own transaction; `tick`
 * recomputes those days from the raw rows. A read takes rolled-up days that have no change
 * row and computes the rest from the raw rows, in one statement, so it is always exact.
 */

/** An instant whose store-local day needs recomputing. Append-only until `tick` takes it. */
export const analyticsChanges = pgTable(
  "analytics_changes",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    // No foreign key: deleting a store deletes its orders, whose triggers write rows here for
    // a store that is gone in the same statement. `tick` removes such rows.
    storeId: uuid().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [index().on(table.storeId, table.at)],
);

/** A store whose rollups are built, and the time zone their days are in. */
export const analyticsRollupState = pgTable("analytics_rollup_state", {
  storeId: uuid()
    .primaryKey()
    .references(() => stores.id, { onDelete: "cascade" }),
  timezone: text().notNull(),
  builtAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  refreshedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Per store-local day and entry point: clicks, chats, orders created (by their creation day),
 * paid orders and net revenue (by their payment day, per currency). `qr_code_id` and
 * `product_id` are the raw rows' own, without foreign keys (the rows are recomputed, not
 * cascaded, when a code or product is deleted and the raw rows' references become null);
 * `product_id` is set on chat rows only.
 */
export const analyticsActivityDays = pgTable(
  "analytics_activity_days",
  {
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    day: date({ mode: "string" }).notNull(),
    source: text().notNull(),
    qrCodeId: uuid(),
    productId: uuid(),
    /** Set on rows of paid orders; null on the others. */
    currency: text(),
    clicks: integer().notNull().default(0),
    chats: integer().notNull().default(0),
    orders: integer().notNull().default(0),
    paidOrders: integer().notNull().default(0),
    revenueMinor: bigint({ mode: "number" }).notNull().default(0),
  },
  (table) => [index().on(table.storeId, table.day)],
);

/**
 * Per store-local day and product: orders created with a line of it (by creation day), and
 * paid orders, units and net revenue split over the lines (by payment day, per currency).
 * `product_id` null: products deleted since.
 */
export const analyticsProductDays = pgTable(
  "analytics_product_days",
  {
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    day: date({ mode: "string" }).notNull(),
    productId: uuid(),
    currency: text(),
    orders: integer().notNull().default(0),
    paidOrders: integer().notNull().default(0),
    units: bigint({ mode: "number" }).notNull().default(0),
    revenueMinor: bigint({ mode: "number" }).notNull().default(0),
  },
  (table) => [index().on(table.storeId, table.day)],
);
