import type { ShopperLanguage } from "@/lib/i18n/languages";
import { formatMoney } from "@/lib/money/format";

const LOCALES: Record<ShopperLanguage, string> = {
  en: "en",
  ja: "ja-JP",
  "zh-Hans": "zh-CN",
  ko: "ko-KR",
};

/** The Intl locale the bot formats numbers and dates with for a shopper language. */
export function localeFor(language: ShopperLanguage): string {
  return LOCALES[language];
}

export function formatPrice(minor: number, currency: string, language: ShopperLanguage): string {
  return formatMoney(minor, currency, localeFor(language));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formatters are costly to build and cheap to use: one per locale, zone and style. */
function formatter(
  locale: string,
  timezone: string,
  style: "date" | "weekday" | "time",
): Intl.DateTimeFormat {
  const key = `${locale}|${timezone}|${style}`;
  let found = formatters.get(key);
  if (!found) {
    const options: Intl.DateTimeFormatOptions =
      style === "date"
        ? { dateStyle: "medium" }
        : style === "weekday"
          ? { weekday: "long" }
          : { hour: "numeric", minute: "2-digit" };
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone: timezone });
    formatters.set(key, found);
  }
  return found;
}

/** A calendar date in the store's timezone: "Mar 3, 2025", "2025/03/03". */
export function formatDate(date: Date, timezone: string, language: ShopperLanguage): string {
  return formatter(localeFor(language), timezone, "date").format(date);
}

/**
 * Weekday and time in the store's timezone: "Monday 9:00 AM", "月曜日 9:00". Formatted in
 * two parts because some locales' combined pattern puts the weekday in brackets after the time.
 */
export function formatWeekdayTime(date: Date, timezone: string, language: ShopperLanguage): string {
  const locale = localeFor(language);
  const weekday = formatter(locale, timezone, "weekday").format(date);
  return `${weekday} ${formatter(locale, timezone, "time").format(date)}`;
}

/** A whole number of points as the language writes numbers: "1,240". */
export function formatPoints(points: number, language: ShopperLanguage): string {
  return new Intl.NumberFormat(localeFor(language)).format(points);
}

/** A ledger change with its sign: "+100", "−480" (a true minus sign, not a hyphen). */
export function formatPointsDelta(delta: number, language: ShopperLanguage): string {
  const size = formatPoints(Math.abs(delta), language);
  return delta < 0 ? `−${size}` : `+${size}`;
}

/** A birthday, month and day only: "December 24", "12月24日", "12월 24일". */
export function formatMonthDay(month: number, day: number, language: ShopperLanguage): string {
  // 2000 was a leap year, so 29 February formats too.
  return new Intl.DateTimeFormat(localeFor(language), {
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(2000, month - 1, day)));
}
