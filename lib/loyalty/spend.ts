import "server-only";
import { and, eq, gt, inArray, lte, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { orders } from "@/db/schema";
import { addMonths } from "./calculate";

/** What a customer paid (less refunds) for orders paid in the 12 months before `now`. */
export async function twelveMonthSpend(
  db: Database,
  storeId: string,
  customerId: string,
  now: Date,
): Promise<number> {
  const [row] = await db
    .select({ spend: sql<string | null>`sum(${orders.totalMinor} - ${orders.refundedMinor})` })
    .from(orders)
    .where(
      and(
        eq(orders.storeId, storeId),
        eq(orders.customerId, customerId),
        inArray(orders.status, ["paid", "refunded"]),
        gt(orders.paidAt, addMonths(now, -12)),
        lte(orders.paidAt, now),
      ),
    );
  return Math.max(0, Number(row?.spend ?? 0));
}
