import Link from "next/link";
import { notFound } from "next/navigation";
import { Settings } from "lucide-react";
import { RecoveryKpiPanel } from "@/components/recovery/kpi-panel";
import { RecoveryListView } from "@/components/recovery/recovery-list";
import { RecoveryStepTable } from "@/components/recovery/step-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { parseAnalyticsRange } from "@/lib/analytics/range";
import { requireMember } from "@/lib/auth/current-member";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { recoveryKpis } from "@/lib/recovery/kpis";
import { listRecoveries, recoveryListQuerySchema } from "@/lib/recovery/list";
import { loadRecoveryProgram } from "@/lib/recovery/program";

export async function generateMetadata() {
  return { title: (await getDashboardStrings()).t.recoveryReport.title };
}

export default async function RecoveryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, store, role } = await requireMember();
  const params = await searchParams;
  const strings = await getDashboardStrings();
  const program = await loadRecoveryProgram(db, store.id);
  if (!program) notFound();
  const scope = { id: store.id, timezone: program.timezone, currency: program.currency };
  const range = parseAnalyticsRange(params, scope.timezone, new Date());
  const query = recoveryListQuerySchema.parse(params);
  const [current, previous, list] = await Promise.all([
    recoveryKpis(db, scope, range.current),
    recoveryKpis(db, scope, range.previous),
    listRecoveries(db, store.id, query, range.current),
  ]);
  const t = strings.t.recoveryReport;
  return (
    <div className="grid max-w-6xl min-w-0 gap-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1">
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
            {t.title}
            <Badge variant={program.enabled ? "default" : "outline"} data-testid="recovery-status">
              {program.enabled ? t.on : t.off}
            </Badge>
          </h1>
          <p className="text-sm text-muted-foreground">
            {formatMessage(t.intro, { timezone: program.timezone })}
          </p>
          {role !== "owner" ? <p className="text-sm text-muted-foreground">{t.readOnly}</p> : null}
        </div>
        <Button asChild variant="outline">
          <Link href="/dashboard/recovery/settings">
            <Settings aria-hidden />
            {t.settingsLink}
          </Link>
        </Button>
      </div>
      <RecoveryKpiPanel current={current} previous={previous} range={range} strings={strings} />
      <RecoveryStepTable kpis={current} strings={strings} />
      <Card>
        <CardHeader>
          <CardTitle>{t.list.title}</CardTitle>
        </CardHeader>
        <CardContent>
          <RecoveryListView
            list={list}
            query={query}
            range={range}
            timezone={program.timezone}
            enabled={program.enabled}
            canStop={role === "owner"}
            strings={strings}
          />
        </CardContent>
      </Card>
    </div>
  );
}
