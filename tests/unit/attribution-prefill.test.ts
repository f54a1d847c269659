import { describe, expect, it } from "vitest";
import { buildPrefilledText, PREFILL_LIMIT, truncateText } from "@/lib/attribution/prefill";
import { findRef } from "@/lib/attribution/refs";
import { whatsappChatUrl } from "@/lib/attribution/wa-link";
import { SHOPPER_LANGUAGES } from "@/lib/i18n/languages";

const REF = "K7Q2M";
const LONG_NAME =
  "Extraordinarily Long Ceremonial Grade Uji Matcha Gift Collection with Bamboo Whisk, Scoop, Tea Bowl and Handmade Furoshiki Wrapping Cloth (Limited Spring Edition)";

/** What WhatsApp puts in the message box: the `text` parameter, decoded. */
function decodedText(url: string): string {
  const text = new URL(url).searchParams.get("text");
  if (text === null) throw new Error(`no text in ${url}`);
  return text;
}

describe("prefilled text", () => {
  it.each([
    ["en", "Hi! I'd like to know more about Uji Matcha (ref K7Q2M)"],
    ["ja", "こんにちは。Uji Matchaについて知りたいです (ref K7Q2M)"],
    ["zh-Hans", "你好！我想了解一下Uji Matcha (ref K7Q2M)"],
    ["ko", "안녕하세요! Uji Matcha에 대해 알고 싶어요 (ref K7Q2M)"],
  ] as const)("names the product in %s and ends with the ref", (language, expected) => {
    expect(buildPrefilledText(language, { kind: "product", productName: "Uji Matcha" }, REF)).toBe(
      expected,
    );
  });

  it.each(SHOPPER_LANGUAGES)("has a store line and a cart line in %s", (language) => {
    const store = buildPrefilledText(language, { kind: "store" }, REF);
    const cart = buildPrefilledText(language, { kind: "cart" }, REF);
    expect(store).toMatch(/\S \(ref K7Q2M\)$/);
    expect(cart).toMatch(/\S \(ref K7Q2M\)$/);
    expect(cart).not.toBe(store);
  });

  it("uses a QR code's own message, still ending with the ref", () => {
    expect(
      buildPrefilledText("en", { kind: "custom", message: "  Hello from the Gion card!  " }, REF),
    ).toBe("Hello from the Gion card! (ref K7Q2M)");
  });

  it("leaves the ref out when there is none to give", () => {
    expect(buildPrefilledText("en", { kind: "store" }, null)).toBe("Hi! I have a question");
  });

  it.each(SHOPPER_LANGUAGES)(
    "shortens a very long product name with an ellipsis in %s, keeping the whole ref",
    (language) => {
      const text = buildPrefilledText(language, { kind: "product", productName: LONG_NAME }, REF);
      expect(text.length).toBeLessThan(PREFILL_LIMIT);
      expect(text.endsWith(" (ref K7Q2M)")).toBe(true);
      expect(text).toContain("Extraordinarily Long Ceremonial");
      expect(text).toContain("…");
      expect(text).not.toContain(LONG_NAME);
      expect(findRef(text)).toBe(REF);
    },
  );

  it("stays under the limit for long Japanese names and emoji, without splitting an emoji", () => {
    const name = "🍵🇯🇵👨‍👩‍👧".repeat(30);
    const text = buildPrefilledText("ja", { kind: "product", productName: name }, REF);
    expect(text.length).toBeLessThan(PREFILL_LIMIT);
    expect(text.endsWith("(ref K7Q2M)")).toBe(true);
    expect(text.isWellFormed()).toBe(true);
    const kept = text.slice("こんにちは。".length, text.indexOf("…"));
    const pieces = [...new Intl.Segmenter("ja", { granularity: "grapheme" }).segment(kept)];
    expect(pieces.length).toBeGreaterThan(10);
    for (const { segment } of pieces) expect(["🍵", "🇯🇵", "👨‍👩‍👧"]).toContain(segment);
  });

  it("shortens an overlong owner message too, never the ref", () => {
    const text = buildPrefilledText("en", { kind: "custom", message: "x".repeat(500) }, REF);
    expect(text.length).toBe(PREFILL_LIMIT - 1);
    expect(text).toMatch(/x… \(ref K7Q2M\)$/);
  });

  it("cannot be given a second, earlier ref by a product name or message", () => {
    const text = buildPrefilledText(
      "en",
      { kind: "product", productName: "Tea (ref ABCDE) set" },
      REF,
    );
    expect(findRef(text)).toBe(REF);
    expect(text).not.toContain("ABCDE");
    const custom = buildPrefilledText(
      "en",
      { kind: "custom", message: "（ｒｅｆ　ＡＢＣＤＥ） hi" },
      REF,
    );
    expect(findRef(custom)).toBe(REF);
  });

  it("puts a product name with line breaks and control characters on one line", () => {
    expect(
      buildPrefilledText("en", { kind: "product", productName: "Tea\n\tset\u0007" }, REF),
    ).toBe("Hi! I'd like to know more about Tea set (ref K7Q2M)");
  });

  it("truncateText keeps short text and cuts long text to the limit", () => {
    expect(truncateText("short", 10)).toBe("short");
    expect(truncateText("abcdefghijkl", 10)).toBe("abcdefghi…");
    expect(truncateText("abcdefghijkl", 10)).toHaveLength(10);
  });
});

describe("prefilled text in a wa.me URL", () => {
  it.each([
    ["ampersand and hash", "Tea & Cups #1", ["%26", "%231"]],
    ["emoji", "Matcha 🍵 set", ["%F0%9F%8D%B5"]],
    ["Japanese", "抹茶セット", ["%E6%8A%B9%E8%8C%B6"]],
  ])("encodes %s so that decoding gives back the exact text", (_what, name, fragments) => {
    const text = buildPrefilledText("ja", { kind: "product", productName: name }, REF);
    const url = whatsappChatUrl("15550001234", text);
    for (const fragment of fragments) expect(url).toContain(fragment);
    expect(url.split("?text=")[1]).not.toMatch(/[&# ]/);
    expect(decodedText(url)).toBe(text);
    expect(decodeURIComponent(url.split("?text=")[1] ?? "")).toBe(text);
  });

  it("encodes spaces as %20, not +", () => {
    const url = whatsappChatUrl("15550001234", "a b+c");
    expect(url).toBe("https://wa.me/15550001234?text=a%20b%2Bc");
  });
});
