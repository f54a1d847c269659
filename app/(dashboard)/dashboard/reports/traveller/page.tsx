import { KpiGrid } from "@/components/reports/kpi-tile";
import { ReportEmpty } from "@/components/reports/report-empty";
import { ReportHeader } from "@/components/reports/report-header";
import { TravellerReport } from "@/components/reports/traveller-report";
import { loadReportRequest } from "@/lib/analytics/report-request";
import { travellerJourney } from "@/lib/analytics/traveller";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";

export async function generateMetadata() {
  return { title: (await getDashboardStrings()).t.analytics.sections.traveller.title };
}

export default async function TravellerReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const request = await loadReportRequest(searchParams);
  const { db, analyticsStore: store, range, strings } = request;
  const [current, previous] = await Promise.all([
    travellerJourney(db, store, range.current),
    travellerJourney(db, store, range.previous),
  ]);
  const words = strings.t.analytics.traveller;
  const money = { kind: "money", currency: store.currency } as const;
  const count = { kind: "number" } as const;
  const now = current.totals;
  const before = previous.totals;
  return (
    <div className="grid min-w-0 gap-6">
      <ReportHeader
        request={request.view}
        title={strings.t.analytics.sections.traveller.title}
        description={strings.t.analytics.sections.traveller.description}
      />
      <KpiGrid
        language={strings.language}
        t={strings.t.analytics.delta}
        kpis={[
          {
            id: "customers",
            label: words.customers,
            current: now.customers,
            previous: before.customers,
            value: count,
          },
          {
            id: "returning",
            label: words.returning,
            current: now.returningCustomers,
            previous: before.returningCustomers,
            value: count,
          },
          {
            id: "same-day",
            label: words.sameDay,
            current: now.dayOfScanRevenueMinor,
            previous: before.dayOfScanRevenueMinor,
            value: money,
          },
          {
            id: "later",
            label: words.later,
            current: now.laterRevenueMinor,
            previous: before.laterRevenueMinor,
            value: money,
          },
        ]}
      />
      {now.customers === 0 ? (
        <ReportEmpty
          text={words.empty}
          actions={[{ href: "/dashboard/qr", label: strings.t.overview.chart.makeQr }]}
        />
      ) : (
        <TravellerReport
          byCountry={current.byCountry}
          byQrCode={current.byQrCode}
          currency={store.currency}
          strings={strings}
        />
      )}
      <p className="text-xs text-muted-foreground">{words.cohortNote}</p>
    </div>
  );
}
