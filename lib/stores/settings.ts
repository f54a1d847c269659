import { z } from "zod";
import { SHOPPER_LANGUAGES } from "@/lib/i18n/languages";
import {
  ORDER_MESSAGE_KINDS,
  ORDER_TEMPLATE_MAX_VARIABLES,
  ORDER_TEMPLATE_VALUES,
} from "@/lib/orders/order-message-kinds";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use 24-hour HH:MM, e.g. 09:30");

export const openingPeriodSchema = z
  .object({ open: timeOfDay, close: timeOfDay })
  .refine((period) => period.open < period.close, {
    message: "Closing time must be after opening time",
  });

/** Opening hours per weekday in the store's time zone; an empty list means closed that day. */
export const businessHoursSchema = z.object({
  enabled: z.boolean().default(false),
  days: z
    .object(
      Object.fromEntries(
        WEEKDAYS.map((day) => [day, z.array(openingPeriodSchema).max(3).default([])]),
      ) as {
        [D in Weekday]: z.ZodDefault<z.ZodArray<typeof openingPeriodSchema>>;
      },
    )
    .prefault({}),
});

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, "Use a hex colour such as #25D366");

export const WIDGET_LABEL_MAX = 40;
export const WIDGET_NOTE_MAX = 140;

/**
 * The widget's words in other languages than the store's default: `{ ja: { label, … } }`.
 * What is missing (or empty) falls back to `label`, `greeting` and `offlineNote`.
 */
export const widgetTranslationsSchema = z
  .partialRecord(
    z.enum(SHOPPER_LANGUAGES),
    z.object({
      label: z.string().trim().max(WIDGET_LABEL_MAX).optional(),
      greeting: z.string().trim().max(WIDGET_NOTE_MAX).optional(),
      offlineNote: z.string().trim().max(WIDGET_NOTE_MAX).optional(),
    }),
  )
  .default({});

export const widgetSettingsSchema = z.object({
  position: z.enum(["right", "left"]).default("right"),
  colour: hexColour.default("#25D366"),
  label: z.string().trim().max(WIDGET_LABEL_MAX).default("Chat with us"),
  greeting: z.string().trim().max(WIDGET_NOTE_MAX).default(""),
  /** Outside business hours: show the offline note (chat still possible) or hide the widget. */
  whenClosed: z.enum(["note", "hide"]).default("note"),
  offlineNote: z
    .string()
    .trim()
    .max(WIDGET_NOTE_MAX)
    .default("We're closed now — leave a message and we'll reply when we open."),
  translations: widgetTranslationsSchema,
});

export const botSettingsSchema = z.object({
  /** The owner's greeting, per language, shown above the bot's menu. */
  greetings: z
    .partialRecord(
      z.enum(SHOPPER_LANGUAGES),
      z.string().trim().max(300, "Keep the greeting under 300 characters"),
    )
    .default({}),
  /**
   * Outside the 24-hour window, order messages go as these utility templates: per kind, the
   * template's name (sent in the order's language when the store has it) and what fills
   * {{1}}, {{2}} … in order.
   */
  orderTemplates: z
    .partialRecord(
      z.enum(ORDER_MESSAGE_KINDS),
      z.object({
        name: z.string().regex(/^[a-z0-9_]{1,512}$/),
        variables: z
          .array(z.enum(ORDER_TEMPLATE_VALUES))
          .max(ORDER_TEMPLATE_MAX_VARIABLES)
          .default([]),
      }),
    )
    .default({}),
});

/**
 * Countries Stripe Checkout may ship to unless the owner narrows it: a broad default, since
 * travellers who met the store in person buy again from home.
 */
export const DEFAULT_SHIPPING_COUNTRIES = [
  "JP",
  "US",
  "CA",
  "GB",
  "IE",
  "FR",
  "DE",
  "IT",
  "ES",
  "PT",
  "NL",
  "BE",
  "LU",
  "AT",
  "CH",
  "DK",
  "SE",
  "NO",
  "FI",
  "IS",
  "PL",
  "CZ",
  "HU",
  "GR",
  "AU",
  "NZ",
  "SG",
  "HK",
  "TW",
  "KR",
  "CN",
  "TH",
  "MY",
  "PH",
  "ID",
  "VN",
  "IN",
  "AE",
  "IL",
  "MX",
  "BR",
] as const;

export const CHECKOUT_EXPIRY_MINUTES = { min: 30, max: 24 * 60, default: 23 * 60 } as const;

export const paymentSettingsSchema = z.object({
  /** How long one Stripe Checkout Session stays open (Stripe allows 30 min to 24 h). */
  checkoutExpiryMinutes: z
    .number()
    .int()
    .min(CHECKOUT_EXPIRY_MINUTES.min, "At least 30 minutes (Stripe's minimum)")
    .max(CHECKOUT_EXPIRY_MINUTES.max, "At most 24 hours (Stripe's maximum)")
    .default(CHECKOUT_EXPIRY_MINUTES.default),
  /** ISO 3166-1 alpha-2 codes Checkout collects shipping addresses for. */
  shippingCountries: z
    .array(z.string().regex(/^[A-Z]{2}$/, "Use two-letter country codes such as JP or US"))
    .min(1, "Choose at least one country")
    .max(236)
    .default([...DEFAULT_SHIPPING_COUNTRIES]),
});

export const storeSettingsSchema = z.object({
  widget: widgetSettingsSchema.prefault({}),
  businessHours: businessHoursSchema.prefault({}),
  bot: botSettingsSchema.prefault({}),
  payments: paymentSettingsSchema.prefault({}),
});

export type StoreSettings = z.infer<typeof storeSettingsSchema>;
export type WidgetSettings = z.infer<typeof widgetSettingsSchema>;
export type BusinessHours = z.infer<typeof businessHoursSchema>;
export type BotSettings = z.infer<typeof botSettingsSchema>;
export type PaymentSettings = z.infer<typeof paymentSettingsSchema>;

/**
 * The store's settings with defaults filled in. Stored JSON that no longer validates
 * (an older shape) falls back to defaults per section rather than breaking the page.
 */
export function readStoreSettings(raw: unknown): StoreSettings {
  const record = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const widget = widgetSettingsSchema.safeParse(record.widget ?? {});
  const businessHours = businessHoursSchema.safeParse(record.businessHours ?? {});
  const bot = botSettingsSchema.safeParse(record.bot ?? {});
  const payments = paymentSettingsSchema.safeParse(record.payments ?? {});
  return {
    widget: widget.success ? widget.data : widgetSettingsSchema.parse({}),
    businessHours: businessHours.success ? businessHours.data : businessHoursSchema.parse({}),
    bot: bot.success ? bot.data : botSettingsSchema.parse({}),
    payments: payments.success ? payments.data : paymentSettingsSchema.parse({}),
  };
}

const weekdayTimeFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per time zone for the life of the process: building an Intl.DateTimeFormat
 * costs far more than using one, and nextOpeningAt asks isOpenAt hundreds of times.
 */
function weekdayTimeFormatter(timezone: string): Intl.DateTimeFormat {
  let formatter = weekdayTimeFormatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone: timezone,
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    weekdayTimeFormatters.set(timezone, formatter);
  }
  return formatter;
}

/** The weekday and "HH:MM" on the wall clock of `timezone` at `at`. */
export function wallClockAt(timezone: string, at: Date): { weekday: Weekday; time: string } {
  const parts = weekdayTimeFormatter(timezone).formatToParts(at);
  const weekday = parts
    .find((part) => part.type === "weekday")
    ?.value.toLowerCase()
    .slice(0, 3) as Weekday;
  const hour = parts.find((part) => part.type === "hour")?.value ?? "00";
  const minute = parts.find((part) => part.type === "minute")?.value ?? "00";
  return { weekday, time: `${hour}:${minute}` };
}

/** Whether `at` falls inside the opening hours, evaluated in `timezone`. */
export function isOpenAt(hours: BusinessHours, timezone: string, at: Date): boolean {
  if (!hours.enabled) return true;
  const { weekday, time } = wallClockAt(timezone, at);
  return (hours.days[weekday] ?? []).some((period) => period.open <= time && time < period.close);
}

const MINUTE_MS = 60_000;
const SEARCH_STEP_MINUTES = 15;
const SEARCH_DAYS = 8;

/**
 * The first minute at or after `at` when the store is open, or null when it never opens in
 * the next week. Steps through the week and then back to the exact minute, so it needs no
 * time-zone arithmetic of its own (isOpenAt does the zone work).
 */
export function nextOpeningAt(hours: BusinessHours, timezone: string, at: Date): Date | null {
  if (isOpenAt(hours, timezone, at)) return at;
  const start = Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS;
  const steps = (SEARCH_DAYS * 24 * 60) / SEARCH_STEP_MINUTES;
  for (let step = 1; step <= steps; step++) {
    const candidate = start + step * SEARCH_STEP_MINUTES * MINUTE_MS;
    if (!isOpenAt(hours, timezone, new Date(candidate))) continue;
    let first = candidate;
    while (first - MINUTE_MS > start && isOpenAt(hours, timezone, new Date(first - MINUTE_MS))) {
      first -= MINUTE_MS;
    }
    return new Date(first);
  }
  return null;
}
