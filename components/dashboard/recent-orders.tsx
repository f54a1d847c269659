import Link from "next/link";
import { orderHref } from "@/components/orders/order-table";
import { Badge } from "@/components/ui/badge";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { StoreOverview } from "@/lib/analytics/overview";
import type { DashboardStrings } from "@/lib/dashboard-i18n/server";
import { wordFor } from "@/lib/dashboard-i18n/messages";
import { orderStatusLabel, sourceLabel } from "@/lib/inbox/display";

const STATUS_VARIANT = {
  paid: "default",
  pending: "secondary",
  refunded: "outline",
  cancelled: "outline",
} as const;

export function RecentOrders({
  orders,
  timezone,
  strings: { t, format },
}: {
  orders: StoreOverview["recentOrders"];
  timezone: string;
  strings: DashboardStrings;
}) {
  const words = t.overview.orders;
  return (
    <Table data-testid="recent-orders">
      <TableHeader>
        <TableRow>
          <TableHead>{words.order}</TableHead>
          <TableHead>{words.placed}</TableHead>
          <TableHead>{words.entryPoint}</TableHead>
          <TableHead>{words.status}</TableHead>
          <TableHead className="text-right">{words.total}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {orders.map((order) => (
          <TableRow key={order.number}>
            <TableCell className="font-medium">
              <Link href={orderHref(order.number)} className="underline-offset-4 hover:underline">
                {order.number}
              </Link>
            </TableCell>
            <TableCell>{format.dateTime(order.createdAt, timezone)}</TableCell>
            <TableCell>{wordFor(t.sources, order.source, sourceLabel(order.source))}</TableCell>
            <TableCell>
              <Badge
                variant={STATUS_VARIANT[order.status as keyof typeof STATUS_VARIANT] ?? "outline"}
              >
                {wordFor(t.orderStatus, order.status, orderStatusLabel(order.status))}
              </Badge>
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {format.money(order.totalMinor, order.currency)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
