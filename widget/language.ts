import type { ShopperLanguage } from "@/lib/i18n/languages";

/**
 * lib/i18n/languages.ts matchLanguage in fewer bytes (the widget's budget is 2 KB):
 * "ja-JP" → ja, "zh"/"zh-CN"/"zh-Hans" → zh-Hans, Traditional Chinese and anything else → none
 * (without trimming: browsers hand over clean tags).
 * tests/unit/widget-language.test.ts holds the two to the same answers.
 */
export function matchTag(tag = ""): ShopperLanguage | undefined {
  const lower = tag.toLowerCase();
  return /^zh(?![^-_])(?!.*[-_](hant|tw|hk|mo)(?![^-_]))/.test(lower)
    ? "zh-Hans"
    : (/^(en|ja|ko)(?![^-_])/.exec(lower)?.[1] as ShopperLanguage | undefined);
}

/** The first of `tags` (data-lang, `<html lang>`, the browser's languages) we speak, else English. */
export const pickLanguage = (tags: readonly (string | undefined)[]): ShopperLanguage =>
  tags.map(matchTag).find(Boolean) ?? "en";
