import { GettingStarted } from "@/components/dashboard/getting-started";
import { RecentOrders } from "@/components/dashboard/recent-orders";
import { RevenueChart } from "@/components/dashboard/revenue-chart";
import { RevenueEmpty } from "@/components/dashboard/revenue-empty";
import { StatCard } from "@/components/dashboard/stat-card";
import { ChartFigure } from "@/components/reports/chart-figure";
import { SectionCards } from "@/components/reports/section-cards";
import { Suspense } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { loadStoreOverview } from "@/lib/analytics/overview";
import { type AnalyticsRange, rangeSearchParams } from "@/lib/analytics/range";
import { loadSectionSummaries } from "@/lib/analytics/section-summaries";
import { requireMember } from "@/lib/auth/current-member";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { loadSetupProgress } from "@/lib/stores/setup-progress";

/** The overview's figures for the request's range, in one round of parallel queries. */
export async function OverviewFigures({ range }: { range: AnalyticsRange }) {
  const [{ db, store }, strings] = await Promise.all([requireMember(), getDashboardStrings()]);
  const [overview, progress] = await Promise.all([
    loadStoreOverview(db, store, { range }),
    loadSetupProgress(db, store),
  ]);
  const { t, format, language } = strings;
  const { current, previous } = overview;
  const money = { kind: "money", currency: store.currency } as const;
  const count = { kind: "number" } as const;
  const stats = [
    {
      metric: "revenueMinor",
      testId: "stat-revenue",
      title: t.overview.stats.revenue,
      value: format.money(current.revenueMinor, store.currency),
      kind: money,
    },
    {
      metric: "paidOrders",
      testId: "stat-orders",
      title: t.overview.stats.paidOrders,
      value: format.number(current.paidOrders),
      kind: count,
    },
    {
      metric: "chatsStarted",
      testId: "stat-chats",
      title: t.overview.stats.chatsStarted,
      value: format.number(current.chatsStarted),
      kind: count,
    },
    {
      metric: "newCustomers",
      testId: "stat-customers",
      title: t.overview.stats.newCustomers,
      value: format.number(current.newCustomers),
      kind: count,
    },
  ] as const;
  return (
    <>
      {progress.hasOrders ? null : <GettingStarted progress={progress} t={t.overview.setup} />}
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {stats.map((stat) => (
          <StatCard
            key={stat.testId}
            testId={stat.testId}
            title={stat.title}
            value={stat.value}
            current={current[stat.metric]}
            previous={previous[stat.metric]}
            kind={stat.kind}
            language={language}
            t={t.analytics.delta}
          />
        ))}
      </div>
      <Suspense fallback={<SectionCardsSkeleton />}>
        <OverviewSectionCards range={range} />
      </Suspense>
      {overview.daily.some((day) => day.revenueMinor > 0) ? (
        <ChartFigure
          id="overview-revenue"
          title={t.overview.chart.title}
          description={t.overview.chart.description}
          showTable={t.analytics.chart.showTable}
          columns={[
            { header: t.analytics.revenue.period },
            { header: t.overview.chart.revenue, numeric: true },
            { header: t.overview.stats.paidOrders, numeric: true },
          ]}
          rows={overview.daily.map((day) => ({
            key: day.day,
            cells: [
              format.date(new Date(`${day.day}T00:00:00Z`), "UTC"),
              format.money(day.revenueMinor, store.currency),
              format.number(day.paidOrders),
            ],
          }))}
        >
          <RevenueChart
            data={overview.daily}
            currency={store.currency}
            language={language}
            label={t.overview.chart.revenue}
          />
        </ChartFigure>
      ) : (
        <Card>
          <CardHeader>
            <CardTitle>{t.overview.chart.title}</CardTitle>
            <CardDescription>{t.overview.chart.description}</CardDescription>
          </CardHeader>
          <CardContent>
            <RevenueEmpty days={overview.days} t={t.overview.chart} />
          </CardContent>
        </Card>
      )}
      {overview.recentOrders.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>{t.overview.orders.title}</CardTitle>
          </CardHeader>
          <CardContent>
            <RecentOrders
              orders={overview.recentOrders}
              timezone={store.timezone}
              strings={strings}
            />
          </CardContent>
        </Card>
      ) : null}
    </>
  );
}

/** The figures' shape while they load: four cards and the chart, at their final sizes. */
export function OverviewFiguresSkeleton() {
  return (
    <div className="grid gap-6" aria-busy="true" data-testid="overview-loading">
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {[0, 1, 2, 3].map((index) => (
          <Skeleton key={index} className="h-[7.5rem] rounded-xl" />
        ))}
      </div>
      <SectionCardsSkeleton />
      <Skeleton className="h-[25rem] rounded-xl" />
    </div>
  );
}

/** The reports' cards: every section's queries in one parallel round, streamed on their own. */
async function OverviewSectionCards({ range }: { range: AnalyticsRange }) {
  const [{ db, store }, strings] = await Promise.all([requireMember(), getDashboardStrings()]);
  const summaries = await loadSectionSummaries(db, store, range);
  return (
    <SectionCards
      summaries={summaries}
      currency={store.currency}
      query={rangeSearchParams(range)}
      strings={strings}
    />
  );
}

function SectionCardsSkeleton() {
  return (
    <div className="grid gap-3" aria-busy="true">
      <Skeleton className="h-7 w-32" />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {[0, 1, 2, 3, 4, 5].map((index) => (
          <Skeleton key={index} className="h-44 rounded-xl" />
        ))}
      </div>
    </div>
  );
}
