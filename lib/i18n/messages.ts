import en, { type Messages } from "./messages/en";
import ja from "./messages/ja";
import ko from "./messages/ko";
import zhHans from "./messages/zh-Hans";
import type { ShopperLanguage } from "./languages";

export type { Messages };

const MESSAGES: Record<ShopperLanguage, Messages> = { en, ja, "zh-Hans": zhHans, ko };

export function messagesFor(language: ShopperLanguage): Messages {
  return MESSAGES[language];
}

/** Replaces {name} placeholders: formatMessage("Hi {who}", { who: "Aiko" }). */
export function formatMessage(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
