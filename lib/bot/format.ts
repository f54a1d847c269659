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

/** A calendar date in the store's timezone: "Mar 3, 2025", "2025/03/03". */
export function formatDate(date: Date, timezone: string, language: ShopperLanguage): string {
  return new Intl.DateTimeFormat(localeFor(language), {
    dateStyle: "medium",
    timeZone: timezone,
  }).format(date);
}

/**
 * Weekday and time in the store's timezone: "Monday 9:00 AM", "月曜日 9:00". Formatted in
 * two parts because some locales' combined pattern puts the weekday in brackets after the time.
 */
export function formatWeekdayTime(date: Date, timezone: string, language: ShopperLanguage): string {
  const locale = localeFor(language);
  const weekday = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: timezone });
  const time = new Intl.DateTimeFormat(locale, {
    hour: "numeric",
    minute: "2-digit",
    timeZone: timezone,
  });
  return `${weekday.format(date)} ${time.format(date)}`;
}
