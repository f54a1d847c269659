import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { type DashboardMessages, formatMessage } from "@/lib/dashboard-i18n/messages";
import type { ConversationCart } from "@/lib/inbox/cart";
import { formatMoney } from "@/lib/money/format";

/**
 * The cart the shopper brought from the storefront, beside the conversation: items,
 * quantities and the total as priced now. Nothing when the customer has no cart.
 */
export function CartPanel({
  cart,
  t,
  language,
}: {
  cart: ConversationCart | null;
  t: DashboardMessages["inboxView"]["cart"];
  language: string;
}) {
  if (!cart) return null;
  const money = (minor: number) => formatMoney(minor, cart.currency, language);
  const items =
    cart.itemCount === 1 ? t.oneItem : formatMessage(t.items, { count: cart.itemCount });
  return (
    <Card data-testid="cart-panel">
      <CardHeader>
        <CardTitle>{t.title}</CardTitle>
        <CardDescription>{formatMessage(t.description, { items })}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        {cart.lines.length === 0 ? (
          <p className="text-muted-foreground">{t.empty}</p>
        ) : (
          <ul className="grid gap-2">
            {cart.lines.map((line) => (
              <li key={line.productId} className="flex items-baseline justify-between gap-3">
                <span className={line.available ? "" : "text-muted-foreground line-through"}>
                  {line.quantity} × {line.name}
                  {line.available ? null : <span className="sr-only">{t.unavailable}</span>}
                </span>
                <span className="tabular-nums">{money(line.lineTotalMinor)}</span>
              </li>
            ))}
          </ul>
        )}
        <p className="flex justify-between gap-3 border-t pt-3 font-medium">
          <span>{t.total}</span>
          <span className="tabular-nums" data-testid="cart-total">
            {money(cart.subtotalMinor)}
          </span>
        </p>
      </CardContent>
    </Card>
  );
}
