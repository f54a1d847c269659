import Link from "next/link";
import { Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { type DashboardMessages, wordFor } from "@/lib/dashboard-i18n/messages";
import { ORDER_SEARCH_MAX_LENGTH, type OrdersQuery } from "@/lib/orders/list-query";
import { ORDER_SOURCES, ORDER_VIEW_STATUSES } from "@/lib/orders/status";

/** A plain GET form: filters are the URL, so they work without JavaScript and can be shared. */
export function OrderFilters({
  query,
  words,
  statuses,
  sources,
}: {
  query: OrdersQuery;
  words: DashboardMessages["orders"]["filters"];
  statuses: DashboardMessages["orders"]["statuses"];
  sources: DashboardMessages["sources"];
}) {
  return (
    <form
      method="get"
      action="/dashboard/orders"
      aria-label={words.label}
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_repeat(4,minmax(0,1fr))_auto] lg:items-end"
    >
      <div className="grid gap-1.5 sm:col-span-2 lg:col-span-1">
        <Label htmlFor="orders-q">{words.search}</Label>
        <Input
          id="orders-q"
          name="q"
          type="search"
          defaultValue={query.q ?? ""}
          maxLength={ORDER_SEARCH_MAX_LENGTH}
          placeholder={words.searchPlaceholder}
        />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="orders-status">{words.status}</Label>
        <NativeSelect id="orders-status" name="status" defaultValue={query.status ?? ""}>
          <option value="">{words.any}</option>
          {ORDER_VIEW_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statuses[status]}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="orders-source">{words.source}</Label>
        <NativeSelect id="orders-source" name="source" defaultValue={query.source ?? ""}>
          <option value="">{words.any}</option>
          {ORDER_SOURCES.map((source) => (
            <option key={source} value={source}>
              {wordFor(sources, source, source)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="orders-from">{words.from}</Label>
        <Input id="orders-from" name="from" type="date" defaultValue={query.from ?? ""} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="orders-to">{words.to}</Label>
        <Input id="orders-to" name="to" type="date" defaultValue={query.to ?? ""} />
      </div>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-1">
        <Button type="submit">
          <Search aria-hidden />
          {words.apply}
        </Button>
        <Button asChild variant="ghost">
          <Link href="/dashboard/orders">{words.clear}</Link>
        </Button>
      </div>
    </form>
  );
}
