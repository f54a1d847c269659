import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { type AnalyticsRange, compare, RANGE_PRESETS } from "@/lib/analytics/range";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import type { DashboardStrings } from "@/lib/dashboard-i18n/server";
import type { RecoveryKpis } from "@/lib/recovery/kpis";
import { reasonWords } from "@/lib/recovery/report-words";

type FigureKey =
  | "abandoned"
  | "abandonedValueMinor"
  | "sent"
  | "delivered"
  | "read"
  | "failed"
  | "skipped"
  | "recovered"
  | "recoveredRevenueMinor"
  | "recoveryRate";

/** The period picker (a GET form: the period is the URL) and the period's figures beside the previous one's. */
export function RecoveryKpiPanel({
  current,
  previous,
  range,
  strings: { t, format },
}: {
  current: RecoveryKpis;
  previous: RecoveryKpis;
  range: AnalyticsRange;
  strings: DashboardStrings;
}) {
  const w = t.recoveryReport.kpis;
  const money = (minor: number) => format.money(minor, current.currency);
  const percent = (value: number | null) =>
    value === null ? "—" : `${format.percent(value * 100)} %`;
  const show = (key: FigureKey, figures: RecoveryKpis) => {
    const value = figures[key];
    if (key === "recoveryRate") return percent(value as number | null);
    if (key.endsWith("Minor")) return money(value as number);
    return format.number(value as number);
  };
  const change = (key: FigureKey) => {
    if (key === "recoveryRate") {
      const now = current.recoveryRate ?? 0;
      const before = previous.recoveryRate ?? 0;
      if (now === before) return w.same;
      const points = `${format.percent(Math.abs(now - before) * 100)} pt`;
      return formatMessage(now > before ? w.up : w.down, { change: points });
    }
    const { delta, percent: ratio } = compare(current[key] as number, previous[key] as number);
    if (delta === 0) return w.same;
    const amount = key.endsWith("Minor") ? money(Math.abs(delta)) : format.number(Math.abs(delta));
    const text = ratio === null ? amount : `${amount} (${format.percent(Math.abs(ratio))} %)`;
    return formatMessage(delta > 0 ? w.up : w.down, { change: text });
  };
  const figures: [FigureKey, string][] = [
    ["abandoned", w.abandoned],
    ["abandonedValueMinor", w.abandonedValue],
    ["sent", w.sent],
    ["delivered", w.delivered],
    ["read", w.read],
    ["failed", w.failed],
    ["skipped", w.skipped],
    ["recovered", w.recovered],
    ["recoveredRevenueMinor", w.recoveredRevenue],
    ["recoveryRate", w.recoveryRate],
  ];
  return (
    <Card data-testid="recovery-kpis">
      <CardHeader>
        <CardTitle>{w.title}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label={w.period}>
          <div className="grid gap-1.5">
            <Label htmlFor="recovery-range">{w.period}</Label>
            <NativeSelect id="recovery-range" name="range" defaultValue={range.preset}>
              {RANGE_PRESETS.map((preset) => (
                <option key={preset} value={preset}>
                  {w.presets[preset]}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="recovery-from">{w.from}</Label>
            <Input id="recovery-from" name="from" type="date" defaultValue={range.current.from} />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="recovery-to">{w.to}</Label>
            <Input id="recovery-to" name="to" type="date" defaultValue={range.current.to} />
          </div>
          <Button type="submit" variant="outline">
            {w.apply}
          </Button>
        </form>
        {range.invalid ? (
          <p role="alert" className="text-sm text-destructive">
            {w.invalidRange}
          </p>
        ) : null}
        <p className="text-xs text-muted-foreground">
          {formatMessage(w.comparedWith, {
            from: range.previous.from,
            to: range.previous.to,
          })}
        </p>
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-5">
          {figures.map(([key, label]) => (
            <div
              key={key}
              className="grid min-w-0 gap-1 rounded-lg border p-3"
              data-testid={`recovery-kpi-${key}`}
            >
              <dt className="text-xs text-muted-foreground">{label}</dt>
              <dd className="truncate text-xl font-semibold tabular-nums">{show(key, current)}</dd>
              <dd className="text-xs text-muted-foreground">
                {change(key)} · {formatMessage(w.previous, { value: show(key, previous) })}
              </dd>
            </div>
          ))}
        </dl>
        <div className="grid gap-2">
          <h3 className="text-sm font-semibold">{w.skippedByReason}</h3>
          {current.skippedByReason.length === 0 ? (
            <p className="text-sm text-muted-foreground">{w.noSkips}</p>
          ) : (
            <ul className="grid gap-1 text-sm" data-testid="recovery-skips">
              {current.skippedByReason.map(({ reason, count }) => (
                <li key={reason} className="flex justify-between gap-4">
                  <span className="first-letter:uppercase">
                    {reasonWords(t.recoveryReport, reason)}
                  </span>
                  <span className="tabular-nums">{format.number(count)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <p className="text-xs text-muted-foreground">{w.howWeCount}</p>
      </CardContent>
    </Card>
  );
}
