import Link from "next/link";
import { orderHref } from "@/components/orders/order-table";
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
import type { MemberDetail } from "@/lib/loyalty/member-detail";
import { cn } from "@/lib/utils";

/** Every change to the customer's points, newest first; on a phone the details stack. */
export function MemberLedger({
  rows,
  timezone,
  strings: { t, format },
}: {
  rows: MemberDetail["ledger"];
  timezone: string;
  strings: DashboardStrings;
}) {
  const w = t.loyalty.member;
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">{w.ledgerEmpty}</p>;
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{w.reason}</TableHead>
          <TableHead className="hidden md:table-cell">{w.date}</TableHead>
          <TableHead className="hidden sm:table-cell">{w.order}</TableHead>
          <TableHead className="hidden lg:table-cell">{w.note}</TableHead>
          <TableHead className="text-right">{w.delta}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => {
          const order = row.orderNumber ? (
            <Link href={orderHref(row.orderNumber)} className="underline-offset-4 hover:underline">
              {row.orderNumber}
            </Link>
          ) : null;
          const note = row.note ? (
            <span className="break-words">
              {row.note}
              {row.adjustedBy ? ` — ${row.adjustedBy}` : ""}
            </span>
          ) : null;
          return (
            <TableRow key={row.id} data-testid="ledger-row">
              <TableCell className="max-w-52 align-top whitespace-normal sm:max-w-none">
                <span className="font-medium">{t.loyalty.reasons[row.reason]}</span>
                <span className="mt-1 grid gap-1 text-xs text-muted-foreground lg:hidden">
                  <span className="md:hidden">{format.dateTime(row.createdAt, timezone)}</span>
                  {order ? <span className="sm:hidden">{order}</span> : null}
                  {note}
                  {row.pending ? (
                    <span>
                      {formatMessage(w.pendingUntil, {
                        date: format.date(row.availableAt, timezone),
                      })}
                    </span>
                  ) : null}
                </span>
              </TableCell>
              <TableCell className="hidden align-top md:table-cell">
                {format.dateTime(row.createdAt, timezone)}
              </TableCell>
              <TableCell className="hidden align-top sm:table-cell">{order}</TableCell>
              <TableCell className="hidden max-w-72 align-top whitespace-normal lg:table-cell">
                {note}
              </TableCell>
              <TableCell
                className={cn(
                  "text-right align-top tabular-nums",
                  row.delta < 0 && "text-destructive",
                )}
              >
                {row.delta > 0 ? "+" : ""}
                {format.number(row.delta)}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
