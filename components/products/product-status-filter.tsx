import Link from "next/link";
import type { ProductCounts, ProductStatusFilter } from "@/lib/catalog/manage-products";
import { cn } from "@/lib/utils";

const LABELS: Record<ProductStatusFilter, string> = {
  all: "All",
  active: "Active",
  archived: "Archived",
};

/** Links, not client tabs: the filter is part of the URL and needs no JavaScript. */
export function ProductStatusFilterLinks({
  current,
  counts,
}: {
  current: ProductStatusFilter;
  counts: ProductCounts;
}) {
  return (
    <nav aria-label="Filter products" className="inline-flex w-fit rounded-lg bg-muted p-1 text-sm">
      {(Object.keys(LABELS) as ProductStatusFilter[]).map((status) => (
        <Link
          key={status}
          href={status === "all" ? "/dashboard/products" : `/dashboard/products?status=${status}`}
          aria-current={status === current ? "page" : undefined}
          className={cn(
            "rounded-md px-3 py-1.5 font-medium text-muted-foreground transition-colors hover:text-foreground",
            status === current && "bg-background text-foreground shadow-sm",
          )}
        >
          {LABELS[status]} <span className="tabular-nums">({counts[status]})</span>
        </Link>
      ))}
    </nav>
  );
}
