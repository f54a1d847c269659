import type { Metadata } from "next";
import { headers } from "next/headers";
import { EmbedSnippet } from "@/components/widget/embed-snippet";
import { WidgetSettingsForm } from "@/components/widget/widget-settings-form";
import { requireMember } from "@/lib/auth/current-member";
import { listActiveProducts } from "@/lib/catalog/products";
import { AppOriginError, appOrigin } from "@/lib/server/app-origin";
import { readStoreSettings } from "@/lib/stores/settings";
import { translationLanguages } from "@/lib/i18n/languages";
import { snippetAttributesByLanguage } from "@/lib/widget/attributes";
import { widgetSettingsFormValues } from "@/lib/widget/settings-form";

export const metadata: Metadata = { title: "Widget" };

/** This app's public origin for the snippet, or null when it cannot be told (APP_URL unset). */
function snippetOrigin(requestHeaders: Headers): string | null {
  try {
    return appOrigin(requestHeaders);
  } catch (error) {
    if (error instanceof AppOriginError) return null;
    throw error;
  }
}

export default async function WidgetPage() {
  const { db, store, role } = await requireMember();
  const settings = readStoreSettings(store.settings);
  const products = await listActiveProducts(db, store.id);
  const readOnly = role !== "owner";
  return (
    <div className="grid max-w-6xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Widget</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">
          A WhatsApp button for your product pages — here and on any other website. Shoppers on a
          phone go straight to the chat; on a computer they get a QR code to continue on their
          phone. Every chat it starts counts as a click from the widget.
          {readOnly ? " Only the store owner can change these settings." : ""}
        </p>
      </div>
      <WidgetSettingsForm
        store={{ slug: store.slug, timezone: store.timezone }}
        initialValues={widgetSettingsFormValues(settings)}
        readOnly={readOnly}
        languages={translationLanguages(store.defaultLanguage)}
      >
        <EmbedSnippet
          origin={snippetOrigin(await headers())}
          attributesByLanguage={snippetAttributesByLanguage(store, settings)}
          products={products.map((product) => ({ value: product.slug, label: product.name }))}
          hoursEnabled={settings.businessHours.enabled}
        />
      </WidgetSettingsForm>
    </div>
  );
}
