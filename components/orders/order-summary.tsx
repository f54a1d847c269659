import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatMessage, wordFor } from "@/lib/dashboard-i18n/messages";
import type { DashboardStrings } from "@/lib/dashboard-i18n/server";
import { customerLabel } from "@/lib/inbox/display";
import type { OrderDetail } from "@/lib/orders/order-detail";

/** Items and totals: subtotal, each discount line, total, and what was refunded. */
export function OrderItemsCard({
  detail,
  strings,
}: {
  detail: OrderDetail;
  strings: DashboardStrings;
}) {
  const { t, format } = strings;
  const words = t.orders.detail;
  const { order } = detail;
  const money = (minor: number) => format.money(minor, order.currency);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{words.items}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <ul className="grid gap-2" data-testid="order-items">
          {detail.items.map((item) => (
            <li key={item.id} className="flex items-baseline justify-between gap-3">
              <span className="min-w-0">
                <span className="break-words">{item.name}</span>
                <span className="block text-xs text-muted-foreground tabular-nums">
                  {item.quantity} × {money(item.unitPriceMinor)}
                </span>
              </span>
              <span className="tabular-nums">{money(item.lineTotalMinor)}</span>
            </li>
          ))}
        </ul>
        <dl className="grid gap-1 border-t pt-3">
          <div className="flex justify-between gap-3">
            <dt>{words.subtotal}</dt>
            <dd className="tabular-nums">{money(order.subtotalMinor)}</dd>
          </div>
          {order.discountLines.map((line, index) => (
            <div key={`${line.kind}-${index}`} className="flex justify-between gap-3">
              <dt>{line.label}</dt>
              <dd className="tabular-nums">−{money(line.amountMinor)}</dd>
            </div>
          ))}
          {order.pointsRedeemed > 0 ? (
            <div className="flex justify-between gap-3 text-muted-foreground">
              <dt>{words.pointsRedeemed}</dt>
              <dd className="tabular-nums" data-testid="order-points-redeemed">
                {format.number(order.pointsRedeemed)}
              </dd>
            </div>
          ) : null}
          <div className="flex justify-between gap-3 font-medium">
            <dt>{words.total}</dt>
            <dd className="tabular-nums" data-testid="order-total">
              {money(order.totalMinor)}
            </dd>
          </div>
          {order.refundedMinor > 0 ? (
            <div className="flex justify-between gap-3 text-muted-foreground">
              <dt>{words.refunded}</dt>
              <dd className="tabular-nums">−{money(order.refundedMinor)}</dd>
            </div>
          ) : null}
        </dl>
        {order.note ? (
          <p className="text-muted-foreground">
            <span className="font-medium text-foreground">{words.note}:</span> {order.note}
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}

/** Who bought (with the way back to the chat) and where they came from. */
export function OrderPeopleCard({
  detail,
  strings,
}: {
  detail: OrderDetail;
  strings: DashboardStrings;
}) {
  const { t } = strings;
  const words = t.orders.detail;
  const { order } = detail;
  const rows: [string, string][] = [
    [words.source, wordFor(t.sources, order.source, order.source)],
    [words.qrCode, detail.qrCodeName ?? words.none],
    [words.productAttribution, detail.productName ?? words.none],
    [words.ref, order.ref ?? words.none],
    [words.origin, wordFor(words.origins, order.origin, order.origin)],
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>{words.customer}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4 text-sm">
        <div className="grid gap-1">
          <p className="font-medium break-words">
            {detail.customer ? customerLabel(detail.customer) : t.orders.table.noCustomer}
          </p>
          {detail.customer?.phone ? (
            <p className="text-muted-foreground">{detail.customer.phone}</p>
          ) : null}
          {detail.conversationId ? (
            <Link
              href={`/dashboard/inbox/${detail.conversationId}`}
              className="font-medium underline underline-offset-4"
            >
              {words.openConversation}
            </Link>
          ) : (
            <p className="text-muted-foreground">{words.noConversation}</p>
          )}
        </div>
        <div className="grid gap-2">
          <p className="font-medium">{words.attribution}</p>
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1">
            {rows.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-muted-foreground">{label}</dt>
                <dd className="break-words">{value}</dd>
              </div>
            ))}
          </dl>
          {detail.linkOpenCount > 0 ? (
            <p className="text-muted-foreground">
              {formatMessage(words.linkOpens, { count: detail.linkOpenCount })}
            </p>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}

/** The address Stripe Checkout collected, and the tracking link once shipped. */
export function OrderShippingCard({
  detail,
  strings,
}: {
  detail: OrderDetail;
  strings: DashboardStrings;
}) {
  const words = strings.t.orders.detail;
  const address = detail.order.shippingAddress;
  const lines = address
    ? [
        address.name,
        address.line1,
        address.line2,
        [address.postalCode, address.city, address.state].filter(Boolean).join(" "),
        address.country,
      ].filter((line): line is string => Boolean(line))
    : [];
  return (
    <Card>
      <CardHeader>
        <CardTitle>{words.shipping}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-2 text-sm">
        {lines.length > 0 ? (
          <address className="not-italic" data-testid="shipping-address">
            {lines.map((line, index) => (
              <span key={index} className="block break-words">
                {line}
              </span>
            ))}
          </address>
        ) : (
          <p className="text-muted-foreground">{words.noShipping}</p>
        )}
        {detail.order.trackingUrl ? (
          <a
            href={detail.order.trackingUrl}
            target="_blank"
            rel="noopener noreferrer"
            className="font-medium break-all underline underline-offset-4"
          >
            {words.tracking}
          </a>
        ) : null}
      </CardContent>
    </Card>
  );
}
