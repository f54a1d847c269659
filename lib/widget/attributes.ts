import type { Store } from "@/db/schema/stores";
import type { ShopperLanguage } from "@/lib/i18n/languages";
import type { StoreSettings } from "@/lib/stores/settings";
import { encodeBusinessHours } from "./hours";

/** `data-*` attributes for the widget's `<script>` tag, in a stable order. */
export type WidgetDataAttributes = Record<`data-${string}`, string>;

export type WidgetAttributeOptions = {
  /** Product slug, on product pages. */
  product?: string | null;
  /** Shopper language; omitted lets the widget use the page's `<html lang>` or the browser's. */
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
  const attributes: WidgetDataAttributes = {
    "data-store": store.slug,
    "data-position": widget.position,
    "data-colour": widget.colour,
    "data-label": widget.label,
  };
  if (widget.greeting) attributes["data-greeting"] = widget.greeting;
  if (options.product) attributes["data-product"] = options.product;
  if (options.lang) attributes["data-lang"] = options.lang;
  if (businessHours.enabled) {
    attributes["data-hours"] = encodeBusinessHours(businessHours);
    attributes["data-tz"] = store.timezone;
    attributes["data-when-closed"] = widget.whenClosed;
    if (widget.whenClosed === "note") attributes["data-offline-note"] = widget.offlineNote;
  }
  return attributes;
}
