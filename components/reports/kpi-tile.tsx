import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { DashboardLanguage } from "@/lib/dashboard-i18n/languages";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { Delta, type DeltaKind, formatFigure } from "./delta";

export type Kpi = {
  id: string;
  label: string;
  /** null: not defined (a rate with nothing to divide by). */
  current: number | null;
  /** Omitted for figures that are a state now (points outstanding), not a period's count. */
  previous?: number | null;
  value: DeltaKind;
  higherIsBetter?: boolean;
  help?: string;
};

/** One figure of a report with its change on the previous period. */
export function KpiTile({
  kpi,
  language,
  t,
}: {
  kpi: Kpi;
  language: DashboardLanguage;
  t: DashboardMessages["analytics"]["delta"];
}) {
  const shown = kpi.current === null ? "—" : formatFigure(kpi.current, kpi.value, language);
  return (
    <Card data-testid={`kpi-${kpi.id}`} className="gap-2 py-4">
      <CardHeader className="px-4">
        <CardDescription>{kpi.label}</CardDescription>
        <CardTitle className="text-xl tabular-nums" data-testid={`kpi-${kpi.id}-value`}>
          {shown}
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-1 px-4">
        {kpi.previous === undefined || kpi.previous === null || kpi.current === null ? null : (
          <Delta
            current={kpi.current}
            previous={kpi.previous}
            value={kpi.value}
            language={language}
            t={t}
            higherIsBetter={kpi.higherIsBetter}
          />
        )}
        {kpi.help ? <p className="text-xs text-muted-foreground">{kpi.help}</p> : null}
      </CardContent>
    </Card>
  );
}

/** A row of figures that wraps on narrow screens. */
export function KpiGrid({
  kpis,
  language,
  t,
}: {
  kpis: Kpi[];
  language: DashboardLanguage;
  t: DashboardMessages["analytics"]["delta"];
}) {
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {kpis.map((kpi) => (
        <KpiTile key={kpi.id} kpi={kpi} language={language} t={t} />
      ))}
    </div>
  );
}
