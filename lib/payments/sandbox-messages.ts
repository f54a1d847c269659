import type { ShopperLanguage } from "@/lib/i18n/languages";

/** The local test checkout's words (app/pay/[token]/test), per shopper language. */
export type SandboxCheckoutMessages = {
  banner: string;
  explanation: string;
  order: string;
  subtotal: string;
  total: string;
  pay: string;
  decline: string;
  paid: string;
  cancelled: string;
  expired: string;
};

export const SANDBOX_CHECKOUT_MESSAGES: Record<ShopperLanguage, SandboxCheckoutMessages> = {
  en: {
    banner: "Test mode — no real payment",
    explanation:
      "This store is not connected to Stripe yet. Paying here only simulates a payment; no card is charged.",
    order: "Order {number}",
    subtotal: "Subtotal",
    total: "Total",
    pay: "Pay (test)",
    decline: "Decline",
    paid: "This order is already paid.",
    cancelled: "This order was cancelled.",
    expired: "This order can no longer be paid. Message the shop if you would like to order again.",
  },
  ja: {
    banner: "テストモード — 実際の支払いは行われません",
    explanation:
      "このストアはまだStripeに接続されていません。ここでの支払いはシミュレーションで、カードには請求されません。",
    order: "ご注文 {number}",
    subtotal: "小計",
    total: "合計",
    pay: "支払う（テスト）",
    decline: "キャンセル",
    paid: "このご注文はお支払い済みです。",
    cancelled: "このご注文はキャンセルされました。",
    expired:
      "このご注文はお支払い期限を過ぎました。再度ご注文の場合はショップにメッセージしてください。",
  },
  "zh-Hans": {
    banner: "测试模式 — 不会真实付款",
    explanation: "该店铺尚未连接 Stripe。在此付款只是模拟，不会从银行卡扣款。",
    order: "订单 {number}",
    subtotal: "小计",
    total: "合计",
    pay: "支付（测试）",
    decline: "拒绝",
    paid: "该订单已付款。",
    cancelled: "该订单已取消。",
    expired: "该订单已无法支付。如需重新下单，请联系店铺。",
  },
  ko: {
    banner: "테스트 모드 — 실제 결제가 아닙니다",
    explanation:
      "이 스토어는 아직 Stripe에 연결되지 않았습니다. 여기서 결제하면 결제를 흉내낼 뿐 카드에 청구되지 않습니다.",
    order: "주문 {number}",
    subtotal: "소계",
    total: "합계",
    pay: "결제 (테스트)",
    decline: "거절",
    paid: "이미 결제된 주문입니다.",
    cancelled: "취소된 주문입니다.",
    expired:
      "이 주문은 더 이상 결제할 수 없습니다. 다시 주문하시려면 스토어에 메시지를 보내 주세요.",
  },
};
