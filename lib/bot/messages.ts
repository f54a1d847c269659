import type { ShopperLanguage } from "@/lib/i18n/languages";
import en, { type BotMessages } from "./messages/en";
import ja from "./messages/ja";
import ko from "./messages/ko";
import zhHans from "./messages/zh-Hans";

export type { BotMessages };
export { formatMessage } from "@/lib/i18n/messages";

const BOT_MESSAGES: Record<ShopperLanguage, BotMessages> = { en, ja, "zh-Hans": zhHans, ko };

export function botMessagesFor(language: ShopperLanguage): BotMessages {
  return BOT_MESSAGES[language];
}
