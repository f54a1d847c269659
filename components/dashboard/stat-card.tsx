import { Delta, type DeltaKind } from "@/components/reports/delta";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { DashboardLanguage } from "@/lib/dashboard-i18n/languages";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";

/** An overview figure with its change on the previous period of the same length. */
export function StatCard({
  title,
  value,
  current,
  previous,
  kind,
  testId,
  language,
  t,
}: {
  title: string;
  value: string;
  current: number;
  previous: number;
  kind: DeltaKind;
  testId: string;
  language: DashboardLanguage;
  t: DashboardMessages["analytics"]["delta"];
}) {
  return (
    <Card data-testid={testId}>
      <CardHeader className="pb-2">
        <CardDescription>{title}</CardDescription>
        <CardTitle className="text-2xl tabular-nums" data-testid={`${testId}-value`}>
          {value}
        </CardTitle>
      </CardHeader>
      <CardContent>
        <Delta current={current} previous={previous} value={kind} language={language} t={t} />
      </CardContent>
    </Card>
  );
}
