import "server-only";
import { and, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { orders } from "@/db/schema";
import type { AnalyticsWindow } from "./range";
import type { AnalyticsStore } from "./store";

/** A refunded order was paid first, so both statuses count as paid. */
export const PAID_STATUSES = ["paid", "refunded"] as const;

/** `window.start <= column < window.end` (index-friendly). */
export function inWindow(column: PgColumn, window: AnalyticsWindow): SQL | undefined {
  return and(gte(column, window.start), lt(column, window.end));
}

/**
 * The store's orders paid in the window, in its currency: amounts in two currencies never add
 * up, and the currency is locked once orders exist, so another currency is an anomaly left out.
 */
export function paidOrdersIn(store: AnalyticsStore, window: AnalyticsWindow): SQL | undefined {
  return and(
    eq(orders.storeId, store.id),
    inArray(orders.status, [...PAID_STATUSES]),
    eq(orders.currency, store.currency),
    inWindow(orders.paidAt, window),
  );
}

/** Counts and sums arrive as strings (bigint) or numbers depending on the driver. */
export function toNumber(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/** `numerator / denominator`, or null when there is nothing to divide by. */
export function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
