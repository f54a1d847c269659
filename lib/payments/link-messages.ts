import type { ShopperLanguage } from "@/lib/i18n/languages";

/** What the shopper reads about paying, in each shopper language. {placeholders} are filled in. */
export type PaymentLinkMessages = {
  /** The cta_url button, ≤ 20 characters: "Pay ¥4,800". */
  payButton: string;
  /** The button when the amount would not fit. */
  payShort: string;
  /** Above the button. */
  linkBody: string;
  /** Under it. */
  linkFooter: string;
};

export const PAYMENT_LINK_MESSAGES: Record<ShopperLanguage, PaymentLinkMessages> = {
  en: {
    payButton: "Pay {total}",
    payShort: "Pay",
    linkBody: "Order {number}\n{items}\nTotal: {total}\n\nTap below to pay securely.",
    linkFooter: "Secure checkout by Stripe",
  },
  ja: {
    payButton: "{total}を支払う",
    payShort: "支払う",
    linkBody:
      "ご注文 {number}\n{items}\n合計: {total}\n\n下のボタンから安全にお支払いいただけます。",
    linkFooter: "Stripeによる安全な決済",
  },
  "zh-Hans": {
    payButton: "支付 {total}",
    payShort: "支付",
    linkBody: "订单 {number}\n{items}\n合计：{total}\n\n点击下方按钮安全支付。",
    linkFooter: "由 Stripe 提供安全支付",
  },
  ko: {
    payButton: "{total} 결제",
    payShort: "결제",
    linkBody: "주문 {number}\n{items}\n합계: {total}\n\n아래 버튼을 눌러 안전하게 결제하세요.",
    linkFooter: "Stripe 보안 결제",
  },
};
