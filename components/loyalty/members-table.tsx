import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import type { DashboardStrings } from "@/lib/dashboard-i18n/server";
import { MEMBER_SORTS, type MemberRow, type MembersQuery } from "@/lib/loyalty/members";
import { tierByKey } from "@/lib/loyalty/calculate";
import type { Tier } from "@/lib/loyalty/rules";

export const memberHref = (customerId: string) => `/dashboard/loyalty/members/${customerId}`;

type MembersPage = {
  rows: MemberRow[];
  total: number;
  page: number;
  pageCount: number;
  sort: string;
  dir?: "asc" | "desc";
};

/** Search, sort and page through members; on a phone each row stacks its hidden columns. */
export function MembersTable({
  list,
  query,
  tiers,
  currency,
  timezone,
  strings: { t, format },
}: {
  list: MembersPage;
  query: MembersQuery;
  tiers: Tier[];
  currency: string;
  timezone: string;
  strings: DashboardStrings;
}) {
  const w = t.loyalty.members;
  const pageHref = (page: number) => {
    const params = new URLSearchParams();
    if (query.q) params.set("q", query.q);
    params.set("sort", list.sort);
    if (list.dir) params.set("dir", list.dir);
    params.set("page", String(page));
    return `/dashboard/loyalty?${params}#members`;
  };
  const balance = (row: MemberRow) => (
    <span className="tabular-nums">
      {format.number(row.available)} / {format.number(row.pending)}
      {row.balance < 0 ? (
        <Badge variant="destructive" className="ml-2" data-testid="negative-balance">
          {w.negative}
        </Badge>
      ) : null}
    </span>
  );
  return (
    <div className="grid gap-4" id="members">
      <form
        method="get"
        action="/dashboard/loyalty#members"
        className="flex flex-wrap items-end gap-3"
      >
        <div className="grid min-w-0 flex-1 gap-1.5">
          <Label htmlFor="members-q">{w.search}</Label>
          <Input
            id="members-q"
            name="q"
            type="search"
            maxLength={100}
            defaultValue={query.q ?? ""}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="members-sort">{w.sort}</Label>
          <NativeSelect id="members-sort" name="sort" defaultValue={list.sort}>
            {MEMBER_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {w.sorts[sort]}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="members-dir" className="sr-only">
            {w.sort}
          </Label>
          <NativeSelect id="members-dir" name="dir" defaultValue={list.dir ?? ""}>
            <option value="">—</option>
            <option value="asc">{w.ascending}</option>
            <option value="desc">{w.descending}</option>
          </NativeSelect>
        </div>
        <Button type="submit" variant="outline">
          {w.searchButton}
        </Button>
      </form>
      {list.rows.length === 0 ? (
        <p className="py-6 text-center text-sm text-muted-foreground" data-testid="members-empty">
          {query.q ? w.emptySearch : w.empty}
        </p>
      ) : (
        <>
          <p className="text-sm text-muted-foreground">
            {formatMessage(w.count, { count: format.number(list.total) })}
          </p>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{w.name}</TableHead>
                <TableHead className="hidden md:table-cell">{w.phone}</TableHead>
                <TableHead className="hidden sm:table-cell">{w.tier}</TableHead>
                <TableHead className="text-right">{w.balance}</TableHead>
                <TableHead className="hidden text-right lg:table-cell">{w.spend}</TableHead>
                <TableHead className="hidden lg:table-cell">{w.lastActivity}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.rows.map((row) => (
                <TableRow key={row.customerId} data-testid="member-row">
                  <TableCell className="max-w-44 align-top whitespace-normal sm:max-w-none">
                    <Link
                      href={memberHref(row.customerId)}
                      className="font-medium underline-offset-4 hover:underline"
                    >
                      {row.name?.trim() || w.noName}
                    </Link>
                    <span className="mt-1 grid gap-1 text-xs text-muted-foreground lg:hidden">
                      <span className="md:hidden">{row.phone}</span>
                      <span className="sm:hidden">{tierByKey(row.tier, tiers).name}</span>
                      <span>{format.money(row.spendMinor, currency)}</span>
                    </span>
                  </TableCell>
                  <TableCell className="hidden md:table-cell">{row.phone}</TableCell>
                  <TableCell className="hidden sm:table-cell">
                    {tierByKey(row.tier, tiers).name}
                  </TableCell>
                  <TableCell className="text-right align-top">{balance(row)}</TableCell>
                  <TableCell className="hidden text-right tabular-nums lg:table-cell">
                    {format.money(row.spendMinor, currency)}
                  </TableCell>
                  <TableCell className="hidden lg:table-cell">
                    {row.lastActivityAt ? format.dateTime(row.lastActivityAt, timezone) : w.never}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {list.pageCount > 1 ? (
            <nav
              aria-label={w.pagination}
              className="flex flex-wrap items-center justify-between gap-3 text-sm"
            >
              <span className="text-muted-foreground">
                {formatMessage(w.page, { page: list.page, pages: list.pageCount })}
              </span>
              <span className="flex gap-2">
                {list.page > 1 ? (
                  <Button asChild variant="outline" size="sm">
                    <Link href={pageHref(list.page - 1)}>{w.previous}</Link>
                  </Button>
                ) : null}
                {list.page < list.pageCount ? (
                  <Button asChild variant="outline" size="sm">
                    <Link href={pageHref(list.page + 1)}>{w.next}</Link>
                  </Button>
                ) : null}
              </span>
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}
