import { ReportEmpty } from "@/components/reports/report-empty";
import { formatMessage, type DashboardMessages } from "@/lib/dashboard-i18n/messages";

/** The revenue chart before the first paid order: what will appear here, and how to get there. */
export function RevenueEmpty({
  days,
  t,
}: {
  days: number;
  t: DashboardMessages["overview"]["chart"];
}) {
  return (
    <ReportEmpty
      testId="revenue-empty"
      title={formatMessage(t.emptyTitle, { days })}
      text={t.emptyText}
      actions={[
        { href: "/dashboard/widget", label: t.addWidget },
        { href: "/dashboard/qr", label: t.makeQr },
      ]}
    />
  );
}
