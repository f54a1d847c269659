import { ChartFigure } from "@/components/reports/chart-figure";
import { FigureTable } from "@/components/reports/figure-table";
import { KpiGrid } from "@/components/reports/kpi-tile";
import { ReportBarChart } from "@/components/reports/report-bar-chart";
import { ReportEmpty } from "@/components/reports/report-empty";
import { ReportHeader } from "@/components/reports/report-header";
import { loyaltySection } from "@/lib/analytics/loyalty";
import { loadReportRequest } from "@/lib/analytics/report-request";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";

export async function generateMetadata() {
  return { title: (await getDashboardStrings()).t.analytics.sections.loyalty.title };
}

export default async function LoyaltyReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const request = await loadReportRequest(searchParams);
  const { db, analyticsStore: store, range, strings } = request;
  const [current, previous] = await Promise.all([
    loyaltySection(db, store, range.current),
    loyaltySection(db, store, range.previous),
  ]);
  const { t, format, language } = strings;
  const words = t.analytics.loyalty;
  const count = { kind: "number" } as const;
  const money = { kind: "money", currency: store.currency } as const;
  const header = (
    <ReportHeader
      request={request.view}
      title={t.analytics.sections.loyalty.title}
      description={t.analytics.sections.loyalty.description}
    />
  );
  if (!current.enabled && current.members === 0)
    return (
      <div className="grid min-w-0 gap-6">
        {header}
        <ReportEmpty
          text={words.empty}
          actions={[{ href: "/dashboard/loyalty", label: words.openLoyalty }]}
        />
      </div>
    );
  const groups = [
    { key: "members", label: words.memberGroup, figures: current.memberOrders },
    { key: "others", label: words.nonMemberGroup, figures: current.nonMemberOrders },
  ];
  const tierName = (tier: { key: string; name: string | null }) => tier.name ?? tier.key;
  return (
    <div className="grid min-w-0 gap-6">
      {header}
      <KpiGrid
        language={language}
        t={t.analytics.delta}
        kpis={[
          {
            id: "members",
            label: words.members,
            current: current.members,
            previous: previous.members,
            value: count,
          },
          {
            id: "new-members",
            label: words.newMembers,
            current: current.newMembers,
            previous: previous.newMembers,
            value: count,
          },
          {
            id: "issued",
            label: words.pointsIssued,
            current: current.issued,
            previous: previous.issued,
            value: count,
          },
          {
            id: "redeemed",
            label: words.pointsRedeemed,
            current: current.redeemed,
            previous: previous.redeemed,
            value: count,
          },
          {
            id: "expired",
            label: words.pointsExpired,
            current: current.expired,
            previous: previous.expired,
            value: count,
            higherIsBetter: false,
          },
          {
            id: "outstanding",
            label: words.outstanding,
            current: current.outstanding,
            value: count,
          },
          {
            id: "liability",
            label: words.liability,
            current: current.liabilityMinor,
            value: money,
            help: words.liabilityHelp,
          },
        ]}
      />
      <ChartFigure
        id="tiers"
        title={words.tiersTitle}
        description={current.tiers
          .map((tier) => `${tierName(tier)}: ${format.number(tier.members)}`)
          .join(", ")}
        showTable={t.analytics.chart.showTable}
        columns={[{ header: words.tier }, { header: words.members, numeric: true }]}
        rows={current.tiers.map((tier) => ({
          key: tier.key,
          cells: [tierName(tier), format.number(tier.members)],
        }))}
      >
        <ReportBarChart
          data={current.tiers.map((tier) => ({ tier: tierName(tier), members: tier.members }))}
          category="tier"
          series={[{ key: "members", label: words.members, color: "var(--chart-4)" }]}
          value={count}
          language={language}
          className="h-48"
        />
      </ChartFigure>
      <section className="grid min-w-0 gap-2">
        <h2 className="font-semibold">{words.comparisonTitle}</h2>
        <FigureTable
          testId="loyalty-groups"
          columns={[
            { header: words.group },
            { header: words.customers, numeric: true },
            { header: t.analytics.steps.paidOrders, numeric: true },
            { header: words.revenue, numeric: true },
            { header: words.repeatRate, numeric: true },
          ]}
          rows={groups.map(({ key, label, figures }) => ({
            key,
            cells: [
              label,
              format.number(figures.customers),
              format.number(figures.paidOrders),
              format.money(figures.revenueMinor, store.currency),
              figures.repeatRate === null ? "—" : `${format.percent(figures.repeatRate * 100)}%`,
            ],
          }))}
        />
      </section>
    </div>
  );
}
