import { ChartNoAxesColumn } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/** The revenue chart before the first paid order: what will appear here, and how to get there. */
export function RevenueEmpty({ days }: { days: number }) {
  return (
    <div
      data-testid="revenue-empty"
      className="flex flex-col items-center gap-3 rounded-lg border border-dashed px-6 py-10 text-center"
    >
      <span className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground">
        <ChartNoAxesColumn className="size-6" aria-hidden />
      </span>
      <div className="grid gap-1">
        <p className="font-medium">No sales in the last {days} days</p>
        <p className="max-w-sm text-sm text-muted-foreground">
          Each day&apos;s revenue appears here once orders are paid. Put a chat button on your
          product pages or a QR code on your counter to start conversations.
        </p>
      </div>
      <div className="flex flex-wrap justify-center gap-2">
        <Button asChild size="sm">
          <Link href="/dashboard/widget">Add the widget</Link>
        </Button>
        <Button asChild size="sm" variant="outline">
          <Link href="/dashboard/qr">Make a QR code</Link>
        </Button>
      </div>
    </div>
  );
}
