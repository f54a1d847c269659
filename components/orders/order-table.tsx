import Link from "next/link";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { wordFor } from "@/lib/dashboard-i18n/messages";
import type { DashboardStrings } from "@/lib/dashboard-i18n/server";
import { customerLabel } from "@/lib/inbox/display";
import type { OrderListRow } from "@/lib/orders/list-orders";
import { OrderStatusBadge } from "./order-status-badge";

export const orderHref = (number: string) => `/dashboard/orders/${encodeURIComponent(number)}`;

/**
 * The orders as a table on wide screens; narrower, each row stacks what its hidden columns
 * would show under the number (customer, times, status, entry point), so a 390 px phone
 * shows two columns and nothing scrolls sideways.
 */
export function OrderTable({
  rows,
  timezone,
  strings: { t, format },
}: {
  rows: OrderListRow[];
  timezone: string;
  strings: DashboardStrings;
}) {
  const words = t.orders.table;
  const customer = (row: OrderListRow) =>
    row.customer ? customerLabel(row.customer) : words.noCustomer;
  const source = (row: OrderListRow) => wordFor(t.sources, row.source, row.source);
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{words.number}</TableHead>
          <TableHead className="hidden md:table-cell">{words.customer}</TableHead>
          <TableHead className="hidden sm:table-cell">{words.status}</TableHead>
          <TableHead className="hidden lg:table-cell">{words.source}</TableHead>
          <TableHead className="hidden md:table-cell">{words.created}</TableHead>
          <TableHead className="hidden lg:table-cell">{words.paid}</TableHead>
          <TableHead className="text-right">{words.total}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} data-testid="order-row">
            <TableCell className="max-w-48 align-top whitespace-normal sm:max-w-none">
              <Link
                href={orderHref(row.number)}
                className="font-medium underline-offset-4 hover:underline"
              >
                {row.number}
              </Link>
              <span className="mt-1 grid gap-1 text-xs text-muted-foreground lg:hidden">
                <span className="truncate md:hidden">{customer(row)}</span>
                <span className="md:hidden">{format.dateTime(row.createdAt, timezone)}</span>
                {row.paidAt ? (
                  <span>
                    {words.paid}: {format.dateTime(row.paidAt, timezone)}
                  </span>
                ) : null}
                <span className="sm:hidden">
                  <OrderStatusBadge status={row.status} words={t.orders.statuses} />
                </span>
                <span>{source(row)}</span>
              </span>
            </TableCell>
            <TableCell className="hidden max-w-56 truncate md:table-cell">
              {customer(row)}
            </TableCell>
            <TableCell className="hidden sm:table-cell">
              <OrderStatusBadge status={row.status} words={t.orders.statuses} />
            </TableCell>
            <TableCell className="hidden lg:table-cell">{source(row)}</TableCell>
            <TableCell className="hidden md:table-cell">
              {format.dateTime(row.createdAt, timezone)}
            </TableCell>
            <TableCell className="hidden lg:table-cell">
              {row.paidAt ? format.dateTime(row.paidAt, timezone) : words.notPaid}
            </TableCell>
            <TableCell className="text-right align-top tabular-nums">
              {format.money(row.totalMinor, row.currency)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
