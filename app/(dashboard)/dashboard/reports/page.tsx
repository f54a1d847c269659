import Link from "next/link";
import { ReportHeader } from "@/components/reports/report-header";
import { REPORT_SECTIONS, reportHref } from "@/components/reports/sections";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { loadReportRequest } from "@/lib/analytics/report-request";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";

export async function generateMetadata() {
  return { title: (await getDashboardStrings()).t.analytics.title };
}

/** The reports' index: each section with what it answers, keeping the chosen range. */
export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const request = await loadReportRequest(searchParams);
  const t = request.strings.t.analytics;
  return (
    <div className="grid min-w-0 gap-6">
      <ReportHeader
        request={request.view}
        title={t.title}
        description={formatMessage(t.intro, {
          timezone: request.store.timezone,
          currency: request.store.currency,
        })}
      />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {REPORT_SECTIONS.map((section) => (
          <Link
            key={section}
            href={reportHref(section, section === "definitions" ? "" : request.query)}
            className="rounded-xl focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
          >
            <Card className="h-full transition-colors hover:bg-accent/50">
              <CardHeader>
                <CardTitle>{t.sections[section].title}</CardTitle>
                <CardDescription>{t.sections[section].description}</CardDescription>
              </CardHeader>
            </Card>
          </Link>
        ))}
      </div>
    </div>
  );
}
