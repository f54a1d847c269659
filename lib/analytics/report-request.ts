import "server-only";
import { requireMember } from "@/lib/auth/current-member";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { localDay, parseAnalyticsRange, rangeSearchParams } from "./range";
import type { AnalyticsStore } from "./store";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** What every report page starts from: the member's store, its words and the URL's range. */
export async function loadReportRequest(searchParams: SearchParams) {
  const [{ db, store }, strings, params] = await Promise.all([
    requireMember(),
    getDashboardStrings(),
    searchParams,
  ]);
  const now = new Date();
  const range = parseAnalyticsRange(params, store.timezone, now);
  const analyticsStore: AnalyticsStore = {
    id: store.id,
    timezone: store.timezone,
    currency: store.currency,
  };
  const view = {
    strings,
    range,
    today: localDay(store.timezone, now),
    query: rangeSearchParams(range),
  };
  return { db, store, analyticsStore, view, ...view };
}

export type ReportRequest = Awaited<ReturnType<typeof loadReportRequest>>;
/** The plain part of a request that components take (never the database handle). */
export type ReportView = ReportRequest["view"];
