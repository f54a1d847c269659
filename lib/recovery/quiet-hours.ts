import { wallClockAt } from "@/lib/stores/settings";

export type QuietHours = { start: string; end: string };

/** Whether `at` falls in quiet hours (start inclusive, end exclusive; may span midnight). */
export function isQuietAt(quiet: QuietHours, timezone: string, at: Date): boolean {
  const now = wallClockAt(timezone, at).time;
  return quiet.start < quiet.end
    ? quiet.start <= now && now < quiet.end
    : now >= quiet.start || now < quiet.end;
}

const MINUTE_MS = 60_000;
const STEP_MINUTES = 15;

/**
 * The first minute at or after `at` outside quiet hours. Walks forward on the wall clock
 * of `timezone` (Intl does the zone and daylight-saving work): in 15-minute steps to the
 * first quiet-free instant, then back minute by minute to where the quiet ended.
 */
export function quietHoursEndAt(quiet: QuietHours, timezone: string, at: Date): Date {
  if (!isQuietAt(quiet, timezone, at)) return at;
  const start = Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS;
  for (let step = 1; step <= (26 * 60) / STEP_MINUTES; step++) {
    const candidate = start + step * STEP_MINUTES * MINUTE_MS;
    if (isQuietAt(quiet, timezone, new Date(candidate))) continue;
    let first = candidate;
    while (first - MINUTE_MS > start && !isQuietAt(quiet, timezone, new Date(first - MINUTE_MS))) {
      first -= MINUTE_MS;
    }
    return new Date(first);
  }
  // Quiet hours cover the whole day (a zone shift can make start ≈ end): never wait forever.
  return at;
}
