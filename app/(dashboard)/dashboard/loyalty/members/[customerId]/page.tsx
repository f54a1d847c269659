import { randomUUID } from "node:crypto";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AdjustForm } from "@/components/loyalty/adjust-form";
import { MemberLedger } from "@/components/loyalty/member-ledger";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/current-member";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { tierByKey } from "@/lib/loyalty/calculate";
import { loadMemberDetail, MEMBER_LEDGER_LIMIT } from "@/lib/loyalty/member-detail";
import { loadProgramme } from "@/lib/loyalty/program";

export async function generateMetadata() {
  return { title: (await getDashboardStrings()).t.loyalty.title };
}

export default async function LoyaltyMemberPage({
  params,
}: {
  params: Promise<{ customerId: string }>;
}) {
  const { db, store, role } = await requireMember();
  const { customerId } = await params;
  const now = new Date();
  const [detail, programme, strings] = await Promise.all([
    loadMemberDetail(db, store.id, customerId, now),
    loadProgramme(db, store.id),
    getDashboardStrings(),
  ]);
  if (!detail || !programme) notFound();
  const { t, format } = strings;
  const w = t.loyalty.member;
  const { balances, account } = detail;
  const birthday = account.birthday
    ? new Intl.DateTimeFormat(strings.language, {
        month: "long",
        day: "numeric",
        timeZone: "UTC",
      }).format(new Date(Date.UTC(2000, account.birthday.month - 1, account.birthday.day)))
    : null;
  const facts: [string, string, string?][] = [
    [w.available, format.number(balances.available), "member-available"],
    [w.pending, format.number(balances.pending), "member-pending"],
    [w.tier, tierByKey(account.tier, programme.rules.tiers).name],
    [w.spend, format.money(detail.spendMinor, programme.currency)],
    [w.joined, account.joinedAt ? format.date(account.joinedAt, programme.timezone) : w.notJoined],
  ];
  if (birthday) facts.push([w.birthday, birthday]);
  return (
    <div className="grid max-w-5xl min-w-0 gap-6">
      <div className="grid gap-1">
        <Link href="/dashboard/loyalty" className="text-sm text-muted-foreground hover:underline">
          {w.back}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight break-words">
          {detail.customer.name?.trim() || detail.customer.phone || t.loyalty.members.noName}
        </h1>
        {detail.customer.phone ? (
          <p className="text-sm text-muted-foreground">{detail.customer.phone}</p>
        ) : null}
      </div>
      {balances.balance < 0 ? (
        <p role="alert" className="text-sm text-destructive">
          {w.negativeWarning}
        </p>
      ) : null}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {facts.map(([label, value, testId]) => (
          <div key={label} className="grid min-w-0 gap-1 rounded-lg border p-3">
            <dt className="text-xs text-muted-foreground">{label}</dt>
            <dd className="truncate font-semibold tabular-nums" data-testid={testId}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {role === "owner" ? (
        <Card>
          <CardHeader>
            <CardTitle>{t.loyalty.adjust.title}</CardTitle>
            <CardDescription>{t.loyalty.adjust.hint}</CardDescription>
          </CardHeader>
          <CardContent>
            <AdjustForm
              customerId={detail.customer.id}
              initialRequestKey={randomUUID()}
              words={t.loyalty.adjust}
            />
          </CardContent>
        </Card>
      ) : (
        <p className="text-sm text-muted-foreground">{t.loyalty.readOnly}</p>
      )}
      <Card>
        <CardHeader>
          <CardTitle>{w.ledger}</CardTitle>
          {detail.ledger.length >= MEMBER_LEDGER_LIMIT ? (
            <CardDescription>
              {formatMessage(w.ledgerLimit, { count: MEMBER_LEDGER_LIMIT })}
            </CardDescription>
          ) : null}
        </CardHeader>
        <CardContent>
          <MemberLedger rows={detail.ledger} timezone={programme.timezone} strings={strings} />
        </CardContent>
      </Card>
    </div>
  );
}
