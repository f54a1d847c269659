import { z } from "zod";
import {
  type StoreSettings,
  WIDGET_LABEL_MAX,
  WIDGET_NOTE_MAX,
  widgetSettingsSchema,
  type WidgetSettings,
} from "@/lib/stores/settings";
import { SHOPPER_LANGUAGES } from "@/lib/i18n/languages";
import {
  WIDGET_TEXT_FIELDS,
  widgetTextField,
  type WidgetTextFieldName,
  type WidgetTextField,
} from "./text";

const widget = widgetSettingsSchema.shape;

const MAX: Record<WidgetTextField, number> = {
  label: WIDGET_LABEL_MAX,
  greeting: WIDGET_NOTE_MAX,
  offlineNote: WIDGET_NOTE_MAX,
};

/** One optional field per language and text; too long is an error next to that field. */
const translatedTextFields = Object.fromEntries(
  SHOPPER_LANGUAGES.flatMap((language) =>
    WIDGET_TEXT_FIELDS.map((field) => [
      widgetTextField(field, language),
      z.string().trim().max(MAX[field], `Keep it under ${MAX[field]} characters`).default(""),
    ]),
  ),
) as Record<WidgetTextFieldName, z.ZodDefault<z.ZodString>>;

function translationsOf(form: Record<WidgetTextFieldName, string>): WidgetSettings["translations"] {
  const translations: WidgetSettings["translations"] = {};
  for (const language of SHOPPER_LANGUAGES) {
    const entry: Partial<Record<WidgetTextField, string>> = {};
    for (const field of WIDGET_TEXT_FIELDS) {
      const text = form[widgetTextField(field, language)];
      if (text) entry[field] = text;
    }
    if (Object.keys(entry).length > 0) translations[language] = entry;
  }
  return translations;
}

/**
 * The Dashboard → Widget form (strings from FormData) → the store's widget settings (business
 * hours are edited in Settings: lib/stores/business-hours-form.ts). Field errors are keyed by the form's field names. Shared by the server
 * action and the live preview, so the preview shows only what saving would store.
 */
export const widgetSettingsFormSchema = z
  .object({
    position: widget.position,
    colour: z
      .string()
      .trim()
      .transform((value) => value.toUpperCase())
      .pipe(widget.colour.unwrap()),
    label: widget.label,
    greeting: widget.greeting,
    whenClosed: widget.whenClosed,
    offlineNote: widget.offlineNote,
    ...translatedTextFields,
  })
  .transform((form): Pick<StoreSettings, "widget"> => ({
    widget: {
      position: form.position,
      colour: form.colour,
      label: form.label,
      greeting: form.greeting,
      whenClosed: form.whenClosed,
      offlineNote: form.offlineNote,
      translations: translationsOf(form),
    },
  }));

export type WidgetSettingsFormValues = Record<string, string>;

/** The form's initial values for stored settings (what `widgetSettingsFormSchema` reads back). */
export function widgetSettingsFormValues(
  settings: Pick<StoreSettings, "widget">,
): WidgetSettingsFormValues {
  const { widget: current } = settings;
  const values: WidgetSettingsFormValues = {
    position: current.position,
    colour: current.colour,
    label: current.label,
    greeting: current.greeting,
    whenClosed: current.whenClosed,
    offlineNote: current.offlineNote,
  };
  for (const [language, text] of Object.entries(current.translations)) {
    for (const field of WIDGET_TEXT_FIELDS) {
      const value = text?.[field];
      if (value) values[`${field}_${language}`] = value;
    }
  }
  return values;
}
