import { describe, expect, it } from "vitest";
import {
  languageCookieFromQuery,
  LANGUAGE_COOKIE,
  resolveShopperLanguage,
} from "@/lib/storefront/language";

const resolve = (input: Partial<Parameters<typeof resolveShopperLanguage>[0]>) =>
  resolveShopperLanguage({ storeDefault: "ja", ...input });

describe("storefront language", () => {
  it("takes Accept-Language by quality, not by order", () => {
    expect(resolve({ acceptLanguage: "fr;q=0.9, ko;q=0.8, en;q=0.85" }).language).toBe("en");
    expect(resolve({ acceptLanguage: "de-DE, ko-KR;q=0.7, ja;q=0.5" }).language).toBe("ko");
    expect(resolve({ acceptLanguage: "en-US,en;q=0.9,ja;q=0.8" })).toEqual({
      language: "en",
      source: "negotiated",
    });
  });

  it("ignores languages with q=0", () => {
    expect(resolve({ acceptLanguage: "en;q=0, ko" }).language).toBe("ko");
    expect(resolve({ acceptLanguage: "en;q=0", storeDefault: "ko" }).language).toBe("ko");
  });

  it("serves Simplified Chinese to zh-CN and zh-SG, but never to Traditional readers", () => {
    expect(resolve({ acceptLanguage: "zh-CN,zh;q=0.9" }).language).toBe("zh-Hans");
    expect(resolve({ acceptLanguage: "zh-SG" }).language).toBe("zh-Hans");
    expect(resolve({ acceptLanguage: "zh-TW", storeDefault: "en" }).language).toBe("en");
    expect(resolve({ acceptLanguage: "zh-Hant-HK, ja;q=0.3" }).language).toBe("ja");
    expect(resolve({ acceptLanguage: "zh-TW,zh;q=0.9", storeDefault: "en" }).language).toBe(
      "zh-Hans",
    );
  });

  it("lets ?lang= override the cookie, and the cookie override Accept-Language", () => {
    expect(resolve({ query: "ko", cookie: "en", acceptLanguage: "ja" })).toEqual({
      language: "ko",
      source: "query",
    });
    expect(resolve({ cookie: "en", acceptLanguage: "ja" })).toEqual({
      language: "en",
      source: "cookie",
    });
    expect(resolve({ query: "zh-hans", cookie: "en" }).language).toBe("zh-Hans");
  });

  it("skips unsupported or malformed values instead of failing", () => {
    expect(resolve({ query: "xx", cookie: "ko" }).language).toBe("ko");
    expect(resolve({ query: "", cookie: "<script>", acceptLanguage: "en" }).language).toBe("en");
    expect(resolve({ acceptLanguage: ";;;,q=abc" }).language).toBe("ja");
  });

  it("falls back to the store's default language, and to English when that is unsupported", () => {
    expect(resolve({})).toEqual({ language: "ja", source: "negotiated" });
    expect(resolve({ acceptLanguage: "fr-FR, de" }).language).toBe("ja");
    expect(resolve({ storeDefault: "fr" }).language).toBe("en");
  });

  it("persists a language chosen with ?lang= in a SameSite=Lax cookie, only when it changes", () => {
    expect(languageCookieFromQuery("ja", undefined, { secure: true })).toEqual({
      name: LANGUAGE_COOKIE,
      value: "ja",
      options: expect.objectContaining({ sameSite: "lax", path: "/", secure: true }),
    });
    expect(languageCookieFromQuery("zh-CN", "en", { secure: false })?.value).toBe("zh-Hans");
    expect(languageCookieFromQuery("ja", "ja", { secure: false })).toBeNull();
    expect(languageCookieFromQuery("xx", "ja", { secure: false })).toBeNull();
    expect(languageCookieFromQuery(undefined, "ja", { secure: false })).toBeNull();
  });
});
