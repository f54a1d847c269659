import { Message } from "@/components/dashboard/message";
import { GettingStarted } from "@/components/dashboard/getting-started";
import { RecentOrders } from "@/components/dashboard/recent-orders";
import { RevenueChart } from "@/components/dashboard/revenue-chart";
import { RevenueEmpty } from "@/components/dashboard/revenue-empty";
import { StatCard } from "@/components/dashboard/stat-card";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { loadStoreOverview } from "@/lib/analytics/overview";
import { requireMember } from "@/lib/auth/current-member";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { loadSetupProgress } from "@/lib/stores/setup-progress";

export async function generateMetadata() {
  return { title: (await getDashboardStrings()).t.overview.title };
}

export default async function OverviewPage() {
  const { db, store } = await requireMember();
  const [overview, progress, strings] = await Promise.all([
    loadStoreOverview(db, store),
    loadSetupProgress(db, store),
    getDashboardStrings(),
  ]);
  const { t, format } = strings;
  const { current, previous } = overview;
  const stats = [
    {
      metric: "revenueMinor",
      testId: "stat-revenue",
      title: t.overview.stats.revenue,
      value: format.money(current.revenueMinor, store.currency),
    },
    {
      metric: "paidOrders",
      testId: "stat-orders",
      title: t.overview.stats.paidOrders,
      value: format.number(current.paidOrders),
    },
    {
      metric: "chatsStarted",
      testId: "stat-chats",
      title: t.overview.stats.chatsStarted,
      value: format.number(current.chatsStarted),
    },
    {
      metric: "newCustomers",
      testId: "stat-customers",
      title: t.overview.stats.newCustomers,
      value: format.number(current.newCustomers),
    },
  ] as const;
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t.overview.title}</h1>
        <p className="text-sm text-muted-foreground">
          <Message
            template={t.overview.period}
            values={{
              store: <span data-testid="overview-store">{store.name}</span>,
              days: format.number(overview.days),
              timezone: store.timezone,
            }}
          />
        </p>
      </div>
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
            t={t.overview.stats}
            format={format}
          />
        ))}
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t.overview.chart.title}</CardTitle>
          <CardDescription>{t.overview.chart.description}</CardDescription>
        </CardHeader>
        <CardContent>
          {overview.daily.some((day) => day.revenueMinor > 0) ? (
            <RevenueChart
              data={overview.daily}
              currency={store.currency}
              language={strings.language}
              label={t.overview.chart.revenue}
            />
          ) : (
            <RevenueEmpty days={overview.days} t={t.overview.chart} />
          )}
        </CardContent>
      </Card>
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
    </div>
  );
}
