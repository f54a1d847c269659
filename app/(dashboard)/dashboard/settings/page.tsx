import type { Metadata } from "next";
import { headers } from "next/headers";
import {
  StripeCredentialsForm,
  WhatsappCredentialsForm,
} from "@/components/settings/credentials-forms";
import { PaymentsCard } from "@/components/settings/payments-card";
import { StoreProfileForm } from "@/components/settings/store-profile-form";
import { WhatsappConnection } from "@/components/settings/whatsapp-connection";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/current-member";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { resolveStorePayments, stripePlatformConfig } from "@/lib/payments/config";
import { describePaymentsMode, stripeWebhookUrl } from "@/lib/payments/settings-view";
import { currencyChoices, timeZoneChoices } from "@/lib/stores/choices";
import { currencyLockReason } from "@/lib/stores/currency-lock";
import { formatPhoneNumber, LANGUAGE_LABELS, STORE_LANGUAGES } from "@/lib/stores/profile-schema";
import { readStoreSettings } from "@/lib/stores/settings";
import { loadSettingsView } from "@/lib/stores/settings-view";
import { appOrigin } from "@/lib/server/app-origin";
import { whatsappWebhookUrl } from "@/lib/whatsapp/channel";
import { describeStoreNumber } from "@/lib/whatsapp/phone-number-binding";
import { whatsappPlatformConfig } from "@/lib/whatsapp/platform-config";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { db, store, role } = await requireMember();
  // Only last four characters, dates and the connection's status reach the page.
  const { stored, connection } = await loadSettingsView(db, store, whatsappPlatformConfig());
  const currencyLock = await currencyLockReason(db, store.id);
  const readOnly = role !== "owner";
  const { t } = await getDashboardStrings();
  const origin = appOrigin(await headers());
  const payments = await resolveStorePayments(db, store.id, stripePlatformConfig());
  const ownWebhookSecret = "stripe_webhook_secret" in stored;
  return (
    <div className="grid max-w-3xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        {readOnly ? (
          <p className="text-sm text-muted-foreground">
            Only the store owner can change these settings.
          </p>
        ) : null}
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Store profile</CardTitle>
          <CardDescription>How your store appears to shoppers and in your reports.</CardDescription>
        </CardHeader>
        <CardContent>
          <StoreProfileForm
            readOnly={readOnly}
            currencyLock={currencyLock}
            profile={{
              name: store.name,
              whatsappNumber: formatPhoneNumber(store.whatsappNumber),
              currency: store.currency,
              timezone: store.timezone,
              defaultLanguage: store.defaultLanguage,
            }}
            currencies={currencyChoices()}
            timeZones={timeZoneChoices()}
            languages={STORE_LANGUAGES.map((code) => ({
              value: code,
              label: LANGUAGE_LABELS[code],
            }))}
          />
        </CardContent>
      </Card>
      <Card id="whatsapp">
        <CardHeader>
          <CardTitle>WhatsApp Cloud API</CardTitle>
          <CardDescription>
            From Meta&apos;s WhatsApp Manager (API Setup) and your app&apos;s Basic settings.
            Secrets are encrypted before they are stored and are never shown again.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <WhatsappConnection
            channel={connection}
            webhookUrl={whatsappWebhookUrl(origin, store.slug, "whatsapp_app_secret" in stored)}
          />
          <WhatsappCredentialsForm
            phoneNumberId={store.whatsappPhoneNumberId}
            numberStatus={describeStoreNumber(store, whatsappPlatformConfig())}
            stored={stored}
            readOnly={readOnly}
          />
        </CardContent>
      </Card>
      <Card id="stripe">
        <CardHeader>
          <CardTitle>Stripe</CardTitle>
          <CardDescription>
            From the Stripe Dashboard (Developers → API keys, and your webhook endpoint&apos;s
            signing secret).
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <StripeCredentialsForm stored={stored} readOnly={readOnly} />
        </CardContent>
      </Card>
      <PaymentsCard
        t={t.payments}
        mode={describePaymentsMode(payments, t.payments)}
        webhookUrl={stripeWebhookUrl(origin, store.slug, ownWebhookSecret)}
        ownWebhookSecret={ownWebhookSecret}
        settings={readStoreSettings(store.settings).payments}
        readOnly={readOnly}
      />
    </div>
  );
}
