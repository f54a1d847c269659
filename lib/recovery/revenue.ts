import "server-only";
import { and, eq, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { orders } from "@/db/schema";

export type RecoveredRevenue = {
  orders: number;
  /** Paid totals net of refunds, in the store's minor units. */
  revenueMinor: number;
  byStep: { step: number; orders: number; revenueMinor: number }[];
};

/**
 * Recovered revenue for orders paid in [from, to): read from the attribution stored on the
 * orders when their payment was applied (never re-derived), net of refunds as they are now.
 * With `currency`, only orders in it (money is never added across currencies).
 */
export async function recoveredRevenue(
  db: Database,
  storeId: string,
  range: { from: Date; to: Date },
  currency?: string,
): Promise<RecoveredRevenue> {
  const rows = await db
    .select({
      step: orders.recoveryStep,
      orders: sql<number>`count(*)::int`,
      revenueMinor: sql<number>`coalesce(sum(${orders.totalMinor} - ${orders.refundedMinor}), 0)::bigint`,
    })
    .from(orders)
    .where(
      and(
        eq(orders.storeId, storeId),
        isNotNull(orders.recoveryId),
        inArray(orders.status, ["paid", "refunded"]),
        gte(orders.paidAt, range.from),
        lt(orders.paidAt, range.to),
        currency === undefined ? undefined : eq(orders.currency, currency),
      ),
    )
    .groupBy(orders.recoveryStep)
    .orderBy(orders.recoveryStep);
  const byStep = rows.map((row) => ({
    step: Number(row.step),
    orders: Number(row.orders),
    revenueMinor: Number(row.revenueMinor),
  }));
  return {
    orders: byStep.reduce((sum, row) => sum + row.orders, 0),
    revenueMinor: byStep.reduce((sum, row) => sum + row.revenueMinor, 0),
    byStep,
  };
}
