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
import { orderStatusLabel, sourceLabel } from "@/lib/inbox/display";
import { formatMoney } from "@/lib/money/format";

const STATUS_VARIANT = {
  paid: "default",
  pending: "secondary",
  refunded: "outline",
  cancelled: "outline",
} as const;

export function RecentOrders({
  orders,
  timezone,
}: {
  orders: StoreOverview["recentOrders"];
  timezone: string;
}) {
  const when = new Intl.DateTimeFormat("en", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: timezone,
  });
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Order</TableHead>
          <TableHead>Placed</TableHead>
          <TableHead>Entry point</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Total</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {orders.map((order) => (
          <TableRow key={order.number}>
            <TableCell className="font-medium">{order.number}</TableCell>
            <TableCell>{when.format(order.createdAt)}</TableCell>
            <TableCell>{sourceLabel(order.source)}</TableCell>
            <TableCell>
              <Badge
                variant={STATUS_VARIANT[order.status as keyof typeof STATUS_VARIANT] ?? "outline"}
              >
                {orderStatusLabel(order.status)}
              </Badge>
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {formatMoney(order.totalMinor, order.currency)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
