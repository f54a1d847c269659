import Link from "next/link";
import type { ProductCounts, ProductStatusFilter } from "@/lib/catalog/manage-products";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { PRODUCT_STATUS_FILTERS } from "@/lib/catalog/manage-products";
import { cn } from "@/lib/utils";

/** Links, not client tabs: the filter is part of the URL and needs no JavaScript. */
export function ProductStatusFilterLinks({
  current,
  counts,
  t,
}: {
  current: ProductStatusFilter;
  counts: ProductCounts;
  t: Pick<DashboardMessages["products"], "filterLabel" | "filters">;
}) {
  return (
    <nav aria-label={t.filterLabel} className="inline-flex w-fit rounded-lg bg-muted p-1 text-sm">
      {PRODUCT_STATUS_FILTERS.map((status) => (
        <Link
          key={status}
          href={status === "all" ? "/dashboard/products" : `/dashboard/products?status=${status}`}
          aria-current={status === current ? "page" : undefined}
          className={cn(
            "rounded-md px-3 py-1.5 font-medium text-muted-foreground transition-colors hover:text-foreground",
            status === current && "bg-background text-foreground shadow-sm",
          )}
        >
          {t.filters[status]} <span className="tabular-nums">({counts[status]})</span>
        </Link>
      ))}
    </nav>
  );
}
