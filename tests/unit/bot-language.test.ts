import { describe, expect, it } from "vitest";
import { chooseConversationLanguage, detectLanguageFromText } from "@/lib/bot/language";

describe("detectLanguageFromText", () => {
  it.each([
    ["こんにちは", "ja"],
    ["抹茶セットについて知りたいです", "ja"],
    ["カタログ", "ja"],
    ["ｶﾀﾛｸﾞ", "ja"],
    ["你好，我想了解抹茶套装", "zh-Hans"],
    ["抹茶", "zh-Hans"],
    ["안녕하세요", "ko"],
    ["Matcha 세트 있어요?", "ko"],
    ["Hi there", "en"],
    ["Do you ship to Osaka?", "en"],
    ["hi", "en"],
    ["Hello!", "en"],
    ["Hey (ref K7Q2M)", "en"],
  ] as const)("%s → %s", (message, language) => {
    expect(detectLanguageFromText(message)).toBe(language);
  });

  it.each(["ok", "K7Q2M", "👍", "", "12345", "ok (ref K7Q2M)", "Привет друг", "hola", "Matcha"])(
    "%j says nothing about the language",
    (message) => {
      expect(detectLanguageFromText(message)).toBeNull();
    },
  );
});

describe("chooseConversationLanguage", () => {
  const base = { storeDefault: "ja-JP" };

  it("takes the storefront click's language first", () => {
    const language = chooseConversationLanguage({
      ...base,
      clickLanguage: "ko-KR",
      customerLocale: "en",
      text: "こんにちは",
    });
    expect(language).toBe("ko");
  });

  it("then the customer's stored locale", () => {
    expect(
      chooseConversationLanguage({ ...base, customerLocale: "zh-CN", text: "Hello there" }),
    ).toBe("zh-Hans");
  });

  it("then the language the message is written in", () => {
    expect(chooseConversationLanguage({ ...base, customerLocale: null, text: "Hello there" })).toBe(
      "en",
    );
    expect(chooseConversationLanguage({ storeDefault: "en", text: "안녕하세요" })).toBe("ko");
  });

  it('answers a first English "hi" to a Japanese store in English', () => {
    expect(chooseConversationLanguage({ ...base, text: "hi" })).toBe("en");
    expect(chooseConversationLanguage({ ...base, text: "Hi!" })).toBe("en");
  });

  it("then the store default", () => {
    expect(chooseConversationLanguage({ ...base, text: "ok" })).toBe("ja");
    expect(chooseConversationLanguage({ storeDefault: "en-US" })).toBe("en");
  });

  it("skips unsupported tags instead of giving up", () => {
    const language = chooseConversationLanguage({
      ...base,
      clickLanguage: "zh-TW",
      customerLocale: "fr-FR",
      text: "Where is my order",
    });
    expect(language).toBe("en");
  });

  it("only picks languages the store offers", () => {
    const language = chooseConversationLanguage({
      storeDefault: "ja",
      storeLanguages: ["ja", "en"],
      customerLocale: "ko",
      text: "안녕하세요",
    });
    expect(language).toBe("ja");
    const offered = chooseConversationLanguage({
      storeDefault: "ja",
      storeLanguages: ["ja", "en"],
      customerLocale: "ko",
      text: "Hello there",
    });
    expect(offered).toBe("en");
  });

  it("always returns a supported language", () => {
    expect(chooseConversationLanguage({ storeDefault: "fr" })).toBe("en");
    expect(chooseConversationLanguage({ storeDefault: "fr", storeLanguages: ["ko"] })).toBe("ko");
  });
});
