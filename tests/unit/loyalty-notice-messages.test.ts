import { describe, expect, it } from "vitest";
import { SHOPPER_LANGUAGES } from "@/lib/i18n/languages";
import { LOYALTY_NOTICE_MESSAGES, type LoyaltyNoticeKind } from "@/lib/loyalty/notice-messages";

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("loyalty notices", () => {
  it.each(SHOPPER_LANGUAGES)("%s fills the same values as English", (language) => {
    const kinds = Object.keys(LOYALTY_NOTICE_MESSAGES.en) as LoyaltyNoticeKind[];
    for (const kind of kinds) {
      const english = LOYALTY_NOTICE_MESSAGES.en[kind];
      const text = LOYALTY_NOTICE_MESSAGES[language][kind];
      expect(text, `${language} ${kind}`).toBeTruthy();
      expect(placeholders(text)).toEqual(placeholders(english));
    }
  });

  it("the warning names the points, the date and the programme", () => {
    expect(placeholders(LOYALTY_NOTICE_MESSAGES.en.expiry_warning)).toEqual([
      "date",
      "points",
      "programme",
    ]);
  });
});
