import { ArrowDownRight, ArrowUpRight, Minus } from "lucide-react";
import { describeDelta } from "@/lib/analytics/display";
import { dashboardFormatters } from "@/lib/dashboard-i18n/format";
import type { DashboardLanguage } from "@/lib/dashboard-i18n/languages";
import { formatMessage, type DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { cn } from "@/lib/utils";

/** What a figure is: a count, an amount of money, or a percentage (its change is in points). */
export type DeltaKind =
  { kind: "number" } | { kind: "money"; currency: string } | { kind: "percent" };

/** A figure in the reader's language, as its kind says. */
export function formatFigure(value: number, kind: DeltaKind, language: DashboardLanguage): string {
  const format = dashboardFormatters(language);
  if (kind.kind === "money") return format.money(value, kind.currency);
  if (kind.kind === "percent") return `${format.percent(value)}%`;
  return format.number(value);
}

/**
 * A figure's change on the previous period: an arrow, a sign, the difference and the
 * percentage, so it reads without colour. `higherIsBetter` false (failures, waiting chats)
 * colours a rise as bad.
 */
export function Delta({
  current,
  previous,
  value,
  language,
  t,
  higherIsBetter = true,
}: {
  current: number;
  previous: number;
  value: DeltaKind;
  language: DashboardLanguage;
  t: DashboardMessages["analytics"]["delta"];
  higherIsBetter?: boolean;
}) {
  const format = dashboardFormatters(language);
  const change = describeDelta(current, previous);
  if (change.direction === "same") {
    return (
      <span
        data-testid="delta"
        data-direction="same"
        className="inline-flex items-center gap-1 text-xs text-muted-foreground"
      >
        <Minus className="size-3" aria-hidden />
        {t.unchanged}
      </span>
    );
  }
  const magnitude = Math.abs(change.delta);
  const up = change.direction === "up";
  let amount: string;
  let percent: string | null = null;
  let words: string;
  if (value.kind === "percent") {
    // A rate's change is told in percentage points, not as a percentage of a percentage.
    amount = formatMessage(t.points, { n: format.percent(magnitude) });
    words = formatMessage(up ? t.upPoints : t.downPoints, { amount });
  } else {
    amount = formatFigure(magnitude, value, language);
    percent = change.percent === null ? null : format.percent(Math.abs(change.percent));
    words =
      percent === null
        ? formatMessage(t.upFromNothing, { amount })
        : formatMessage(up ? t.up : t.down, { amount, percent });
  }
  const good = up === higherIsBetter;
  const Arrow = up ? ArrowUpRight : ArrowDownRight;
  return (
    <span
      data-testid="delta"
      data-direction={change.direction}
      title={words}
      className={cn(
        "inline-flex items-center gap-1 text-xs tabular-nums",
        good ? "text-emerald-700 dark:text-emerald-400" : "text-destructive",
      )}
    >
      <Arrow className="size-3" aria-hidden />
      <span aria-hidden>
        {change.sign}
        {amount}
        {percent === null ? null : ` (${change.sign}${percent}%)`}
      </span>
      <span className="sr-only">{words}</span>
    </span>
  );
}
