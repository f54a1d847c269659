import { Suspense } from "react";
import { Message } from "@/components/dashboard/message";
import { OverviewFigures, OverviewFiguresSkeleton } from "@/components/dashboard/overview-figures";
import { RangeControls } from "@/components/reports/report-header";
import { loadReportRequest } from "@/lib/analytics/report-request";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";

export async function generateMetadata() {
  return { title: (await getDashboardStrings()).t.overview.title };
}

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const request = await loadReportRequest(searchParams);
  const { t } = request.strings;
  return (
    <div className="grid min-w-0 gap-6">
      <div className="grid gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t.overview.title}</h1>
          <p className="text-sm text-muted-foreground">
            <Message
              template={t.overview.period}
              values={{
                store: <span data-testid="overview-store">{request.store.name}</span>,
                timezone: request.store.timezone,
              }}
            />
          </p>
        </div>
        <RangeControls request={request.view} />
      </div>
      {/* The figures load under the range picker; a new range shows the same-sized skeleton. */}
      <Suspense key={request.query} fallback={<OverviewFiguresSkeleton />}>
        <OverviewFigures range={request.range} />
      </Suspense>
    </div>
  );
}
