import type { Store } from "@/db/schema/stores";
import { SHOPPER_LANGUAGES, type ShopperLanguage } from "@/lib/i18n/languages";
import type { StoreSettings } from "@/lib/stores/settings";
import { encodeBusinessHours } from "./hours";
import { widgetTextFor } from "./text";

/** `data-*` attributes for the widget's `<script>` tag, in a stable order. */
export type WidgetDataAttributes = Record<`data-${string}`, string>;

export type WidgetAttributeOptions = {
  /** Product slug, on product pages. */
  product?: string | null;
  /**
   * The page's language: the widget speaks it and shows the owner's words in it (else in the
   * store's default). Omitted, the widget's own words follow the page's `<html lang>` or the
   * browser's, and the owner's words are the default ones.
   */
  lang?: ShopperLanguage | null;
};

/**
 * Everything the widget needs to render without fetching configuration: the store's widget
 * settings and, when business hours are on, the weekly schedule and time zone. Used by the
 * dashboard's embed snippet and by the app's own product pages (spread onto `<script>`).
 * Values are raw strings; escaping is the renderer's job (React, or `renderWidgetSnippet`).
 */
export function widgetDataAttributes(
  store: Pick<Store, "slug" | "timezone">,
  settings: Pick<StoreSettings, "widget" | "businessHours">,
  options: WidgetAttributeOptions = {},
): WidgetDataAttributes {
  const { widget, businessHours } = settings;
  const text = widgetTextFor(widget, options.lang);
  const attributes: WidgetDataAttributes = {
    "data-store": store.slug,
    "data-position": widget.position,
    "data-colour": widget.colour,
    "data-label": text.label,
  };
  if (text.greeting) attributes["data-greeting"] = text.greeting;
  if (options.product) attributes["data-product"] = options.product;
  if (options.lang) attributes["data-lang"] = options.lang;
  if (businessHours.enabled) {
    attributes["data-hours"] = encodeBusinessHours(businessHours);
    attributes["data-tz"] = store.timezone;
    attributes["data-when-closed"] = widget.whenClosed;
    if (widget.whenClosed === "note") attributes["data-offline-note"] = text.offlineNote;
  }
  return attributes;
}

/** The embed snippet's attributes for a page in each language, and ("") for any page. */
export type SnippetAttributesByLanguage = Record<"" | ShopperLanguage, WidgetDataAttributes>;

export function snippetAttributesByLanguage(
  store: Pick<Store, "slug" | "timezone">,
  settings: Pick<StoreSettings, "widget" | "businessHours">,
): SnippetAttributesByLanguage {
  const byLanguage = { "": widgetDataAttributes(store, settings) } as SnippetAttributesByLanguage;
  for (const lang of SHOPPER_LANGUAGES) {
    byLanguage[lang] = widgetDataAttributes(store, settings, { lang });
  }
  return byLanguage;
}
