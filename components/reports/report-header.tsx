import { TriangleAlert } from "lucide-react";
import { formatDayRange } from "@/lib/analytics/display";
import type { ReportView } from "@/lib/analytics/report-request";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import { RangePicker } from "./range-picker";
import { ReportTabs } from "./report-tabs";

/** The range a view shows and what it is compared with, in the reader's language. */
export function RangeSummary({ request }: { request: Pick<ReportView, "range" | "strings"> }) {
  const { range, strings } = request;
  const t = strings.t.analytics.range;
  return (
    <p className="text-sm text-muted-foreground" data-testid="range-summary">
      {formatMessage(t.showing, { range: formatDayRange(range.current, strings.language) })}
      {", "}
      <span data-testid="range-previous">
        {formatMessage(t.comparedWith, {
          range: formatDayRange(range.previous, strings.language),
        })}
      </span>
    </p>
  );
}

/** The range picker with its summary, and a notice when the URL's range was unusable. */
export function RangeControls({ request }: { request: ReportView }) {
  const { range, strings, today } = request;
  const t = strings.t.analytics.range;
  return (
    <div className="grid gap-2">
      <RangePicker preset={range.preset} current={range.current} today={today} t={t} />
      <RangeSummary request={request} />
      {range.invalid ? (
        <p
          role="alert"
          data-testid="range-invalid"
          className="flex items-start gap-2 rounded-md border border-amber-500/50 bg-amber-500/10 px-3 py-2 text-sm"
        >
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          {t.invalid}
        </p>
      ) : null}
    </div>
  );
}

/** A report page's top: its title and description, the range, and the tabs to the others. */
export function ReportHeader({
  request,
  title,
  description,
  withRange = true,
}: {
  request: ReportView;
  title: string;
  description: string;
  withRange?: boolean;
}) {
  const t = request.strings.t.analytics;
  return (
    <div className="grid gap-4">
      <div className="grid gap-1">
        <p className="text-sm text-muted-foreground">{t.title}</p>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="text-sm text-muted-foreground">{description}</p>
      </div>
      <ReportTabs query={request.query} t={t} />
      {withRange ? <RangeControls request={request} /> : null}
    </div>
  );
}
