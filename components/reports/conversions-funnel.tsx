import { funnelSteps, type FunnelCounts } from "@/lib/analytics/display";
import type { DashboardStrings } from "@/lib/dashboard-i18n/server";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import { ChartFigure } from "./chart-figure";
import { ReportBarChart } from "./report-bar-chart";

/** All entry points' funnel, as horizontal bars, with each step's rate in the table. */
export function ConversionsFunnel({
  totals,
  strings,
}: {
  totals: FunnelCounts;
  strings: Pick<DashboardStrings, "t" | "format" | "language">;
}) {
  const { t, format, language } = strings;
  const steps = funnelSteps(totals);
  const counts = Object.fromEntries(steps.map((step) => [step.step, format.number(step.count)]));
  return (
    <ChartFigure
      id="funnel"
      title={t.analytics.conversions.funnelTitle}
      description={formatMessage(t.analytics.conversions.funnelDescription, counts)}
      showTable={t.analytics.chart.showTable}
      columns={[
        { header: t.analytics.conversions.step },
        { header: t.analytics.conversions.count, numeric: true },
        { header: t.analytics.conversions.rateFromPrevious, numeric: true },
      ]}
      rows={steps.map((step) => ({
        key: step.step,
        cells: [
          t.analytics.steps[step.step],
          format.number(step.count),
          step.rateFromPrevious === null ? "—" : `${format.percent(step.rateFromPrevious * 100)}%`,
        ],
      }))}
    >
      <ReportBarChart
        data={steps.map((step) => ({ step: t.analytics.steps[step.step], count: step.count }))}
        category="step"
        series={[{ key: "count", label: t.analytics.conversions.count, color: "var(--chart-1)" }]}
        value={{ kind: "number" }}
        language={language}
        layout="vertical"
        className="h-56"
      />
    </ChartFigure>
  );
}
