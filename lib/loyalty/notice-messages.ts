import type { ShopperLanguage } from "@/lib/i18n/languages";

/**
 * Loyalty messages tick sends on its own (DESIGN §4c), free-form inside the 24-hour window.
 * {points}, {date}, {programme} and {balance} are filled in.
 */
export type LoyaltyNoticeKind = "expiry_warning" | "birthday";

export const LOYALTY_NOTICE_MESSAGES: Record<ShopperLanguage, Record<LoyaltyNoticeKind, string>> = {
  en: {
    expiry_warning:
      "{points} of your {programme} points expire on {date}. Earn or use points before then to keep them.",
    birthday: "Happy birthday! 🎂 {points} {programme} points are yours. Balance: {balance}.",
  },
  ja: {
    expiry_warning:
      "{programme}の{points}ポイントが{date}に失効します。それまでにポイントを貯めるか使うと、失効しません。",
    birthday:
      "お誕生日おめでとうございます！🎂 {programme}の{points}ポイントをプレゼントしました。残高: {balance}ポイント",
  },
  "zh-Hans": {
    expiry_warning:
      "您的 {points} {programme}积分将于 {date} 过期。在此之前赚取或使用积分即可保留。",
    birthday: "生日快乐！🎂 已为您送上 {points} {programme}积分。余额：{balance}。",
  },
  ko: {
    expiry_warning:
      "{programme} 포인트 {points}점이 {date}에 소멸됩니다. 그 전에 포인트를 적립하거나 사용하면 유지됩니다.",
    birthday: "생일 축하드립니다! 🎂 {programme} 포인트 {points}점을 드렸어요. 잔액: {balance}점",
  },
};
