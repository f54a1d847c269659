import { shortDay } from "@/lib/analytics/display";
import type { DashboardStrings } from "@/lib/dashboard-i18n/server";
import { formatMessage, wordFor } from "@/lib/dashboard-i18n/messages";
import { ChartFigure } from "./chart-figure";
import { ReportBarChart } from "./report-bar-chart";
import { sourceColour } from "./source-colours";

/** One day's (or week's) net revenue per entry point, as the SQL grouped it. */
export type RevenuePoint = { period: string; bySource: Record<string, number> };

/** Net revenue per day or week, stacked by entry point, with the same figures as a table. */
export function RevenueOverTime({
  points,
  bucket,
  currency,
  strings,
}: {
  points: RevenuePoint[];
  bucket: "day" | "week";
  currency: string;
  strings: Pick<DashboardStrings, "t" | "format" | "language">;
}) {
  const { t, format, language } = strings;
  const words = t.analytics.revenue;
  const totals = new Map<string, number>();
  for (const point of points)
    for (const [source, minor] of Object.entries(point.bySource))
      totals.set(source, (totals.get(source) ?? 0) + minor);
  const sources = [...totals.keys()].filter((source) => totals.get(source) !== 0);
  const grandTotal = [...totals.values()].reduce((sum, minor) => sum + minor, 0);
  const label = (source: string) => wordFor(t.sources, source, source);
  const periodWords = (period: string) =>
    bucket === "week"
      ? formatMessage(words.week, { day: format.date(new Date(`${period}T00:00:00Z`), "UTC") })
      : format.date(new Date(`${period}T00:00:00Z`), "UTC");
  const sum = (point: RevenuePoint) =>
    Object.values(point.bySource).reduce((total, minor) => total + minor, 0);
  return (
    <ChartFigure
      id="revenue"
      title={words.chartTitle}
      description={formatMessage(
        bucket === "week" ? words.chartDescriptionWeek : words.chartDescriptionDay,
        { total: format.money(grandTotal, currency) },
      )}
      showTable={t.analytics.chart.showTable}
      columns={[
        { header: words.period },
        ...sources.map((source) => ({ header: label(source), numeric: true })),
        { header: words.total, numeric: true },
      ]}
      rows={points.map((point) => ({
        key: point.period,
        cells: [
          periodWords(point.period),
          ...sources.map((source) => format.money(point.bySource[source] ?? 0, currency)),
          format.money(sum(point), currency),
        ],
      }))}
    >
      <ReportBarChart
        data={points.map((point) => ({
          period: shortDay(point.period),
          ...Object.fromEntries(sources.map((source) => [source, point.bySource[source] ?? 0])),
        }))}
        category="period"
        series={sources.map((source) => ({
          key: source,
          label: label(source),
          color: sourceColour(source),
        }))}
        value={{ kind: "money", currency }}
        language={language}
        stacked
        className="h-72"
      />
    </ChartFigure>
  );
}
