import { describe, expect, it } from "vitest";
import { cardPhrases } from "@/components/qr/card-phrases";
import { SHOPPER_LANGUAGES } from "@/lib/i18n/languages";
import { messagesFor } from "@/lib/i18n/messages";

describe("the shop card's phrases", () => {
  it("keeps Japanese particles with their word, so no kana is wrapped alone", () => {
    expect(cardPhrases("スキャンしてWhatsAppでチャット", "ja")).toEqual([
      "スキャンして",
      "WhatsAppで",
      "チャット",
    ]);
  });

  it("keeps a one-character Chinese word with its neighbour", () => {
    expect(cardPhrases("扫码通过 WhatsApp 与我们聊天", "zh-Hans")).toEqual([
      "扫码",
      "通过",
      " ",
      "WhatsApp",
      " ",
      "与我们",
      "聊天",
    ]);
    expect(cardPhrases("请扫码聊天吧", "zh-Hans").every((phrase) => [...phrase].length > 1)).toBe(
      true,
    );
  });

  it("breaks English and Korean at spaces only", () => {
    expect(cardPhrases("스캔하여 WhatsApp으로 채팅하기", "ko")).toEqual([
      "스캔하여",
      " ",
      "WhatsApp으로",
      " ",
      "채팅하기",
    ]);
    expect(cardPhrases("Scan to chat", "en")).toEqual(["Scan", " ", "to", " ", "chat"]);
  });

  it.each(SHOPPER_LANGUAGES)("loses no character of the %s line", (language) => {
    const line = messagesFor(language).shopCard.scanToChat;
    expect(cardPhrases(line, language).join("")).toBe(line);
  });
});
