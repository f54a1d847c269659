"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { cn } from "@/lib/utils";
import { REPORT_SECTIONS, reportHref } from "./sections";

/** Links between the report pages that keep the chosen date range. */
export function ReportTabs({
  query,
  t,
}: {
  query: string;
  t: Pick<DashboardMessages["analytics"], "sections" | "tabsLabel">;
}) {
  const pathname = usePathname();
  return (
    <nav
      aria-label={t.tabsLabel}
      data-testid="report-tabs"
      className="-mx-1 flex flex-wrap gap-1 border-b pb-2"
    >
      {REPORT_SECTIONS.map((section) => {
        const href = reportHref(section);
        const active = pathname === href;
        return (
          <Link
            key={section}
            href={section === "definitions" ? href : reportHref(section, query)}
            aria-current={active ? "page" : undefined}
            className={cn(
              "rounded-md px-2.5 py-1.5 text-sm text-muted-foreground hover:bg-accent hover:text-accent-foreground",
              active && "bg-accent font-medium text-accent-foreground",
            )}
          >
            {t.sections[section].title}
          </Link>
        );
      })}
    </nav>
  );
}
