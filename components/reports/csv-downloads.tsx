import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { formatMessage } from "@/lib/dashboard-i18n/messages";

/** The export routes (app/(dashboard)/dashboard/analytics/export/*), for the page's range. */
export const EXPORT_PATHS = {
  orders: "/dashboard/analytics/export/orders",
  conversions: "/dashboard/analytics/export/conversions",
} as const;

/** Links to download the range's orders and conversions by day as CSV. */
export function CsvDownloads({
  query,
  timezone,
  t,
}: {
  /** The range's search params (rangeSearchParams). */
  query: string;
  timezone: string;
  t: DashboardMessages["analytics"]["export"];
}) {
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="csv-downloads">
      <span className="text-sm font-medium">{t.title}</span>
      {(["orders", "conversions"] as const).map((kind) => (
        <Button key={kind} asChild size="sm" variant="outline">
          <a href={`${EXPORT_PATHS[kind]}?${query}`} download data-testid={`csv-${kind}`}>
            <Download aria-hidden />
            {t[kind]}
          </a>
        </Button>
      ))}
      <span className="text-xs text-muted-foreground">{formatMessage(t.help, { timezone })}</span>
    </div>
  );
}
