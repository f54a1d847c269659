import type { Metadata } from "next";
import { headers } from "next/headers";
import {
  StripeCredentialsForm,
  WhatsappCredentialsForm,
} from "@/components/settings/credentials-forms";
import { BusinessHoursForm } from "@/components/settings/business-hours-form";
import { PaymentsCard } from "@/components/settings/payments-card";
import { StoreProfileForm } from "@/components/settings/store-profile-form";
import { WhatsappConnection } from "@/components/settings/whatsapp-connection";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/current-member";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { translateMessage } from "@/lib/dashboard-i18n/translate";
import { resolveStorePayments, stripePlatformConfig } from "@/lib/payments/config";
import { describePaymentsMode, stripeWebhookUrl } from "@/lib/payments/settings-view";
import { currencyChoices, timeZoneChoices } from "@/lib/stores/choices";
import { currencyLockReason } from "@/lib/stores/currency-lock";
import { businessHoursFormValues } from "@/lib/stores/business-hours-form";
import { formatPhoneNumber, STORE_LANGUAGES } from "@/lib/stores/profile-schema";
import { readStoreSettings } from "@/lib/stores/settings";
import { loadSettingsView } from "@/lib/stores/settings-view";
import { appOrigin } from "@/lib/server/app-origin";
import { whatsappWebhookUrl } from "@/lib/whatsapp/channel";
import { describeStoreNumber } from "@/lib/whatsapp/phone-number-binding";
import { whatsappPlatformConfig } from "@/lib/whatsapp/platform-config";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getDashboardStrings()).t.settings.title };
}

export default async function SettingsPage() {
  const { db, store, role } = await requireMember();
  // Only last four characters, dates and the connection's status reach the page.
  const { t, language } = await getDashboardStrings();
  const { stored, connection } = await loadSettingsView(
    db,
    store,
    whatsappPlatformConfig(),
    language,
  );
  const currencyLock = await currencyLockReason(db, store.id);
  const readOnly = role !== "owner";
  const words = t.settings;
  // lib/ writes these in English; the settings dictionary holds them in every language.
  const say = (message: string) => translateMessage(message, "settings", language);
  const settings = readStoreSettings(store.settings);
  const origin = appOrigin(await headers());
  const payments = await resolveStorePayments(db, store.id, stripePlatformConfig());
  const ownWebhookSecret = "stripe_webhook_secret" in stored;
  return (
    <div className="grid max-w-3xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{words.title}</h1>
        {readOnly ? <p className="text-sm text-muted-foreground">{words.ownerOnly}</p> : null}
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{words.profile.title}</CardTitle>
          <CardDescription>{words.profile.description}</CardDescription>
        </CardHeader>
        <CardContent>
          <StoreProfileForm
            readOnly={readOnly}
            currencyLock={currencyLock ? say(currencyLock) : null}
            t={words.profile}
            saving={t.forms.saving}
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
              label: words.profile.languages[code],
            }))}
          />
        </CardContent>
      </Card>
      <Card id="hours" className="scroll-mt-6">
        <CardHeader>
          <CardTitle>{words.hours.title}</CardTitle>
          <CardDescription>{words.hours.description}</CardDescription>
        </CardHeader>
        <CardContent>
          <BusinessHoursForm
            initialValues={businessHoursFormValues(settings.businessHours)}
            timezone={store.timezone}
            readOnly={readOnly}
            t={t.widgetPage}
            save={words.hours.save}
            saving={t.forms.saving}
          />
        </CardContent>
      </Card>
      <Card id="whatsapp">
        <CardHeader>
          <CardTitle>{words.whatsapp.title}</CardTitle>
          <CardDescription>{words.whatsapp.description}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <WhatsappConnection
            channel={
              connection.mode === "unconfigured"
                ? { ...connection, reason: say(connection.reason) }
                : connection
            }
            t={words.whatsapp}
            webhookUrl={whatsappWebhookUrl(origin, store.slug, "whatsapp_app_secret" in stored)}
          />
          <WhatsappCredentialsForm
            phoneNumberId={store.whatsappPhoneNumberId}
            numberStatus={say(describeStoreNumber(store, whatsappPlatformConfig()))}
            t={words}
            saving={t.forms.saving}
            stored={stored}
            readOnly={readOnly}
          />
        </CardContent>
      </Card>
      <Card id="stripe">
        <CardHeader>
          <CardTitle>{words.stripe.title}</CardTitle>
          <CardDescription>{words.stripe.description}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <StripeCredentialsForm
            stored={stored}
            readOnly={readOnly}
            t={words}
            saving={t.forms.saving}
          />
        </CardContent>
      </Card>
      <PaymentsCard
        t={t.payments}
        mode={describePaymentsMode(payments, t.payments)}
        webhookUrl={stripeWebhookUrl(origin, store.slug, ownWebhookSecret)}
        ownWebhookSecret={ownWebhookSecret}
        settings={settings.payments}
        readOnly={readOnly}
      />
    </div>
  );
}
