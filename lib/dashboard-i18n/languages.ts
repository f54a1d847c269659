import { negotiateLanguage } from "@/lib/i18n/languages";

/** Languages the dashboard speaks. A language is one more messages file (./messages). */
export const DASHBOARD_LANGUAGES = ["en", "ja"] as const;
export type DashboardLanguage = (typeof DASHBOARD_LANGUAGES)[number];

/** Each language's name in itself, as the user menu lists them. */
export const DASHBOARD_LANGUAGE_NAMES: Record<DashboardLanguage, string> = {
  en: "English",
  ja: "日本語",
};

export function isDashboardLanguage(value: unknown): value is DashboardLanguage {
  return DASHBOARD_LANGUAGES.some((language) => language === value);
}

/**
 * The member's language: their own setting when it is one the dashboard speaks, else the
 * browser's Accept-Language (ja → ja), else English.
 */
export function chooseDashboardLanguage(input: {
  memberSetting: string | null | undefined;
  acceptLanguage: string | null | undefined;
}): DashboardLanguage {
  if (isDashboardLanguage(input.memberSetting)) return input.memberSetting;
  return negotiateLanguage<DashboardLanguage>(input.acceptLanguage, "en", DASHBOARD_LANGUAGES);
}
