/**
 * "Open now?" in the browser, from the schedule the dashboard writes into `data-hours`
 * (lib/widget/hours.ts encodeBusinessHours): space-separated periods such as
 * "Mon0900-Mon1800 Sat1000-Sat1400", a day without a period being closed. Same rule as
 * lib/stores/settings.ts isOpenAt: open when opening ≤ local time < closing, in the store's
 * time zone. No schedule, or a time zone this browser does not know, counts as open (the
 * widget shows rather than vanish).
 */
export function isOpenNow(
  hours: string | undefined,
  timeZone: string | undefined,
  at: Date,
): boolean {
  try {
    // No schedule throws here, before paying for Intl's date formatting (milliseconds, cold).
    const periods = hours!.split(" ");
    // "Mon 09:05" → "Mon0905": British English puts the weekday first and counts hours 00–23.
    const now = at
      .toLocaleString("en-GB", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit" })
      .replace(/\W/g, "");
    // "Mon0900" ≤ now < "Mon1800" compares the day too, so another day's period never matches.
    return periods.some((period) => period.slice(0, 7) <= now && now < period.slice(8));
  } catch {
    return true;
  }
}
