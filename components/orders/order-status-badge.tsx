import { Badge } from "@/components/ui/badge";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import type { OrderViewStatus } from "@/lib/orders/status";

const VARIANT = {
  awaiting_payment: "warning",
  paid: "success",
  shipped: "info",
  delivered: "default",
  refunded: "outline",
  cancelled: "secondary",
} as const satisfies Record<OrderViewStatus, string>;

export function OrderStatusBadge({
  status,
  words,
}: {
  status: OrderViewStatus;
  words: DashboardMessages["orders"]["statuses"];
}) {
  return <Badge variant={VARIANT[status]}>{words[status]}</Badge>;
}
