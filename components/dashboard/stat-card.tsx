import { ArrowDownRight, ArrowUpRight } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { DashboardFormatters } from "@/lib/dashboard-i18n/format";
import { formatMessage, type DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { cn } from "@/lib/utils";

function percentChange(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return ((current - previous) / previous) * 100;
}

export function StatCard({
  title,
  value,
  current,
  previous,
  testId,
  t,
  format,
}: {
  title: string;
  value: string;
  current: number;
  previous: number;
  testId: string;
  t: DashboardMessages["overview"]["stats"];
  format: DashboardFormatters;
}) {
  const change = percentChange(current, previous);
  return (
    <Card data-testid={testId}>
      <CardHeader className="pb-2">
        <CardDescription>{title}</CardDescription>
        <CardTitle className="text-2xl tabular-nums" data-testid={`${testId}-value`}>
          {value}
        </CardTitle>
      </CardHeader>
      <CardContent className="text-xs text-muted-foreground">
        {change === null ? (
          t.noPrevious
        ) : (
          <span
            className={cn(
              "inline-flex items-center gap-1",
              change >= 0 ? "text-primary" : "text-destructive",
            )}
          >
            {change >= 0 ? (
              <ArrowUpRight className="size-3" aria-hidden />
            ) : (
              <ArrowDownRight className="size-3" aria-hidden />
            )}
            {formatMessage(t.change, { change: format.percent(Math.abs(change)) })}
          </span>
        )}
      </CardContent>
    </Card>
  );
}
