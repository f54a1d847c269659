import { ConversionsFunnel } from "@/components/reports/conversions-funnel";
import { ConversionsTable } from "@/components/reports/conversions-table";
import { CsvDownloads } from "@/components/reports/csv-downloads";
import { KpiGrid } from "@/components/reports/kpi-tile";
import { ReportEmpty } from "@/components/reports/report-empty";
import { ReportHeader } from "@/components/reports/report-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { conversionsBySource } from "@/lib/analytics/conversions";
import { entryPointLabel } from "@/lib/analytics/display";
import { loadReportRequest } from "@/lib/analytics/report-request";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";

export async function generateMetadata() {
  return { title: (await getDashboardStrings()).t.analytics.sections.conversions.title };
}

export default async function ConversionsReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const request = await loadReportRequest(searchParams);
  const { db, analyticsStore: store, range, strings } = request;
  const [current, previous] = await Promise.all([
    conversionsBySource(db, store, range.current),
    conversionsBySource(db, store, range.previous),
  ]);
  const { t, language } = strings;
  const words = t.analytics;
  const money = { kind: "money", currency: store.currency } as const;
  const count = { kind: "number" } as const;
  const { totals } = current;
  const before = previous.totals;
  const previousRevenue = new Map(previous.rows.map((row) => [row.key, row.revenueMinor]));
  const labels = { sources: t.sources, ...words.conversions };
  const empty = current.rows.length === 0;
  return (
    <div className="grid min-w-0 gap-6">
      <ReportHeader
        request={request.view}
        title={words.sections.conversions.title}
        description={words.sections.conversions.description}
      />
      <KpiGrid
        language={language}
        t={words.delta}
        kpis={[
          {
            id: "clicks",
            label: words.steps.clicks,
            current: totals.clicks,
            previous: before.clicks,
            value: count,
          },
          {
            id: "chats",
            label: words.steps.chats,
            current: totals.chats,
            previous: before.chats,
            value: count,
          },
          {
            id: "paid-orders",
            label: words.steps.paidOrders,
            current: totals.paidOrders,
            previous: before.paidOrders,
            value: count,
          },
          {
            id: "revenue",
            label: words.conversions.revenue,
            current: totals.revenueMinor,
            previous: before.revenueMinor,
            value: money,
          },
        ]}
      />
      {empty ? (
        <ReportEmpty
          text={words.conversions.empty}
          actions={[
            { href: "/dashboard/widget", label: t.overview.chart.addWidget },
            { href: "/dashboard/qr", label: t.overview.chart.makeQr },
          ]}
        />
      ) : (
        <>
          <ConversionsFunnel totals={totals} strings={strings} />
          <Card className="min-w-0">
            <CardHeader>
              <CardTitle role="heading" aria-level={2}>
                {words.conversions.tableTitle}
              </CardTitle>
              <CardDescription>{words.conversions.tableDescription}</CardDescription>
            </CardHeader>
            <CardContent>
              <ConversionsTable
                rows={current.rows.map((row) => ({
                  ...row,
                  label: entryPointLabel(row, labels),
                  previousRevenueMinor: previousRevenue.get(row.key) ?? 0,
                }))}
                totals={totals}
                currency={store.currency}
                language={language}
                t={words}
              />
            </CardContent>
          </Card>
        </>
      )}
      <CsvDownloads query={request.query} timezone={store.timezone} t={words.export} />
    </div>
  );
}
