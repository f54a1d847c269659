import { type BusinessHours, WEEKDAYS } from "@/lib/stores/settings";

/** en-GB short weekday names, as the widget reads them from Intl in the store's time zone. */
const WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/**
 * The weekly schedule in the compact form the widget reads from `data-hours`
 * (widget/hours.ts isOpenNow): space-separated `DddHHMM-DddHHMM` periods, e.g.
 * "Mon0900-Mon1800 Tue0900-Tue1200 Tue1300-Tue1800"; a day without periods is closed, and an
 * empty string means closed all week. (The day on both ends lets the widget compare
 * "Tue1000" with a period as plain strings.)
 */
export function encodeBusinessHours(hours: BusinessHours): string {
  return WEEKDAYS.flatMap((day, index) =>
    (hours.days[day] ?? []).map(
      (period) =>
        `${WEEKDAY_NAMES[index]}${period.open.replace(":", "")}-${WEEKDAY_NAMES[index]}${period.close.replace(":", "")}`,
    ),
  ).join(" ");
}
