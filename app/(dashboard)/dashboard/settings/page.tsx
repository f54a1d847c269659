import type { Metadata } from "next";
import { headers } from "next/headers";
import {
  StripeCredentialsForm,
  WhatsappCredentialsForm,
} from "@/components/settings/credentials-forms";
import { StoreProfileForm } from "@/components/settings/store-profile-form";
import { WhatsappConnection } from "@/components/settings/whatsapp-connection";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/current-member";
import { currencyChoices, timeZoneChoices } from "@/lib/stores/choices";
import { currencyLockReason } from "@/lib/stores/currency-lock";
import { formatPhoneNumber, LANGUAGE_LABELS, STORE_LANGUAGES } from "@/lib/stores/profile-schema";
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
            webhookUrl={whatsappWebhookUrl(
              appOrigin(await headers()),
              store.slug,
              "whatsapp_app_secret" in stored,
            )}
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
          <p
            role="note"
            data-testid="payments-not-live"
            className="rounded-md border border-amber-500/40 bg-amber-500/10 p-3 text-sm"
          >
            <strong>Payments are not live yet.</strong> Chatcart does not take payments in the chat
            today: keys saved here are stored, encrypted, for when payments arrive, and nothing
            charges your customers.
          </p>
          <StripeCredentialsForm stored={stored} readOnly={readOnly} />
        </CardContent>
      </Card>
    </div>
  );
}
