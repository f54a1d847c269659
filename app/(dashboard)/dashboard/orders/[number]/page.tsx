import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderActions } from "@/components/orders/order-actions";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import {
  OrderItemsCard,
  OrderPeopleCard,
  OrderShippingCard,
} from "@/components/orders/order-summary";
import { OrderTimeline } from "@/components/orders/order-timeline";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/current-member";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { getOrderDetail } from "@/lib/orders/order-detail";

/** The segment as typed; a malformed escape is kept as it is (it then finds no order). */
function orderNumberParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }) {
  return { title: orderNumberParam((await params).number) };
}

export default async function OrderPage({ params }: { params: Promise<{ number: string }> }) {
  const { db, store, role } = await requireMember();
  const number = orderNumberParam((await params).number);
  const [detail, strings] = await Promise.all([
    getOrderDetail(db, store.id, number),
    getDashboardStrings(),
  ]);
  // Another store's order (or none): the same 404, never a hint that it exists.
  if (!detail) notFound();
  const { t, format } = strings;
  const words = t.orders.detail;
  const { order } = detail;
  const paid = order.status === "paid";
  const can = {
    ship: paid && order.fulfillmentStatus === "unfulfilled",
    deliver: paid && order.fulfillmentStatus === "shipped",
    cancel: order.status === "pending",
    refund: paid && detail.refundableMinor > 0,
  };
  return (
    <div className="grid max-w-6xl gap-6">
      <div className="grid gap-1">
        <Link href="/dashboard/orders" className="text-sm text-muted-foreground hover:underline">
          {words.back}
        </Link>
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
          {order.number}
          <OrderStatusBadge status={detail.status} words={t.orders.statuses} />
          {order.recoveryStep !== null ? (
            <Badge asChild variant="success">
              <Link
                href="/dashboard/recovery?status=recovered"
                title={words.recoveredHint}
                data-testid="recovered-by-step"
              >
                {formatMessage(words.recoveredByStep, { step: String(order.recoveryStep) })}
              </Link>
            </Badge>
          ) : null}
        </h1>
        <p className="text-sm text-muted-foreground">
          {formatMessage(words.placed, { when: format.dateTime(order.createdAt, store.timezone) })}
        </p>
      </div>
      {detail.refundRequestedMinor > 0 ? (
        <p
          role="status"
          data-testid="refund-requested"
          className="rounded-lg border border-amber-500/40 bg-amber-500/10 px-4 py-3 text-sm text-amber-900 dark:text-amber-200"
        >
          {formatMessage(words.refundRequested, {
            amount: format.money(detail.refundRequestedMinor, order.currency),
          })}
        </p>
      ) : null}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="grid min-w-0 gap-6">
          <OrderItemsCard detail={detail} strings={strings} />
          <Card>
            <CardHeader>
              <CardTitle>{words.timeline}</CardTitle>
            </CardHeader>
            <CardContent>
              <OrderTimeline
                entries={detail.timeline}
                currency={order.currency}
                timezone={store.timezone}
                format={format}
                t={t.orders.timeline}
              />
            </CardContent>
          </Card>
          {detail.undelivered.length > 0 ? (
            <Card>
              <CardHeader>
                <CardTitle>{words.undelivered}</CardTitle>
              </CardHeader>
              <CardContent>
                <ul className="grid gap-3 text-sm" data-testid="undelivered-messages">
                  {detail.undelivered.map((message) => (
                    <li key={message.id} className="grid gap-0.5">
                      <span className="font-medium text-destructive">
                        {words.messageStatus[message.status]} ·{" "}
                        {format.dateTime(message.createdAt, store.timezone)}
                      </span>
                      <span className="line-clamp-2 break-words">{message.body}</span>
                      {message.errorReason ? (
                        <span className="text-muted-foreground">{message.errorReason}</span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </CardContent>
            </Card>
          ) : null}
        </div>
        <div className="grid min-w-0 gap-6">
          <Card>
            <CardHeader>
              <CardTitle>{t.orders.actions.title}</CardTitle>
            </CardHeader>
            <CardContent>
              <OrderActions
                orderNumber={order.number}
                can={can}
                isOwner={role === "owner"}
                refundable={{
                  label: formatMessage(t.orders.actions.refundAmount, { currency: order.currency }),
                  hint: formatMessage(t.orders.actions.refundHint, {
                    amount: format.money(detail.refundableMinor, order.currency),
                  }),
                }}
                t={t.orders.actions}
              />
            </CardContent>
          </Card>
          <OrderPeopleCard detail={detail} strings={strings} />
          <OrderShippingCard detail={detail} strings={strings} />
        </div>
      </div>
    </div>
  );
}
