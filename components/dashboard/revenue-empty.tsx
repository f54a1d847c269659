import { ChartNoAxesColumn } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { formatMessage, type DashboardMessages } from "@/lib/dashboard-i18n/messages";

/** The revenue chart before the first paid order: what will appear here, and how to get there. */
export function RevenueEmpty({
  days,
  t,
}: {
  days: number;
  t: DashboardMessages["overview"]["chart"];
}) {
  return (
    <div
      data-testid="revenue-empty"
      className="flex flex-col items-center gap-3 rounded-lg border border-dashed px-6 py-10 text-center"
    >
      <span className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground">
        <ChartNoAxesColumn className="size-6" aria-hidden />
      </span>
      <div className="grid gap-1">
        <p className="font-medium">{formatMessage(t.emptyTitle, { days })}</p>
        <p className="max-w-sm text-sm text-muted-foreground">{t.emptyText}</p>
      </div>
      <div className="flex flex-wrap justify-center gap-2">
        <Button asChild size="sm">
          <Link href="/dashboard/widget">{t.addWidget}</Link>
        </Button>
        <Button asChild size="sm" variant="outline">
          <Link href="/dashboard/qr">{t.makeQr}</Link>
        </Button>
      </div>
    </div>
  );
}
