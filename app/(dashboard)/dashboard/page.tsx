import type { Metadata } from "next";
import { GettingStarted } from "@/components/dashboard/getting-started";
import { RecentOrders } from "@/components/dashboard/recent-orders";
import { RevenueChart } from "@/components/dashboard/revenue-chart";
import { RevenueEmpty } from "@/components/dashboard/revenue-empty";
import { StatCard } from "@/components/dashboard/stat-card";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { loadStoreOverview } from "@/lib/analytics/overview";
import { requireMember } from "@/lib/auth/current-member";
import { formatMoney } from "@/lib/money/format";
import { loadSetupProgress } from "@/lib/stores/setup-progress";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const { db, store } = await requireMember();
  const [overview, progress] = await Promise.all([
    loadStoreOverview(db, store),
    loadSetupProgress(db, store),
  ]);
  const { current, previous } = overview;
  const number = new Intl.NumberFormat("en");
  const stats = [
    {
      metric: "revenueMinor",
      testId: "stat-revenue",
      title: "Revenue",
      value: formatMoney(current.revenueMinor, store.currency),
    },
    {
      metric: "paidOrders",
      testId: "stat-orders",
      title: "Paid orders",
      value: number.format(current.paidOrders),
    },
    {
      metric: "chatsStarted",
      testId: "stat-chats",
      title: "Chats started",
      value: number.format(current.chatsStarted),
    },
    {
      metric: "newCustomers",
      testId: "stat-customers",
      title: "New customers",
      value: number.format(current.newCustomers),
    },
  ] as const;
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
        <p className="text-sm text-muted-foreground">
          <span data-testid="overview-store">{store.name}</span>: the last {overview.days} days, in{" "}
          {store.timezone} time.
        </p>
      </div>
      {progress.hasOrders ? null : <GettingStarted progress={progress} />}
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {stats.map((stat) => (
          <StatCard
            key={stat.testId}
            testId={stat.testId}
            title={stat.title}
            value={stat.value}
            current={current[stat.metric]}
            previous={previous[stat.metric]}
          />
        ))}
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Revenue per day</CardTitle>
          <CardDescription>Paid orders, by the day they were paid.</CardDescription>
        </CardHeader>
        <CardContent>
          {overview.daily.some((day) => day.revenueMinor > 0) ? (
            <RevenueChart data={overview.daily} currency={store.currency} />
          ) : (
            <RevenueEmpty days={overview.days} />
          )}
        </CardContent>
      </Card>
      {overview.recentOrders.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>Latest orders</CardTitle>
          </CardHeader>
          <CardContent>
            <RecentOrders orders={overview.recentOrders} timezone={store.timezone} />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
