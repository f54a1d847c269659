"use client";

import Form from "next/form";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { DayRange, RangePreset } from "@/lib/analytics/range";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { cn } from "@/lib/utils";

const PRESET_LINKS = ["7d", "30d", "90d", "mtd"] as const;

/**
 * The report's date range, kept in the URL: a preset is a link, a custom range is a GET form,
 * so the view can be shared and reloaded. The server parses what the URL asks for.
 */
export function RangePicker({
  preset,
  current,
  today,
  t,
}: {
  preset: RangePreset;
  current: DayRange;
  /** The store's today: a custom range cannot end later. */
  today: string;
  t: DashboardMessages["analytics"]["range"];
}) {
  const pathname = usePathname();
  return (
    <div className="flex flex-wrap items-end gap-x-4 gap-y-2" data-testid="range-picker">
      <nav aria-label={t.label} className="flex flex-wrap gap-1">
        {PRESET_LINKS.map((option) => (
          <Link
            key={option}
            href={`${pathname}?range=${option}`}
            aria-current={preset === option ? "true" : undefined}
            className={cn(
              "inline-flex h-8 items-center rounded-md border px-3 text-sm font-medium hover:bg-accent",
              preset === option &&
                "border-primary bg-primary text-primary-foreground hover:bg-primary/90",
            )}
          >
            {t.presets[option]}
          </Link>
        ))}
      </nav>
      <Form
        key={`${current.from}/${current.to}`}
        action={pathname}
        className="flex flex-wrap items-end gap-2"
        aria-label={t.presets.custom}
      >
        <input type="hidden" name="range" value="custom" />
        {(["from", "to"] as const).map((field) => (
          <label key={field} className="grid gap-1 text-xs text-muted-foreground">
            {t[field]}
            <Input
              type="date"
              name={field}
              required
              max={today}
              defaultValue={current[field]}
              className={cn("h-8 w-38", preset === "custom" && "border-primary")}
            />
          </label>
        ))}
        <Button type="submit" size="sm" variant={preset === "custom" ? "default" : "outline"}>
          {t.apply}
        </Button>
      </Form>
    </div>
  );
}
