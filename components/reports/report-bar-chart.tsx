"use client";

import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import {
  type ChartConfig,
  ChartContainer,
  ChartLegend,
  ChartLegendContent,
  ChartTooltip,
  ChartTooltipContent,
} from "@/components/ui/chart";
import { dashboardFormatters } from "@/lib/dashboard-i18n/format";
import type { DashboardLanguage } from "@/lib/dashboard-i18n/languages";
import { formatMoneyCompact } from "@/lib/money/format";
import { cn } from "@/lib/utils";

export type ChartSeries = { key: string; label: string; color: string };
export type ChartValue = { kind: "number" } | { kind: "money"; currency: string };

/**
 * The reports' bar chart: columns over a category (days, countries), optionally stacked, or
 * horizontal bars (`layout="vertical"`, the funnel). Series colours come from ChartConfig, so
 * the theme's --chart-n variables apply in light and dark.
 */
export function ReportBarChart({
  data,
  category,
  series,
  value,
  language,
  stacked = false,
  layout = "horizontal",
  className,
}: {
  data: Record<string, string | number>[];
  /** The key of each row's label (shown as is; format it before). */
  category: string;
  series: ChartSeries[];
  value: ChartValue;
  language: DashboardLanguage;
  stacked?: boolean;
  layout?: "horizontal" | "vertical";
  className?: string;
}) {
  const format = dashboardFormatters(language);
  const config = Object.fromEntries(
    series.map((item) => [item.key, { label: item.label, color: item.color }]),
  ) satisfies ChartConfig;
  const full = (amount: number) =>
    value.kind === "money" ? format.money(amount, value.currency) : format.number(amount);
  const compact = (amount: number) =>
    value.kind === "money"
      ? formatMoneyCompact(amount, value.currency, language)
      : new Intl.NumberFormat(language, { notation: "compact" }).format(amount);
  const valueAxis = {
    tickLine: false,
    axisLine: false,
    tickFormatter: (amount: number) => compact(amount),
  };
  const categoryAxis = { dataKey: category, tickLine: false, axisLine: false, tickMargin: 8 };
  return (
    <ChartContainer config={config} className={cn("aspect-auto h-64 w-full", className)}>
      <BarChart data={data} layout={layout} margin={{ left: 8, right: 8, top: 8 }}>
        <CartesianGrid vertical={layout === "vertical"} horizontal={layout === "horizontal"} />
        {layout === "horizontal" ? (
          <>
            <XAxis {...categoryAxis} minTickGap={16} />
            <YAxis {...valueAxis} width={64} />
          </>
        ) : (
          <>
            <XAxis type="number" {...valueAxis} />
            <YAxis type="category" {...categoryAxis} width={110} />
          </>
        )}
        <ChartTooltip
          content={
            <ChartTooltipContent
              labelFormatter={(label) => String(label)}
              formatter={(amount, name) => (
                <span className="flex w-full justify-between gap-3">
                  <span className="text-muted-foreground">{config[String(name)]?.label}</span>
                  <span className="font-mono tabular-nums">{full(Number(amount))}</span>
                </span>
              )}
            />
          }
        />
        {series.length > 1 ? (
          <ChartLegend content={<ChartLegendContent className="flex-wrap gap-x-4 gap-y-1" />} />
        ) : null}
        {series.map((item) => (
          <Bar
            key={item.key}
            dataKey={item.key}
            stackId={stacked ? "stack" : undefined}
            fill={`var(--color-${item.key})`}
            radius={stacked ? 0 : 4}
          />
        ))}
      </BarChart>
    </ChartContainer>
  );
}
