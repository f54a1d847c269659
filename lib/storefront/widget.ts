import type { Store } from "@/db/schema";
import type { ShopperLanguage } from "@/lib/i18n/languages";
import { readStoreSettings } from "@/lib/stores/settings";
import { type WidgetDataAttributes, widgetDataAttributes } from "@/lib/widget/attributes";

/** The widget's script attributes for one of this app's storefront pages. */
export function storefrontWidgetAttributes(
  store: Pick<Store, "slug" | "timezone" | "settings">,
  options: { product?: string; lang: ShopperLanguage },
): WidgetDataAttributes {
  return widgetDataAttributes(store, readStoreSettings(store.settings), options);
}
