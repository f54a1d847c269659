import { SHOPPER_LANGUAGES, type ShopperLanguage } from "@/lib/i18n/languages";
import type { WidgetSettings } from "@/lib/stores/settings";

/** The store's own words on the widget (not the widget's built-in strings). */
export const WIDGET_TEXT_FIELDS = ["label", "greeting", "offlineNote"] as const;
export type WidgetTextField = (typeof WIDGET_TEXT_FIELDS)[number];
export type WidgetText = Pick<WidgetSettings, WidgetTextField>;

/**
 * The label, greeting and offline note in `language`: its translation where the owner wrote
 * one, else the store's default words. No language: the default words.
 */
export function widgetTextFor(
  widget: Pick<WidgetSettings, WidgetTextField | "translations">,
  language?: ShopperLanguage | null,
): WidgetText {
  const translation = language ? widget.translations[language] : undefined;
  return {
    label: translation?.label || widget.label,
    greeting: translation?.greeting || widget.greeting,
    offlineNote: translation?.offlineNote || widget.offlineNote,
  };
}

/** The Widget form's field for a translated text: `label_ja`, `offlineNote_zh-Hans`. */
export const widgetTextField = (field: WidgetTextField, language: ShopperLanguage) =>
  `${field}_${language}` as const;

export type WidgetTextFieldName = ReturnType<typeof widgetTextField>;

/** Every translated-text field name of the form, for every language. */
export const WIDGET_TEXT_FIELD_NAMES: WidgetTextFieldName[] = SHOPPER_LANGUAGES.flatMap(
  (language) => WIDGET_TEXT_FIELDS.map((field) => widgetTextField(field, language)),
);
