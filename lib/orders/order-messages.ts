import type { ShopperLanguage } from "@/lib/i18n/languages";
import type { OrderMessageKind } from "./order-message-kinds";

/**
 * The shopper's free-form messages about an order, per language. {number}, {items},
 * {total}, {amount} and {tracking} are filled in; `tracking` is added to `shipped` only
 * when there is a tracking URL.
 */
export type OrderMessages = Record<OrderMessageKind, string> & {
  tracking: string;
  /** Lines added to a member's confirmation (lib/orders/points-lines.ts). */
  points: PointsMessages;
};

/** {points}, {date}, {balance}, {pending}, {tier} are filled in. */
export type PointsMessages = {
  earned: string;
  earnedPending: string;
  bonus: string;
  balance: string;
  balancePending: string;
  tierUp: string;
};

export const ORDER_MESSAGES: Record<ShopperLanguage, OrderMessages> = {
  en: {
    confirmation:
      "Thank you! Your payment for order {number} is confirmed.\n{items}\nTotal: {total}\n\nWe'll message you here when it ships.",
    shipped: "Good news: order {number} has shipped.",
    tracking: "Track it here: {tracking}",
    delivered: "Order {number} has been delivered. We hope you enjoy it!",
    cancelled: "Order {number} has been cancelled. You have not been charged.",
    refunded:
      "Order {number} has been refunded in full ({amount}). It may take 5–10 days to show on your statement.",
    partially_refunded:
      "We have refunded {amount} of order {number}. It may take 5–10 days to show on your statement.",
    points: {
      earned: "You earned {points} points.",
      earnedPending: "You earned {points} points, pending until {date}.",
      bonus: "Bonus: {points} points.",
      balance: "Points balance: {balance}.",
      balancePending: "Points balance: {balance} ({pending} pending).",
      tierUp: "Congratulations, you are now {tier}!",
    },
  },
  ja: {
    confirmation:
      "ありがとうございます！ご注文 {number} のお支払いを確認しました。\n{items}\n合計: {total}\n\n発送しましたら、こちらでお知らせします。",
    shipped: "ご注文 {number} を発送しました。",
    tracking: "配送状況はこちら: {tracking}",
    delivered: "ご注文 {number} のお届けが完了しました。お楽しみください！",
    cancelled: "ご注文 {number} はキャンセルされました。料金は請求されていません。",
    refunded:
      "ご注文 {number} の全額（{amount}）を返金しました。明細に反映されるまで5〜10日ほどかかる場合があります。",
    partially_refunded:
      "ご注文 {number} のうち {amount} を返金しました。明細に反映されるまで5〜10日ほどかかる場合があります。",
    points: {
      earned: "{points}ポイントを獲得しました。",
      earnedPending: "{points}ポイントを獲得しました（{date}まで保留中）。",
      bonus: "ボーナス: {points}ポイント",
      balance: "ポイント残高: {balance}",
      balancePending: "ポイント残高: {balance}（うち保留中 {pending}）",
      tierUp: "おめでとうございます！{tier}になりました。",
    },
  },
  "zh-Hans": {
    confirmation:
      "谢谢！订单 {number} 已确认付款。\n{items}\n合计：{total}\n\n发货后我们会在这里通知您。",
    shipped: "好消息：订单 {number} 已发货。",
    tracking: "物流查询：{tracking}",
    delivered: "订单 {number} 已送达，祝您喜欢！",
    cancelled: "订单 {number} 已取消，您未被扣款。",
    refunded: "订单 {number} 已全额退款（{amount}）。退款可能需要 5–10 天显示在您的账单上。",
    partially_refunded:
      "我们已退还订单 {number} 的 {amount}。退款可能需要 5–10 天显示在您的账单上。",
    points: {
      earned: "您获得了 {points} 积分。",
      earnedPending: "您获得了 {points} 积分，{date} 前为待生效状态。",
      bonus: "奖励：{points} 积分。",
      balance: "积分余额：{balance}。",
      balancePending: "积分余额：{balance}（其中 {pending} 待生效）。",
      tierUp: "恭喜，您已升级为 {tier}！",
    },
  },
  ko: {
    confirmation:
      "감사합니다! 주문 {number}의 결제가 확인되었습니다.\n{items}\n합계: {total}\n\n발송되면 여기에서 알려 드릴게요.",
    shipped: "주문 {number}이(가) 발송되었습니다.",
    tracking: "배송 조회: {tracking}",
    delivered: "주문 {number}이(가) 배송 완료되었습니다. 즐겁게 사용하세요!",
    cancelled: "주문 {number}이(가) 취소되었습니다. 결제되지 않았습니다.",
    refunded:
      "주문 {number}의 전액({amount})이 환불되었습니다. 명세서에 반영되기까지 5~10일 정도 걸릴 수 있습니다.",
    partially_refunded:
      "주문 {number} 중 {amount}이(가) 환불되었습니다. 명세서에 반영되기까지 5~10일 정도 걸릴 수 있습니다.",
    points: {
      earned: "{points}포인트가 적립되었습니다.",
      earnedPending: "{points}포인트가 적립되었습니다({date}까지 보류).",
      bonus: "보너스: {points}포인트.",
      balance: "포인트 잔액: {balance}.",
      balancePending: "포인트 잔액: {balance}(보류 {pending} 포함).",
      tierUp: "축하합니다! 이제 {tier} 등급입니다.",
    },
  },
};
