import Link from "next/link";
import { RecoveryReport } from "@/components/reports/recovery-report";
import { ReportEmpty } from "@/components/reports/report-empty";
import { ReportHeader } from "@/components/reports/report-header";
import { loadReportRequest } from "@/lib/analytics/report-request";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { recoveryKpis } from "@/lib/recovery/kpis";
import { reasonWords } from "@/lib/recovery/report-words";

export async function generateMetadata() {
  return { title: (await getDashboardStrings()).t.analytics.sections.recovery.title };
}

export default async function RecoveryReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const request = await loadReportRequest(searchParams);
  const { db, analyticsStore: store, range, strings } = request;
  const [current, previous] = await Promise.all([
    recoveryKpis(db, store, range.current),
    recoveryKpis(db, store, range.previous),
  ]);
  const { t } = strings;
  const words = t.analytics.recovery;
  const nothing = current.abandoned === 0 && current.sent === 0 && current.recovered === 0;
  return (
    <div className="grid min-w-0 gap-6">
      <ReportHeader
        request={request.view}
        title={t.analytics.sections.recovery.title}
        description={t.analytics.sections.recovery.description}
      />
      {nothing ? (
        <ReportEmpty
          text={words.empty}
          actions={[{ href: "/dashboard/recovery", label: words.openRecovery }]}
        />
      ) : (
        <>
          <RecoveryReport
            current={current}
            previous={previous}
            skippedByReason={current.skippedByReason.map((row) => ({
              ...row,
              words: reasonWords(t.recoveryReport, row.reason),
            }))}
            currency={store.currency}
            strings={strings}
          />
          <p className="text-sm">
            <Link href="/dashboard/recovery" className="underline-offset-4 hover:underline">
              {words.openRecovery}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
