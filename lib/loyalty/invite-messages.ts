import type { ShopperLanguage } from "@/lib/i18n/languages";

/**
 * The question after a first paid order. {programme} and {bonus} are filled in; `withBonus`
 * when the programme has a joining bonus. Button titles ≤ 20 characters.
 */
export type InviteMessages = {
  withBonus: string;
  withoutBonus: string;
  join: string;
  notNow: string;
};

export const INVITE_MESSAGES: Record<ShopperLanguage, InviteMessages> = {
  en: {
    withBonus:
      "Would you like to join {programme}? You get {bonus} points for joining, and earn points on every order.",
    withoutBonus: "Would you like to join {programme}? Members earn points on every order.",
    join: "Join",
    notNow: "Not now",
  },
  ja: {
    withBonus:
      "{programme}に参加しませんか？参加で{bonus}ポイントを進呈、ご注文ごとにポイントが貯まります。",
    withoutBonus: "{programme}に参加しませんか？ご注文ごとにポイントが貯まります。",
    join: "参加する",
    notNow: "今はしない",
  },
  "zh-Hans": {
    withBonus: "要加入{programme}吗？加入即送 {bonus} 积分，每笔订单都能赚取积分。",
    withoutBonus: "要加入{programme}吗？会员每笔订单都能赚取积分。",
    join: "加入",
    notNow: "以后再说",
  },
  ko: {
    withBonus:
      "{programme}에 가입하시겠어요? 가입하면 {bonus}포인트를 드리고, 주문할 때마다 포인트가 적립됩니다.",
    withoutBonus: "{programme}에 가입하시겠어요? 회원은 주문할 때마다 포인트가 적립됩니다.",
    join: "가입하기",
    notNow: "다음에",
  },
};
