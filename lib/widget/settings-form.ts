import { z } from "zod";
import {
  type BusinessHours,
  openingPeriodSchema,
  type StoreSettings,
  WEEKDAYS,
  type Weekday,
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

/** "9:00-12:30", "09:00 – 18:00", "0900~1800": one opening period as typed by an owner. */
const PERIOD_TEXT = /^(\d{1,2}):?(\d{2})\s*[-–—~〜]\s*(\d{1,2}):?(\d{2})$/;
const MAX_PERIODS_PER_DAY = 3;

type HoursField = `hours_${Weekday}`;

/** The form field holding one weekday's hours. */
export const hoursField = (day: Weekday): HoursField => `hours_${day}`;

/** A day's periods as the form shows them: "09:00–12:00, 13:00–18:00" (empty when closed). */
export function formatPeriods(periods: BusinessHours["days"][Weekday]): string {
  return periods.map((period) => `${period.open}–${period.close}`).join(", ");
}

const pad = (hours: string) => hours.padStart(2, "0");

/** One weekday's text field → its opening periods, or an error message next to that field. */
const periodsText = z
  .string()
  .trim()
  .max(100, "Keep it short: up to three periods such as 09:00–12:00, 13:00–18:00")
  .transform((text, context) => {
    if (!text) return [];
    const periods = [];
    for (const part of text.split(/[,、;]/)) {
      const match = PERIOD_TEXT.exec(part.trim());
      if (!match) {
        context.addIssue({
          code: "custom",
          message: "Write hours like 09:00–18:00; separate a break with a comma",
        });
        return z.NEVER;
      }
      const [, openHour = "", openMinute, closeHour = "", closeMinute] = match;
      periods.push({
        open: `${pad(openHour)}:${openMinute}`,
        close: `${pad(closeHour)}:${closeMinute}`,
      });
    }
    return periods;
  })
  .pipe(
    z
      .array(openingPeriodSchema)
      .max(MAX_PERIODS_PER_DAY, `At most ${MAX_PERIODS_PER_DAY} periods a day`),
  );

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
 * The Dashboard → Widget form (strings from FormData) → the store's widget settings and
 * business hours. Field errors are keyed by the form's field names. Shared by the server
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
    hoursEnabled: z
      .literal("on")
      .optional()
      .transform((value) => value === "on"),
    ...(Object.fromEntries(WEEKDAYS.map((day) => [hoursField(day), periodsText.default([])])) as {
      [F in HoursField]: z.ZodDefault<typeof periodsText>;
    }),
    ...translatedTextFields,
  })
  .refine(
    (form) => !form.hoursEnabled || WEEKDAYS.some((day) => form[hoursField(day)].length > 0),
    {
      path: ["hoursEnabled"],
      message:
        "Every day is closed: add opening hours for at least one day, or turn business hours off.",
    },
  )
  .transform((form): Omit<StoreSettings, "bot" | "payments"> => ({
    widget: {
      position: form.position,
      colour: form.colour,
      label: form.label,
      greeting: form.greeting,
      whenClosed: form.whenClosed,
      offlineNote: form.offlineNote,
      translations: translationsOf(form),
    },
    businessHours: {
      enabled: form.hoursEnabled,
      days: Object.fromEntries(
        WEEKDAYS.map((day) => [day, form[hoursField(day)]]),
      ) as BusinessHours["days"],
    },
  }));

export type WidgetSettingsFormValues = Record<string, string>;

/** The form's initial values for stored settings (what `widgetSettingsFormSchema` reads back). */
export function widgetSettingsFormValues(settings: StoreSettings): WidgetSettingsFormValues {
  const { widget: current, businessHours } = settings;
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
  if (businessHours.enabled) values.hoursEnabled = "on";
  for (const day of WEEKDAYS) values[hoursField(day)] = formatPeriods(businessHours.days[day]);
  return values;
}
