import { describe, expect, it } from "vitest";
import { matchLanguage } from "@/lib/i18n/languages";
import { matchTag, pickLanguage } from "@/widget/language";

const TAGS = [
  "en",
  "en-US",
  "en_GB",
  "EN",
  "ja",
  "ja-JP",
  "JA_jp",
  "ko",
  "ko-KR",
  "zh",
  "zh-CN",
  "zh-SG",
  "zh-Hans",
  "zh-hans-CN",
  "zh-Hant",
  "zh-TW",
  "zh-HK",
  "zh-MO",
  "zh-Hant-TW",
  "zh_TW",
  "fr",
  "fr-FR",
  "de",
  "english",
  "jav",
  "kok",
  "zhx",
  "",
  "x-klingon",
  "es-419",
];

describe("widget language", () => {
  it.each(TAGS)("maps %j like lib/i18n matchLanguage", (tag) => {
    expect(matchTag(tag) ?? null).toBe(matchLanguage(tag));
  });

  it("takes data-lang first, then the page's lang, then the browser's, else English", () => {
    expect(pickLanguage(["ko", "ja", "en-US"])).toBe("ko");
    expect(pickLanguage([undefined, "ja-JP", "en-US"])).toBe("ja");
    expect(pickLanguage([undefined, "", "zh-CN"])).toBe("zh-Hans");
    expect(pickLanguage([undefined, "fr", "de-DE"])).toBe("en");
    expect(pickLanguage(["zh-TW", "de", "ja"])).toBe("ja");
  });
});
