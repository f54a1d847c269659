import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { expiryFormValue } from "@/lib/payments/settings-form";
import { type PaymentsModeView, STRIPE_WEBHOOK_EVENTS } from "@/lib/payments/settings-view";
import { DEFAULT_SHIPPING_COUNTRIES, type PaymentSettings } from "@/lib/stores/settings";
import { cn } from "@/lib/utils";
import { PaymentSettingsForm } from "./payment-settings-form";

/** Settings → Payments: the mode in words, the webhook to give Stripe, and the form. */
export function PaymentsCard({
  t,
  mode,
  webhookUrl,
  ownWebhookSecret,
  settings,
  readOnly,
}: {
  t: DashboardMessages["payments"];
  mode: PaymentsModeView;
  webhookUrl: string;
  ownWebhookSecret: boolean;
  settings: PaymentSettings;
  readOnly: boolean;
}) {
  const expiry = expiryFormValue(settings.checkoutExpiryMinutes);
  return (
    <Card id="payments">
      <CardHeader>
        <CardTitle>{t.title}</CardTitle>
        <CardDescription>{t.description}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        <div
          role="note"
          data-testid="payments-mode"
          data-mode={mode.kind}
          className={cn(
            "grid gap-1 rounded-md border p-3 text-sm",
            mode.kind === "stripe" && "border-primary/40 bg-primary/5",
            mode.kind === "sandbox" && "border-amber-500/40 bg-amber-500/10",
            mode.kind === "unavailable" && "border-destructive/50 bg-destructive/10",
          )}
        >
          <p>
            <span className="text-muted-foreground">{t.modeLabel}: </span>
            <strong>{mode.label}</strong>
          </p>
          <p className="text-muted-foreground">{mode.help}</p>
        </div>
        <div className="grid gap-2 text-sm">
          <p className="font-medium">{t.webhookLabel}</p>
          <code
            data-testid="stripe-webhook-url"
            className="rounded-md bg-muted px-2 py-1 font-mono text-xs break-all"
          >
            {webhookUrl}
          </code>
          {ownWebhookSecret ? null : <p className="text-muted-foreground">{t.webhookPlatform}</p>}
          <p className="text-muted-foreground">{t.webhookHelp}</p>
          <ul className="list-disc pl-5 font-mono text-xs">
            {STRIPE_WEBHOOK_EVENTS.map((event) => (
              <li key={event}>{event}</li>
            ))}
          </ul>
        </div>
        {readOnly ? <p className="text-sm text-muted-foreground">{t.readOnly}</p> : null}
        <PaymentSettingsForm
          t={t}
          readOnly={readOnly}
          defaultCountries={DEFAULT_SHIPPING_COUNTRIES.join(", ")}
          values={{
            expiryValue: expiry.value,
            expiryUnit: expiry.unit,
            shippingCountries: settings.shippingCountries.join(", "),
          }}
        />
      </CardContent>
    </Card>
  );
}
