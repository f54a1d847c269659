import Link from "next/link";
import { Button } from "@/components/ui/button";
import { type DashboardMessages, formatMessage } from "@/lib/dashboard-i18n/messages";
import { type OrdersQuery, ordersQueryParams } from "@/lib/orders/list-query";

export function OrderPagination({
  query,
  page,
  pageCount,
  t,
}: {
  query: OrdersQuery;
  page: number;
  pageCount: number;
  t: DashboardMessages["orders"]["pagination"];
}) {
  if (pageCount <= 1) return null;
  const href = (target: number) => {
    const params = ordersQueryParams({ ...query, page: target }).toString();
    return params ? `/dashboard/orders?${params}` : "/dashboard/orders";
  };
  return (
    <nav aria-label={t.label} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <span className="text-muted-foreground">
        {formatMessage(t.page, { page, pages: pageCount })}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Button asChild variant="outline" size="sm">
            <Link href={href(page - 1)} rel="prev">
              {t.previous}
            </Link>
          </Button>
        ) : null}
        {page < pageCount ? (
          <Button asChild variant="outline" size="sm">
            <Link href={href(page + 1)} rel="next">
              {t.next}
            </Link>
          </Button>
        ) : null}
      </span>
    </nav>
  );
}
