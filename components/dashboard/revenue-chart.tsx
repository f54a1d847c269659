"use client";

import { Area, AreaChart, CartesianGrid, XAxis, YAxis } from "recharts";
import {
  type ChartConfig,
  ChartContainer,
  ChartTooltip,
  ChartTooltipContent,
} from "@/components/ui/chart";
import { shortDay } from "@/lib/analytics/display";
import type { DashboardLanguage } from "@/lib/dashboard-i18n/languages";
import { formatMoney, formatMoneyCompact } from "@/lib/money/format";

type Point = { day: string; revenueMinor: number; paidOrders: number };

export function RevenueChart({
  data,
  currency,
  language,
  label,
}: {
  data: Point[];
  currency: string;
  language: DashboardLanguage;
  label: string;
}) {
  const chartConfig = {
    revenueMinor: { label, color: "var(--chart-1)" },
  } satisfies ChartConfig;
  return (
    <ChartContainer config={chartConfig} className="aspect-auto h-64 w-full">
      <AreaChart data={data} margin={{ left: 8, right: 8, top: 8 }}>
        <CartesianGrid vertical={false} />
        <XAxis
          dataKey="day"
          tickLine={false}
          axisLine={false}
          tickMargin={8}
          minTickGap={24}
          tickFormatter={shortDay}
        />
        <YAxis
          tickLine={false}
          axisLine={false}
          width={64}
          tickFormatter={(value: number) => formatMoneyCompact(value, currency, language)}
        />
        <ChartTooltip
          content={
            <ChartTooltipContent
              labelFormatter={(label) => String(label)}
              formatter={(value) => formatMoney(Number(value), currency, language)}
            />
          }
        />
        <Area
          dataKey="revenueMinor"
          type="monotone"
          fill="var(--color-revenueMinor)"
          fillOpacity={0.2}
          stroke="var(--color-revenueMinor)"
          strokeWidth={2}
        />
      </AreaChart>
    </ChartContainer>
  );
}
