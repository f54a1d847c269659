import "server-only";
import type { Database } from "@/db/drivers";
import { recoveryKpis } from "@/lib/recovery/kpis";
import { conversionsBySource } from "./conversions";
import { loyaltySummary } from "./loyalty";
import { messageHealthSummary } from "./message-health";
import { conversionsByProduct } from "./products";
import type { AnalyticsRange } from "./range";
import type { AnalyticsStore } from "./store";
import { travellerTotals } from "./traveller";

/**
 * The Overview's card per report section: what each card shows for the range (and the
 * previous period where the card compares), all in one round of parallel queries. Traveller,
 * loyalty and message health ask for their card's figures only (the same SQL as their pages'
 * totals); the report pages ask for the rest.
 */
export async function loadSectionSummaries(
  db: Database,
  store: AnalyticsStore,
  range: Pick<AnalyticsRange, "current" | "previous">,
) {
  const both = <T>(section: (window: AnalyticsRange["current"]) => Promise<T>) =>
    Promise.all([section(range.current), section(range.previous)]);
  const [conversions, products, traveller, loyalty, recovery, messages] = await Promise.all([
    both((window) => conversionsBySource(db, store, window)),
    conversionsByProduct(db, store, range.current),
    both((window) => travellerTotals(db, store, window)),
    // Members, liability: what the card shows is the state now.
    loyaltySummary(db, store, range.current),
    both((window) => recoveryKpis(db, store, window)),
    both((window) => messageHealthSummary(db, store, window)),
  ]);
  return { conversions, products, traveller, loyalty, recovery, messages };
}

export type SectionSummaries = Awaited<ReturnType<typeof loadSectionSummaries>>;
