import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { DashboardStrings } from "@/lib/dashboard-i18n/server";
import type { LoyaltySummary } from "@/lib/loyalty/inbox-summary";
import { memberHref } from "./members-table";

/** The customer's tier and points beside the conversation; nothing for non-members. */
export function InboxLoyaltyPanel({
  summary,
  strings: { t, format },
}: {
  summary: LoyaltySummary | null;
  strings: DashboardStrings;
}) {
  if (!summary) return null;
  const w = t.loyalty.inbox;
  return (
    <Card data-testid="inbox-loyalty">
      <CardHeader>
        <CardTitle>{w.title}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-2 text-sm">
        <dl className="grid grid-cols-2 gap-x-3 gap-y-1">
          <dt className="text-muted-foreground">{w.tier}</dt>
          <dd className="text-right">{summary.tierName}</dd>
          <dt className="text-muted-foreground">{w.available}</dt>
          <dd className="text-right tabular-nums">{format.number(summary.available)}</dd>
          <dt className="text-muted-foreground">{w.pending}</dt>
          <dd className="text-right tabular-nums">{format.number(summary.pending)}</dd>
        </dl>
        <Link href={memberHref(summary.customerId)} className="underline-offset-4 hover:underline">
          {w.open}
        </Link>
      </CardContent>
    </Card>
  );
}
