import { notFound } from "next/navigation";
import { KpiPanel } from "@/components/loyalty/kpi-panel";
import { MembersTable } from "@/components/loyalty/members-table";
import { ProgrammeForm } from "@/components/loyalty/programme-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/current-member";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { exampleOrderMinor } from "@/lib/loyalty/example";
import { parseKpiRange } from "@/lib/loyalty/kpi-range";
import { loyaltyKpis } from "@/lib/loyalty/kpis";
import { listMembers, membersQuerySchema } from "@/lib/loyalty/members";
import { loadProgramme } from "@/lib/loyalty/program";
import { rulesFormValues } from "@/lib/loyalty/rules-form";

export async function generateMetadata() {
  return { title: (await getDashboardStrings()).t.loyalty.title };
}

export default async function LoyaltyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, store, role } = await requireMember();
  const params = await searchParams;
  const now = new Date();
  const strings = await getDashboardStrings();
  const programme = await loadProgramme(db, store.id);
  if (!programme) notFound();
  const { period, range, invalid } = parseKpiRange(params, programme.timezone, now);
  const query = membersQuerySchema.parse({
    q: params.q,
    sort: params.sort,
    dir: params.dir,
    page: params.page,
  });
  const [kpis, members] = await Promise.all([
    loyaltyKpis(db, store.id, range, now),
    listMembers(db, store.id, query, now),
  ]);
  if (!kpis) notFound();
  const t = strings.t.loyalty;
  const readOnly = role !== "owner";
  return (
    <div className="grid max-w-6xl min-w-0 gap-6">
      <div className="grid gap-1">
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
          {t.title}
          <Badge variant={programme.enabled ? "default" : "outline"} data-testid="programme-status">
            {programme.enabled ? t.programme.on : t.programme.off}
          </Badge>
        </h1>
        <p className="text-sm text-muted-foreground">
          {formatMessage(t.intro, { timezone: programme.timezone })}
        </p>
        {readOnly ? <p className="text-sm text-muted-foreground">{t.readOnly}</p> : null}
      </div>
      <KpiPanel
        kpis={kpis}
        period={period}
        range={range}
        invalid={invalid}
        tiers={programme.rules.tiers}
        strings={strings}
      />
      <Card>
        <CardHeader>
          <CardTitle>{t.members.title}</CardTitle>
        </CardHeader>
        <CardContent>
          <MembersTable
            list={members}
            query={query}
            tiers={programme.rules.tiers}
            currency={programme.currency}
            timezone={programme.timezone}
            strings={strings}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t.programme.title}</CardTitle>
        </CardHeader>
        <CardContent>
          <ProgrammeForm
            initial={rulesFormValues(programme, programme.currency)}
            currency={programme.currency}
            language={strings.language}
            exampleMinor={exampleOrderMinor(programme.currency)}
            readOnly={readOnly}
            words={t}
          />
        </CardContent>
      </Card>
    </div>
  );
}
