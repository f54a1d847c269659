import { z } from "zod";
import {
  type BusinessHours,
  openingPeriodSchema,
  type StoreSettings,
  WEEKDAYS,
  type Weekday,
} from "./settings";

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

/**
 * Settings → Business hours (strings from FormData) → the store's business hours, used by the
 * widget and the bot. Switching them on with every day closed is refused at the switch.
 */
export const businessHoursFormSchema = z
  .object({
    hoursEnabled: z
      .literal("on")
      .optional()
      .transform((value) => value === "on"),
    ...(Object.fromEntries(WEEKDAYS.map((day) => [hoursField(day), periodsText.default([])])) as {
      [F in HoursField]: z.ZodDefault<typeof periodsText>;
    }),
  })
  .refine(
    (form) => !form.hoursEnabled || WEEKDAYS.some((day) => form[hoursField(day)].length > 0),
    {
      path: ["hoursEnabled"],
      message:
        "Every day is closed: add opening hours for at least one day, or turn business hours off.",
    },
  )
  .transform((form): Pick<StoreSettings, "businessHours"> => ({
    businessHours: {
      enabled: form.hoursEnabled,
      days: Object.fromEntries(
        WEEKDAYS.map((day) => [day, form[hoursField(day)]]),
      ) as BusinessHours["days"],
    },
  }));

/** The form's initial values for stored hours (what `businessHoursFormSchema` reads back). */
export function businessHoursFormValues(businessHours: BusinessHours): Record<string, string> {
  const values: Record<string, string> = {};
  if (businessHours.enabled) values.hoursEnabled = "on";
  for (const day of WEEKDAYS) values[hoursField(day)] = formatPeriods(businessHours.days[day]);
  return values;
}
