import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { matchLanguage } from "@/lib/i18n/languages";
import { formatMessage } from "@/lib/i18n/messages";
import { formatMoney } from "@/lib/money/format";
import { stripePlatformConfig } from "@/lib/payments/config";
import { isPastExpiry } from "@/lib/payments/payment-link";
import { loadSandboxCheckout } from "@/lib/payments/sandbox-checkout";
import { SANDBOX_CHECKOUT_MESSAGES } from "@/lib/payments/sandbox-messages";
import { getDb } from "@/lib/server/database";
import { declineTestCheckoutAction, payTestCheckoutAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Test checkout", robots: { index: false } };

/** The local test checkout of a store without Stripe keys (DESIGN §4.8); 404 otherwise. */
export default async function TestCheckoutPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const checkout = await loadSandboxCheckout(await getDb(), token, {
    stripe: stripePlatformConfig(),
  });
  if (!checkout) notFound();
  const { order, items, store } = checkout;
  const language = matchLanguage(order.language) ?? "en";
  const t = SANDBOX_CHECKOUT_MESSAGES[language];
  const money = (minor: number) => formatMoney(minor, order.currency, language);
  const payable = order.status === "pending" && !isPastExpiry(order, new Date());
  return (
    <main lang={language} className="mx-auto flex min-h-dvh max-w-md flex-col gap-6 px-4 py-10">
      <div
        role="status"
        data-testid="test-mode-banner"
        className="rounded-lg border-2 border-dashed border-amber-500 bg-amber-50 p-4 text-amber-900 dark:bg-amber-950 dark:text-amber-100"
      >
        <Badge variant="outline" className="mb-2 border-amber-600 text-amber-800">
          TEST
        </Badge>
        <p className="font-semibold">{t.banner}</p>
        <p className="text-sm">{t.explanation}</p>
      </div>
      <section className="grid gap-3">
        <p className="text-sm text-muted-foreground">{store.name}</p>
        <h1 className="text-xl font-semibold">
          {formatMessage(t.order, { number: order.number })}
        </h1>
        <ul className="grid gap-1 text-sm">
          {items.map((item) => (
            <li key={item.id} className="flex justify-between gap-4">
              <span>
                {item.quantity} × {item.name}
              </span>
              <span>{money(item.lineTotalMinor)}</span>
            </li>
          ))}
        </ul>
        {order.discountLines.length > 0 ? (
          <dl className="grid gap-1 border-t pt-2 text-sm" data-testid="test-checkout-discounts">
            <div className="flex justify-between gap-4">
              <dt>{t.subtotal}</dt>
              <dd>{money(order.subtotalMinor)}</dd>
            </div>
            {order.discountLines.map((line, index) => (
              <div key={`${line.kind}-${index}`} className="flex justify-between gap-4">
                <dt>{line.label}</dt>
                <dd>−{money(line.amountMinor)}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        <p className="flex justify-between border-t pt-2 font-semibold">
          <span>{t.total}</span>
          <span data-testid="test-checkout-total">{money(order.totalMinor)}</span>
        </p>
      </section>
      {payable ? (
        <div className="grid gap-2">
          <form action={payTestCheckoutAction}>
            <input type="hidden" name="token" value={token} />
            <Button type="submit" className="w-full">
              {t.pay}
            </Button>
          </form>
          <form action={declineTestCheckoutAction}>
            <input type="hidden" name="token" value={token} />
            <Button type="submit" variant="outline" className="w-full">
              {t.decline}
            </Button>
          </form>
        </div>
      ) : (
        <p className="text-sm">
          {order.status === "pending"
            ? t.expired
            : order.status === "cancelled"
              ? t.cancelled
              : t.paid}
        </p>
      )}
    </main>
  );
}
