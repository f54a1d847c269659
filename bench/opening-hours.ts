/**
 * `npm run bench:opening-hours`: what the bot's opening-hours check costs while a store is
 * closed (nextOpeningAt steps through the coming week, asking isOpenAt hundreds of times),
 * next to the same walk as it was before formatters were cached (a new Intl.DateTimeFormat
 * per step, written out below as the baseline). Not a test: it prints figures and a ratio.
 * Options (environment): BENCH_ITERATIONS (default 200).
 */
import { type BusinessHours, isOpenAt, nextOpeningAt } from "@/lib/stores/settings";

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const TIMEZONE = "Asia/Tokyo";
const HOURS = {
  enabled: true,
  days: {
    mon: [{ open: "10:00", close: "18:00" }],
    tue: [],
    wed: [],
    thu: [],
    fri: [],
    sat: [],
    sun: [],
  },
} as unknown as BusinessHours;

/** The check as it was: a formatter built on every call. */
function isOpenAtUncached(hours: BusinessHours, timezone: string, at: Date): boolean {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: timezone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const weekday = parts
    .find((part) => part.type === "weekday")
    ?.value.toLowerCase()
    .slice(0, 3);
  const hour = parts.find((part) => part.type === "hour")?.value ?? "00";
  const minute = parts.find((part) => part.type === "minute")?.value ?? "00";
  const now = `${hour}:${minute}`;
  const days = hours.days as Record<string, { open: string; close: string }[]>;
  return (days[weekday ?? ""] ?? []).some((period) => period.open <= now && now < period.close);
}

/** nextOpeningAt's walk (15-minute steps for 8 days), with the uncached check. */
function nextOpeningAtUncached(at: Date): number {
  let steps = 0;
  for (let step = 0; step <= (8 * 24 * 60) / 15; step++) {
    steps++;
    if (isOpenAtUncached(HOURS, TIMEZONE, new Date(at.getTime() + step * 15 * 60_000))) break;
  }
  return steps;
}

function measure(label: string, run: (at: Date) => unknown): number {
  // Tuesday 09:00 in Tokyo: closed until next Monday, the longest walk but one.
  const at = new Date("2026-12-08T00:00:00Z");
  for (let i = 0; i < 5; i++) run(at);
  const start = process.hrtime.bigint();
  for (let i = 0; i < ITERATIONS; i++) run(at);
  const perCallMs = Number(process.hrtime.bigint() - start) / 1e6 / ITERATIONS;
  console.log(`${label.padEnd(44)} ${perCallMs.toFixed(3)} ms per check`);
  return perCallMs;
}

if (nextOpeningAt(HOURS, TIMEZONE, new Date("2026-12-08T00:00:00Z")) === null) {
  throw new Error("the bench's hours never open");
}
if (isOpenAt(HOURS, TIMEZONE, new Date("2026-12-08T00:00:00Z"))) throw new Error("expected closed");
const before = measure("before: a formatter per step (baseline)", nextOpeningAtUncached);
const after = measure("after: nextOpeningAt, cached formatter", (at) =>
  nextOpeningAt(HOURS, TIMEZONE, at),
);
console.log(
  `ratio after ÷ before: ${(after / before).toFixed(3)} (${(before / after).toFixed(1)}× faster)`,
);
