import { type DashboardMessages, formatMessage } from "@/lib/dashboard-i18n/messages";
import type { DashboardFormatters } from "@/lib/dashboard-i18n/format";
import type { TimelineEntry } from "@/lib/orders/timeline";

export function OrderTimeline({
  entries,
  currency,
  timezone,
  format,
  t,
}: {
  entries: TimelineEntry[];
  currency: string;
  timezone: string;
  format: DashboardFormatters;
  t: DashboardMessages["orders"]["timeline"];
}) {
  return (
    <ol className="grid gap-3 border-l pl-4 text-sm" data-testid="order-timeline">
      {entries.map((entry, index) => (
        <li key={`${entry.kind}-${index}`} className="relative grid gap-0.5">
          <span
            aria-hidden
            className="absolute top-1.5 -left-[1.3rem] size-2.5 rounded-full border-2 border-background bg-primary"
          />
          <span className="font-medium">
            {formatMessage(t[entry.kind], {
              amount:
                entry.amountMinor === undefined ? "" : format.money(entry.amountMinor, currency),
            })}
          </span>
          <time dateTime={entry.at.toISOString()} className="text-xs text-muted-foreground">
            {format.dateTime(entry.at, timezone)}
          </time>
        </li>
      ))}
    </ol>
  );
}
