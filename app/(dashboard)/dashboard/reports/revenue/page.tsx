import { KpiGrid } from "@/components/reports/kpi-tile";
import { ReportEmpty } from "@/components/reports/report-empty";
import { ReportHeader } from "@/components/reports/report-header";
import { RevenueOverTime } from "@/components/reports/revenue-over-time";
import { loadReportRequest } from "@/lib/analytics/report-request";
import { revenueOverTime } from "@/lib/analytics/revenue-over-time";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";

export async function generateMetadata() {
  return { title: (await getDashboardStrings()).t.analytics.sections.revenue.title };
}

const total = (buckets: { revenueMinor: number }[]) =>
  buckets.reduce((sum, bucket) => sum + bucket.revenueMinor, 0);

export default async function RevenueReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const request = await loadReportRequest(searchParams);
  const { db, analyticsStore: store, range, strings } = request;
  const [current, previous] = await Promise.all([
    revenueOverTime(db, store, range.current, range.bucket),
    revenueOverTime(db, store, range.previous, range.bucket),
  ]);
  const words = strings.t.analytics;
  const paid = (buckets: { paidOrders: number }[]) =>
    buckets.reduce((sum, bucket) => sum + bucket.paidOrders, 0);
  return (
    <div className="grid min-w-0 gap-6">
      <ReportHeader
        request={request.view}
        title={words.sections.revenue.title}
        description={words.sections.revenue.description}
      />
      <KpiGrid
        language={strings.language}
        t={words.delta}
        kpis={[
          {
            id: "revenue",
            label: words.conversions.revenue,
            current: total(current.buckets),
            previous: total(previous.buckets),
            value: { kind: "money", currency: store.currency },
          },
          {
            id: "paid-orders",
            label: words.steps.paidOrders,
            current: paid(current.buckets),
            previous: paid(previous.buckets),
            value: { kind: "number" },
          },
        ]}
      />
      {current.sources.length === 0 ? (
        <ReportEmpty
          text={words.revenue.empty}
          actions={[
            { href: "/dashboard/widget", label: strings.t.overview.chart.addWidget },
            { href: "/dashboard/qr", label: strings.t.overview.chart.makeQr },
          ]}
        />
      ) : (
        <RevenueOverTime
          points={current.buckets.map((bucket) => ({
            period: bucket.from,
            bySource: bucket.bySource,
          }))}
          bucket={current.bucket}
          currency={store.currency}
          strings={strings}
        />
      )}
    </div>
  );
}
