import type { Store } from "@/db/schema/stores";
import { SHOPPER_LANGUAGES, type ShopperLanguage } from "@/lib/i18n/languages";
import type { StoreSettings } from "@/lib/stores/settings";
import { encodeBusinessHours } from "./hours";
import { type WidgetTextField, widgetTextFor } from "./text";

/** `data-*` attributes for the widget's `<script>` tag, in a stable order. */
export type WidgetDataAttributes = Record<`data-${string}`, string>;

export type WidgetAttributeOptions = {
  /** Product slug, on product pages. */
  product?: string | null;
  /**
   * The page's language: the widget speaks it and shows the owner's words in it (else in the
   * store's default). Omitted, the widget follows the page's `<html lang>` (or the browser's
   * language) at run time, choosing among every translation the attributes carry.
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
  if (!options.lang) {
    const fields: WidgetTextField[] = ["label", "greeting"];
    if (attributes["data-offline-note"] !== undefined) fields.push("offlineNote");
    Object.assign(attributes, translatedAttributes(widget, fields));
  }
  return attributes;
}

const ATTRIBUTE_OF: Record<WidgetTextField, string> = {
  label: "data-label",
  greeting: "data-greeting",
  offlineNote: "data-offline-note",
};

/**
 * Each written translation as `data-label_ja`, `data-offline-note_zh` (zh-Hans; the widget's
 * suffix is the language's first two letters, and dataset keeps `_ja` as it is): widget.js
 * picks the page's language among them at run time, else the default words.
 */
function translatedAttributes(
  widget: StoreSettings["widget"],
  fields: readonly WidgetTextField[],
): WidgetDataAttributes {
  const attributes: WidgetDataAttributes = {};
  for (const lang of SHOPPER_LANGUAGES) {
    const translation = widget.translations[lang];
    for (const field of fields) {
      const text = translation?.[field];
      if (text && text !== widget[field]) {
        attributes[`${ATTRIBUTE_OF[field]}_${lang.slice(0, 2)}` as `data-${string}`] = text;
      }
    }
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
