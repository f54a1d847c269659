import { z } from "zod";

/** Calendar days (YYYY-MM-DD, both included) in the store's time zone. */
export type KpiRange = { from: string; to: string };

export const KPI_PERIODS = ["7", "30", "90", "custom"] as const;
export type KpiPeriod = (typeof KPI_PERIODS)[number];

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    // 2024-13-45 passes the pattern but is no date (toISOString would throw).
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  });

/** Today in `timezone` as YYYY-MM-DD. */
export function todayIn(timezone: string, now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: timezone }).format(now);
}

function addDays(dayText: string, days: number): string {
  const date = new Date(`${dayText}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The page's period from its search params: the last 7/30/90 days including today, or a
 * custom from–to (at most two years). Anything unusable falls back to 30 days and says so.
 */
export function parseKpiRange(
  params: Record<string, string | string[] | undefined>,
  timezone: string,
  now: Date,
): { period: KpiPeriod; range: KpiRange; invalid: boolean } {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const today = todayIn(timezone, now);
  const lastDays = (days: number): KpiRange => ({ from: addDays(today, 1 - days), to: today });
  const period = first(params.period);
  if (period === "7" || period === "30" || period === "90") {
    return { period, range: lastDays(Number(period)), invalid: false };
  }
  if (period === "custom") {
    const from = day.safeParse(first(params.from));
    const to = day.safeParse(first(params.to));
    if (from.success && to.success && from.data <= to.data && addDays(from.data, 731) > to.data) {
      return { period, range: { from: from.data, to: to.data }, invalid: false };
    }
  }
  return { period: "30", range: lastDays(30), invalid: period !== undefined };
}
