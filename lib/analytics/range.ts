import { z } from "zod";

/**
 * The analytics pages' date range: which calendar days (in the store's time zone) a view
 * covers, the previous period of the same length it is compared with, and the UTC instants
 * the SQL filters on. The range lives in the URL (`?range=30d`, `?range=custom&from=…&to=…`),
 * so a view can be shared and reloaded.
 */
export const RANGE_PRESETS = ["7d", "30d", "90d", "mtd", "custom"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** Calendar days YYYY-MM-DD, both included, in the store's time zone. */
export type DayRange = { from: string; to: string };

/** A day range as the instants `from <= t < to` that the queries use. */
export type AnalyticsWindow = DayRange & {
  timezone: string;
  start: Date;
  end: Date;
};

export type AnalyticsRange = {
  preset: RangePreset;
  current: AnalyticsWindow;
  /** The same number of days immediately before `current`. */
  previous: AnalyticsWindow;
  days: number;
  /** Revenue over time: daily up to 90 days, weekly (ISO weeks, Monday first) beyond. */
  bucket: "day" | "week";
  /** The URL asked for something unusable; the page says so and shows 30 days. */
  invalid: boolean;
};

export const MAX_RANGE_DAYS = 731;
const DEFAULT_PRESET = "30d";
const DAY_MS = 86_400_000;

const dayText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  });

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysBetween({ from, to }: DayRange): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** The calendar day in `timezone` at `at`, as YYYY-MM-DD. */
export function localDay(timezone: string, at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: timezone }).format(at);
}

/** How far `timezone`'s wall clock is ahead of UTC at `at`, in milliseconds. */
function offsetAt(timezone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: timezone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant the calendar day `day` begins in `timezone`. Where a DST change skips
 * midnight, the day begins at the first wall-clock time that exists.
 */
export function startOfLocalDay(day: string, timezone: string): Date {
  const wallMidnight = Date.parse(`${day}T00:00:00Z`);
  let instant = wallMidnight - offsetAt(timezone, new Date(wallMidnight));
  // Once more with the offset at the candidate: right unless a change lies between the two.
  instant = wallMidnight - offsetAt(timezone, new Date(instant));
  // A skipped midnight lands on the previous day; the day then starts an offset change later.
  while (localDay(timezone, new Date(instant)) < day) instant += 15 * 60_000;
  return new Date(instant);
}

export function windowOf(days: DayRange, timezone: string): AnalyticsWindow {
  return {
    ...days,
    timezone,
    start: startOfLocalDay(days.from, timezone),
    end: startOfLocalDay(addDays(days.to, 1), timezone),
  };
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function presetDays(preset: Exclude<RangePreset, "custom">, today: string): DayRange {
  if (preset === "mtd") return { from: `${today.slice(0, 8)}01`, to: today };
  const length = Number(preset.slice(0, -1));
  return { from: addDays(today, 1 - length), to: today };
}

/**
 * The range a page's search params ask for. Presets end today (in the store's time zone);
 * a custom range may not end in the future or span more than two years. Anything unusable
 * falls back to the last 30 days with `invalid` set.
 */
export function parseAnalyticsRange(
  params: Record<string, string | string[] | undefined>,
  timezone: string,
  now: Date,
): AnalyticsRange {
  const today = localDay(timezone, now);
  const asked = first(params.range);
  let preset: RangePreset = DEFAULT_PRESET;
  let days = presetDays(DEFAULT_PRESET, today);
  let invalid = asked !== undefined;
  if (asked === "custom") {
    const from = dayText.safeParse(first(params.from));
    const to = dayText.safeParse(first(params.to));
    if (
      from.success &&
      to.success &&
      from.data <= to.data &&
      to.data <= today &&
      daysBetween({ from: from.data, to: to.data }) <= MAX_RANGE_DAYS
    ) {
      preset = "custom";
      days = { from: from.data, to: to.data };
      invalid = false;
    }
  } else if (asked === "7d" || asked === "30d" || asked === "90d" || asked === "mtd") {
    preset = asked;
    days = presetDays(asked, today);
    invalid = false;
  }
  return { preset, ...rangeOfDays(days, timezone), invalid };
}

/** `days` compared with as many days before them, both as windows in `timezone`. */
export function rangeOfDays(
  days: DayRange,
  timezone: string,
): Pick<AnalyticsRange, "current" | "previous" | "days" | "bucket"> {
  const length = daysBetween(days);
  const previous = { from: addDays(days.from, -length), to: addDays(days.from, -1) };
  return {
    current: windowOf(days, timezone),
    previous: windowOf(previous, timezone),
    days: length,
    bucket: length > 90 ? "week" : "day",
  };
}

/** The search params that reproduce `range` (for links between the analytics pages). */
export function rangeSearchParams(range: Pick<AnalyticsRange, "preset" | "current">): string {
  const params = new URLSearchParams({ range: range.preset });
  if (range.preset === "custom") {
    params.set("from", range.current.from);
    params.set("to", range.current.to);
  }
  return params.toString();
}

/** Change from `previous` to `current`: the difference and the percentage (null from 0). */
export function compare(current: number, previous: number) {
  return {
    delta: current - previous,
    percent: previous === 0 ? null : ((current - previous) / Math.abs(previous)) * 100,
  };
}
