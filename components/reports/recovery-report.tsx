import { asPercent } from "@/lib/analytics/display";
import type { DashboardStrings } from "@/lib/dashboard-i18n/server";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import { FigureTable } from "./figure-table";
import { KpiGrid } from "./kpi-tile";

/** The figures lib/recovery/kpis.ts computes for a period. */
export type RecoveryFiguresView = {
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  skipped: number;
  recovered: number;
  recoveredRevenueMinor: number;
};
export type RecoveryKpisView = RecoveryFiguresView & {
  abandoned: number;
  abandonedValueMinor: number;
  recoveryRate: number | null;
  steps: (RecoveryFiguresView & { step: number; recoveryRate: number | null })[];
};

type Strings = Pick<DashboardStrings, "t" | "format" | "language">;

/** Cart recovery for the range beside the previous one, per step, and skips by reason. */
export function RecoveryReport({
  current,
  previous,
  skippedByReason,
  currency,
  strings,
}: {
  current: RecoveryKpisView;
  previous: RecoveryKpisView;
  /** Skip reasons already in words, most frequent first. */
  skippedByReason: { reason: string; words: string; count: number }[];
  currency: string;
  strings: Strings;
}) {
  const { t, format, language } = strings;
  const words = t.analytics.recovery;
  const money = { kind: "money", currency } as const;
  const count = { kind: "number" } as const;
  const percent = (share: number | null) =>
    share === null ? "—" : `${format.percent(share * 100)}%`;
  return (
    <div className="grid min-w-0 gap-6">
      <KpiGrid
        language={language}
        t={t.analytics.delta}
        kpis={[
          {
            id: "abandoned",
            label: words.abandonedCarts,
            current: current.abandoned,
            previous: previous.abandoned,
            value: count,
            higherIsBetter: false,
          },
          {
            id: "abandoned-value",
            label: words.abandonedValue,
            current: current.abandonedValueMinor,
            previous: previous.abandonedValueMinor,
            value: money,
            higherIsBetter: false,
          },
          {
            id: "recovered",
            label: words.recoveredCarts,
            current: current.recovered,
            previous: previous.recovered,
            value: count,
          },
          {
            id: "recovered-revenue",
            label: words.recoveredRevenue,
            current: current.recoveredRevenueMinor,
            previous: previous.recoveredRevenueMinor,
            value: money,
          },
          {
            id: "sent",
            label: words.remindersSent,
            current: current.sent,
            previous: previous.sent,
            value: count,
          },
          {
            id: "delivered",
            label: words.remindersDelivered,
            current: current.delivered,
            previous: previous.delivered,
            value: count,
          },
          {
            id: "read",
            label: words.remindersRead,
            current: current.read,
            previous: previous.read,
            value: count,
          },
          {
            id: "rate",
            label: words.recoveryRate,
            current: asPercent(current.recoveryRate),
            previous: asPercent(previous.recoveryRate),
            value: { kind: "percent" },
          },
        ]}
      />
      <section className="grid min-w-0 gap-2">
        <h2 className="font-semibold">{words.stepsTitle}</h2>
        <FigureTable
          testId="recovery-steps"
          columns={[
            { header: t.analytics.conversions.step },
            { header: words.remindersSent, numeric: true },
            { header: words.remindersDelivered, numeric: true },
            { header: words.remindersRead, numeric: true },
            { header: words.failed, numeric: true },
            { header: words.skipped, numeric: true },
            { header: words.recoveredCarts, numeric: true },
            { header: words.recoveredRevenue, numeric: true },
            { header: words.recoveryRate, numeric: true },
          ]}
          rows={current.steps.map((step) => ({
            key: String(step.step),
            cells: [
              formatMessage(words.step, { step: step.step }),
              format.number(step.sent),
              format.number(step.delivered),
              format.number(step.read),
              format.number(step.failed),
              format.number(step.skipped),
              format.number(step.recovered),
              format.money(step.recoveredRevenueMinor, currency),
              percent(step.recoveryRate),
            ],
          }))}
        />
      </section>
      <section className="grid min-w-0 gap-2">
        <h2 className="font-semibold">{words.skippedTitle}</h2>
        {skippedByReason.length === 0 ? (
          <p className="text-sm text-muted-foreground">{words.noSkips}</p>
        ) : (
          <FigureTable
            testId="recovery-skips"
            columns={[{ header: words.reason }, { header: words.count, numeric: true }]}
            rows={skippedByReason.map((row) => ({
              key: row.reason,
              cells: [row.words, format.number(row.count)],
            }))}
          />
        )}
      </section>
    </div>
  );
}
