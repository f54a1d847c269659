import { describe, expect, it } from "vitest";
import { botMessagesFor } from "@/lib/bot/messages";
import { SHOPPER_LANGUAGES } from "@/lib/i18n/languages";
import { classifyConsentKeyword, CONSENT_KEYWORDS } from "@/lib/whatsapp/consent-keywords";

const FULL_WIDTH_OFFSET = 0xfee0;
const fullWidth = (text: string) =>
  text.replace(/[!-~]/g, (char) => String.fromCharCode(char.charCodeAt(0) + FULL_WIDTH_OFFSET));

describe("classifyConsentKeyword", () => {
  const optOut = [
    "STOP",
    "STOPALL",
    "UNSUBSCRIBE",
    "CANCEL",
    "END",
    "QUIT",
    "停止",
    "配信停止",
    "退订",
    "수신거부",
  ];

  it("lists the agreed keywords", () => {
    expect(
      Object.values(CONSENT_KEYWORDS)
        .flatMap((k) => k.optOut)
        .sort(),
    ).toEqual([...optOut].sort());
    for (const language of SHOPPER_LANGUAGES) {
      expect(CONSENT_KEYWORDS[language].optIn).toContain("START");
    }
  });

  for (const language of SHOPPER_LANGUAGES) {
    const { optOut: out, optIn } = CONSENT_KEYWORDS[language];
    it.each(out)(`${language}: %s opts out, however it is typed`, (keyword) => {
      for (const typed of [
        keyword,
        keyword.toLowerCase(),
        ` ${keyword} `,
        `${keyword}.`,
        `${keyword}!`,
        `${keyword}。`,
        fullWidth(keyword),
      ]) {
        expect(classifyConsentKeyword(typed), typed).toBe("opt_out");
      }
    });
    it.each(optIn)(`${language}: %s opts in`, (keyword) => {
      for (const typed of [keyword, keyword.toLowerCase(), `${keyword}!`, fullWidth(keyword)]) {
        expect(classifyConsentKeyword(typed), typed).toBe("opt_in");
      }
    });
  }

  it.each([
    "Stop",
    "stop!!",
    "ＳＴＯＰ",
    "ｓｔｏｐ",
    "「停止」",
    "停止！",
    "　停止　",
    "Start",
    "ｓｔａｒｔ。",
  ])("normalises %j", (typed) => {
    expect(classifyConsentKeyword(typed)).not.toBeNull();
  });

  it.each([
    "don't stop the order",
    "stop sending me the wrong size",
    "please cancel my order",
    "start my order",
    "when does the sale end?",
    "配信停止してください",
    "stopp",
    "STOP STOP",
    "",
    "hi",
  ])("%j is not a keyword", (typed) => {
    expect(classifyConsentKeyword(typed)).toBeNull();
  });
});

describe("messages name keywords that work", () => {
  for (const language of SHOPPER_LANGUAGES) {
    const messages = botMessagesFor(language);
    it(`${language}: the opt-out confirmation names every opt-in keyword of the language`, () => {
      for (const keyword of CONSENT_KEYWORDS[language].optIn) {
        expect(messages.optOut.confirmation).toContain(keyword);
      }
    });
    it(`${language}: saying yes tells how to stop, with a keyword of the language`, () => {
      const named = CONSENT_KEYWORDS[language].optOut.filter((keyword) =>
        messages.consent.thanksYes.includes(keyword),
      );
      expect(named.length).toBeGreaterThan(0);
    });
  }
});
