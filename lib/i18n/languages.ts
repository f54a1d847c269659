/** Languages shoppers can read the storefront, widget and prefilled messages in. */
export const SHOPPER_LANGUAGES = ["en", "ja", "zh-Hans", "ko"] as const;
export type ShopperLanguage = (typeof SHOPPER_LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<ShopperLanguage, string> = {
  en: "English",
  ja: "日本語",
  "zh-Hans": "简体中文",
  ko: "한국어",
};

/** Maps a BCP 47 tag to a supported language: "ja-JP" → ja, "zh-CN"/"zh-SG"/"zh" → zh-Hans. */
export function matchLanguage(tag: string | null | undefined): ShopperLanguage | null {
  if (!tag) return null;
  const lower = tag.trim().toLowerCase();
  if (!lower) return null;
  for (const language of SHOPPER_LANGUAGES) if (lower === language.toLowerCase()) return language;
  const [primary, ...rest] = lower.split(/[-_]/);
  if (primary === "zh") {
    // Traditional Chinese readers are better served by English than by Simplified script.
    const traditional = rest.some((part) => ["hant", "tw", "hk", "mo"].includes(part));
    return traditional ? null : "zh-Hans";
  }
  return SHOPPER_LANGUAGES.find((language) => language === primary) ?? null;
}

/**
 * Picks from an Accept-Language header by quality, falling back to `fallback`. `supported`
 * narrows the choice (the dashboard speaks fewer languages than the storefront).
 */
export function negotiateLanguage<Language extends ShopperLanguage = ShopperLanguage>(
  acceptLanguage: string | null | undefined,
  fallback: Language = "en" as Language,
  supported: readonly Language[] = SHOPPER_LANGUAGES as readonly ShopperLanguage[] as Language[],
): Language {
  if (!acceptLanguage) return fallback;
  const ranked = acceptLanguage
    .split(",")
    .map((entry, index) => {
      const [tag = "", ...params] = entry.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag, quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) {
    const language = matchLanguage(entry.tag);
    const match = supported.find((candidate) => candidate === language);
    if (match) return match;
  }
  return fallback;
}

/** The languages a form offers translations in: all but the store's default. */
export function translationLanguages(storeDefault: string): ShopperLanguage[] {
  const primary = matchLanguage(storeDefault) ?? "en";
  return SHOPPER_LANGUAGES.filter((language) => language !== primary);
}
