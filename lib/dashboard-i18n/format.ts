import { formatMoney } from "@/lib/money/format";
import type { DashboardLanguage } from "./languages";

/** Dates, numbers and money in the member's language (Intl does the work). */
export function dashboardFormatters(language: DashboardLanguage) {
  const number = new Intl.NumberFormat(language);
  return {
    number: (value: number) => number.format(value),
    percent: (value: number) =>
      new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value),
    money: (minor: number, currency: string) => formatMoney(minor, currency, language),
    /** "Dec 6, 2026, 10:05 AM" / "2026/12/06 10:05" in the store's time zone. */
    dateTime: (date: Date, timeZone: string) =>
      new Intl.DateTimeFormat(language, {
        dateStyle: "medium",
        timeStyle: "short",
        timeZone,
      }).format(date),
    date: (date: Date, timeZone: string) =>
      new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone }).format(date),
  };
}

export type DashboardFormatters = ReturnType<typeof dashboardFormatters>;
