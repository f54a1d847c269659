import "server-only";
import { and, gte, lt, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { AnalyticsWindow } from "./range";

/** A refunded order was paid first, so both statuses count as paid. */
export const PAID_STATUSES = ["paid", "refunded"] as const;

/** `window.start <= column < window.end` (index-friendly). */
export function inWindow(column: PgColumn, window: AnalyticsWindow): SQL | undefined {
  return and(gte(column, window.start), lt(column, window.end));
}

/** Counts and sums arrive as strings (bigint) or numbers depending on the driver. */
export function toNumber(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/** `numerator / denominator`, or null when there is nothing to divide by. */
export function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
