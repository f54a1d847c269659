/** The Loyalty page's KPIs as bench/loyalty.ts measures them: the page's own function. */
import type { Database } from "@/db/drivers";
import { loyaltyKpis } from "@/lib/loyalty/kpis";

export type KpiRange = { from: Date; to: Date };

const calendarDay = (at: Date) => at.toISOString().slice(0, 10);

export async function pageKpis(db: Database, storeId: string, range: KpiRange) {
  return loyaltyKpis(
    db,
    storeId,
    { from: calendarDay(range.from), to: calendarDay(range.to) },
    range.to,
  );
}
