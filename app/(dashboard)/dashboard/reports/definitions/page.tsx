import { ReportHeader } from "@/components/reports/report-header";
import { Card, CardContent } from "@/components/ui/card";
import { loadReportRequest } from "@/lib/analytics/report-request";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";

export async function generateMetadata() {
  return { title: (await getDashboardStrings()).t.analytics.sections.definitions.title };
}

/** "How we count": every definition the reports share, stated once. */
export default async function ReportDefinitionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const request = await loadReportRequest(searchParams);
  const t = request.strings.t.analytics;
  return (
    <div className="grid max-w-4xl min-w-0 gap-6">
      <ReportHeader
        request={request.view}
        title={t.sections.definitions.title}
        description={formatMessage(t.definitions.intro, { timezone: request.store.timezone })}
        withRange={false}
      />
      <Card>
        <CardContent>
          <dl className="grid gap-4" data-testid="definitions">
            {Object.entries(t.definitions.items).map(([key, item]) => (
              <div key={key} id={key} className="grid gap-1">
                <dt className="font-medium">{item.term}</dt>
                <dd className="text-sm text-muted-foreground">{item.text}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
    </div>
  );
}
