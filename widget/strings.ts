import type { ShopperLanguage } from "@/lib/i18n/languages";

/** The widget's own words, `|`-separated: button name, desktop panel title, open-here link, close. */
export const STRINGS: Record<ShopperLanguage, string> = {
  en: "Chat on WhatsApp|Continue on your phone|Open WhatsApp here|Close",
  ja: "WhatsAppでチャット|スマホで続ける|このPCで開く|閉じる",
  "zh-Hans": "WhatsApp 聊天|在手机上继续|在电脑上打开|关闭",
  ko: "WhatsApp 채팅|휴대폰으로 계속|이 PC에서 열기|닫기",
};
