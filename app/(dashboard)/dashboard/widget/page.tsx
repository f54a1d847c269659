import { headers } from "next/headers";
import { EmbedSnippet } from "@/components/widget/embed-snippet";
import { WidgetSettingsForm } from "@/components/widget/widget-settings-form";
import { requireMember } from "@/lib/auth/current-member";
import { listActiveProducts } from "@/lib/catalog/products";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { AppOriginError, appOrigin } from "@/lib/server/app-origin";
import { readStoreSettings } from "@/lib/stores/settings";
import { translationLanguages } from "@/lib/i18n/languages";
import { snippetAttributesByLanguage } from "@/lib/widget/attributes";
import { widgetSettingsFormValues } from "@/lib/widget/settings-form";

export async function generateMetadata() {
  return { title: (await getDashboardStrings()).t.widgetPage.title };
}

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
  const [products, strings] = await Promise.all([
    listActiveProducts(db, store.id),
    getDashboardStrings(),
  ]);
  const t = strings.t.widgetPage;
  const readOnly = role !== "owner";
  return (
    <div className="grid max-w-6xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t.title}</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">
          {t.intro}
          {/* Japanese runs sentences together; English puts a space between them. */}
          {readOnly ? `${strings.language === "ja" ? "" : " "}${t.ownerOnly}` : ""}
        </p>
      </div>
      <WidgetSettingsForm
        store={{ slug: store.slug, timezone: store.timezone }}
        initialValues={widgetSettingsFormValues(settings)}
        businessHours={settings.businessHours}
        hoursLink={
          <p className="text-sm text-muted-foreground">
            {settings.businessHours.enabled ? t.hoursOn : t.hoursOff}{" "}
            <a
              href="/dashboard/settings#hours"
              className="font-medium text-primary underline underline-offset-4"
            >
              {t.editHours}
            </a>
          </p>
        }
        readOnly={readOnly}
        languages={translationLanguages(store.defaultLanguage)}
        t={t}
        forms={strings.t.forms}
      >
        <EmbedSnippet
          origin={snippetOrigin(await headers())}
          attributesByLanguage={snippetAttributesByLanguage(store, settings)}
          products={products.map((product) => ({ value: product.slug, label: product.name }))}
          hoursEnabled={settings.businessHours.enabled}
          t={t}
        />
      </WidgetSettingsForm>
    </div>
  );
}
