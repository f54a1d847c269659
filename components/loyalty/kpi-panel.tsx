import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import type { DashboardStrings } from "@/lib/dashboard-i18n/server";
import type { KpiPeriod, KpiRange } from "@/lib/loyalty/kpi-range";
import { type GroupFigures, type LoyaltyKpis, repeatRate } from "@/lib/loyalty/kpis";
import type { Tier } from "@/lib/loyalty/rules";

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="grid min-w-0 gap-1 rounded-lg border p-3">
      <span className="text-xs text-muted-foreground">{label}</span>
      <span className="truncate text-xl font-semibold tabular-nums">{value}</span>
      {hint ? <span className="text-xs text-muted-foreground">{hint}</span> : null}
    </div>
  );
}

/** The period picker (a GET form: the period is the URL) and the figures for it. */
export function KpiPanel({
  kpis,
  period,
  range,
  invalid,
  tiers,
  strings: { t, format },
}: {
  kpis: LoyaltyKpis;
  period: KpiPeriod;
  range: KpiRange;
  invalid: boolean;
  tiers: Tier[];
  strings: DashboardStrings;
}) {
  const w = t.loyalty.kpis;
  const n = format.number;
  const money = (minor: number) => format.money(minor, kpis.currency);
  const groups: [string, GroupFigures][] = [
    [w.memberGroup, kpis.memberOrders],
    [w.otherGroup, kpis.nonMemberOrders],
  ];
  return (
    <Card data-testid="loyalty-kpis">
      <CardHeader>
        <CardTitle>{w.title}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label={w.period}>
          <div className="grid gap-1.5">
            <Label htmlFor="kpi-period">{w.period}</Label>
            <NativeSelect id="kpi-period" name="period" defaultValue={period}>
              <option value="7">{w.last7}</option>
              <option value="30">{w.last30}</option>
              <option value="90">{w.last90}</option>
              <option value="custom">{w.custom}</option>
            </NativeSelect>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="kpi-from">{w.from}</Label>
            <Input id="kpi-from" name="from" type="date" defaultValue={range.from} />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="kpi-to">{w.to}</Label>
            <Input id="kpi-to" name="to" type="date" defaultValue={range.to} />
          </div>
          <Button type="submit" variant="outline">
            {w.apply}
          </Button>
        </form>
        {invalid ? (
          <p role="alert" className="text-sm text-destructive">
            {w.invalidRange}
          </p>
        ) : null}
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <Figure label={w.issued} value={n(kpis.issued)} />
          <Figure label={w.redeemed} value={n(kpis.redeemed)} />
          <Figure label={w.expired} value={n(kpis.expired)} />
          <Figure label={w.reversed} value={n(kpis.reversed)} />
          <Figure
            label={w.outstanding}
            value={n(kpis.outstanding)}
            hint={formatMessage(w.outstandingHint, { pending: n(kpis.pending) })}
          />
          <Figure label={w.liability} value={money(kpis.liabilityMinor)} />
          <Figure
            label={w.members}
            value={n(kpis.members)}
            hint={
              kpis.negativeAccounts > 0
                ? formatMessage(w.negative, { count: n(kpis.negativeAccounts) })
                : undefined
            }
          />
          <div className="grid min-w-0 gap-1 rounded-lg border p-3 text-sm">
            <span className="text-xs text-muted-foreground">{w.byTier}</span>
            {tiers.map((tier) => (
              <span key={tier.key} className="flex justify-between gap-2">
                <span className="truncate">{tier.name}</span>
                <span className="tabular-nums">{n(kpis.membersByTier[tier.key] ?? 0)}</span>
              </span>
            ))}
          </div>
        </div>
        <div className="grid gap-2">
          <h3 className="text-sm font-semibold">{w.membersVsOthers}</h3>
          <div className="grid gap-3 sm:grid-cols-2">
            {groups.map(([label, group]) => (
              <dl
                key={label}
                className="grid grid-cols-2 gap-x-3 gap-y-1 rounded-lg border p-3 text-sm"
              >
                <dt className="col-span-2 font-medium">{label}</dt>
                <dt className="text-muted-foreground">{w.revenue}</dt>
                <dd className="text-right tabular-nums">{money(group.revenueMinor)}</dd>
                <dt className="text-muted-foreground">{w.orders}</dt>
                <dd className="text-right tabular-nums">{n(group.orders)}</dd>
                <dt className="text-muted-foreground">{w.buyers}</dt>
                <dd className="text-right tabular-nums">{n(group.customers)}</dd>
                <dt className="text-muted-foreground">{w.repeatRate}</dt>
                <dd className="text-right tabular-nums">{format.percent(repeatRate(group))} %</dd>
              </dl>
            ))}
          </div>
        </div>
      </CardContent>
    </Card>
  );
}
