import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { entryPointLabel } from "@/lib/analytics/display";
import type { SectionSummaries } from "@/lib/analytics/section-summaries";
import type { DashboardStrings } from "@/lib/dashboard-i18n/server";
import { Delta, type DeltaKind, formatFigure } from "./delta";
import { reportHref, type ReportSection } from "./sections";

type Card = {
  section: ReportSection;
  label: string;
  current: number;
  previous?: number;
  value: DeltaKind;
  higherIsBetter?: boolean;
  /** A second figure or the leader, in words. */
  detail: string;
};

/** The Overview's summary of each report, linking to its page with the same range. */
export function SectionCards({
  summaries,
  currency,
  query,
  strings,
}: {
  summaries: SectionSummaries;
  currency: string;
  query: string;
  strings: Pick<DashboardStrings, "t" | "format" | "language">;
}) {
  const { t, format, language } = strings;
  const words = t.analytics;
  const money = { kind: "money", currency } as const;
  const count = { kind: "number" } as const;
  const [conversions, previousConversions] = summaries.conversions;
  const [traveller, previousTraveller] = summaries.traveller;
  const { loyalty } = summaries;
  const [recovery, previousRecovery] = summaries.recovery;
  const [messages, previousMessages] = summaries.messages;
  const topEntry = [...conversions.rows].sort((a, b) => b.revenueMinor - a.revenueMinor)[0];
  const topProduct = summaries.products[0];
  const leader = (name: string | null | undefined, minor: number | undefined) =>
    name && minor ? `${words.overview.leader} ${name} (${format.money(minor, currency)})` : "";
  const cards: Card[] = [
    {
      section: "conversions",
      label: words.steps.paidOrders,
      current: conversions.totals.paidOrders,
      previous: previousConversions.totals.paidOrders,
      value: count,
      detail: leader(
        topEntry && entryPointLabel(topEntry, { sources: t.sources, ...words.conversions }),
        topEntry?.revenueMinor,
      ),
    },
    {
      section: "products",
      label: words.products.chats,
      current: summaries.products.reduce((sum, row) => sum + row.chats, 0),
      value: count,
      detail: leader(topProduct?.name ?? words.products.deleted, topProduct?.revenueMinor),
    },
    {
      section: "traveller",
      label: words.traveller.later,
      current: traveller.laterRevenueMinor,
      previous: previousTraveller.laterRevenueMinor,
      value: money,
      detail: `${words.traveller.customers}: ${format.number(traveller.customers)}`,
    },
    {
      section: "loyalty",
      label: words.loyalty.liability,
      current: loyalty.liabilityMinor,
      value: money,
      detail: `${words.loyalty.newMembers}: ${format.number(loyalty.newMembers)}`,
    },
    {
      section: "recovery",
      label: words.recovery.recoveredRevenue,
      current: recovery.recoveredRevenueMinor,
      previous: previousRecovery.recoveredRevenueMinor,
      value: money,
      detail: `${words.recovery.recoveredCarts}: ${format.number(recovery.recovered)}`,
    },
    {
      section: "messages",
      label: words.messages.failed,
      current: messages.failed + messages.blocked,
      previous: previousMessages.failed + previousMessages.blocked,
      value: count,
      higherIsBetter: false,
      detail: `${words.messages.waitingNow}: ${format.number(messages.waitingForReplyNow)}`,
    },
  ];
  return (
    <section className="grid min-w-0 gap-3" aria-labelledby="section-cards-title">
      <h2 id="section-cards-title" className="text-lg font-semibold">
        {words.overview.sectionsTitle}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {cards.map((card) => (
          <Card key={card.section} data-testid={`summary-${card.section}`} className="gap-3">
            <CardHeader>
              <CardTitle>
                <Link href={reportHref(card.section, query)} className="hover:underline">
                  {words.sections[card.section].title}
                </Link>
              </CardTitle>
              <CardDescription>{card.label}</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-1">
              <p className="text-xl font-semibold tabular-nums">
                {formatFigure(card.current, card.value, language)}
              </p>
              {card.previous === undefined ? null : (
                <Delta
                  current={card.current}
                  previous={card.previous}
                  value={card.value}
                  language={language}
                  t={words.delta}
                  higherIsBetter={card.higherIsBetter}
                />
              )}
              {card.detail ? <p className="text-xs text-muted-foreground">{card.detail}</p> : null}
            </CardContent>
          </Card>
        ))}
      </div>
    </section>
  );
}
