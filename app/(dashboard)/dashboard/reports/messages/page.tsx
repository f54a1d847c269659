import Link from "next/link";
import { MessageHealthFigures } from "@/components/reports/message-health";
import { ReportEmpty } from "@/components/reports/report-empty";
import { ReportHeader } from "@/components/reports/report-header";
import { messageHealth } from "@/lib/analytics/message-health";
import { loadReportRequest } from "@/lib/analytics/report-request";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";

export async function generateMetadata() {
  return { title: (await getDashboardStrings()).t.analytics.sections.messages.title };
}

export default async function MessageHealthReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const request = await loadReportRequest(searchParams);
  const { db, analyticsStore: store, range, strings } = request;
  const [current, previous] = await Promise.all([
    messageHealth(db, store, range.current),
    messageHealth(db, store, range.previous),
  ]);
  const words = strings.t.analytics.messages;
  return (
    <div className="grid min-w-0 gap-6">
      <ReportHeader
        request={request.view}
        title={strings.t.analytics.sections.messages.title}
        description={strings.t.analytics.sections.messages.description}
      />
      {current.outbound === 0 && current.withAgentNow === 0 ? (
        <ReportEmpty
          text={words.empty}
          actions={[{ href: "/dashboard/settings", label: words.connect }]}
        />
      ) : (
        <MessageHealthFigures current={current} previous={previous} strings={strings} />
      )}
      <p className="text-sm">
        <Link href="/dashboard/inbox" className="underline-offset-4 hover:underline">
          {words.openInbox}
        </Link>
      </p>
    </div>
  );
}
