import type { ShopperLanguage } from "@/lib/i18n/languages";

/** What /pay/<token> and its thank-you page tell the shopper. {number} is the order number. */
export type PayPageMessages = {
  notFoundTitle: string;
  notFoundText: string;
  paidTitle: string;
  paidText: string;
  processingTitle: string;
  processingText: string;
  cancelledTitle: string;
  cancelledText: string;
  unavailableTitle: string;
  unavailableText: string;
  retryTitle: string;
  retryText: string;
  rateLimitedTitle: string;
  rateLimitedText: string;
  previewTitle: string;
  previewText: string;
  doneTitle: string;
  doneText: string;
  doneCancelTitle: string;
  doneCancelText: string;
  backToWhatsApp: string;
};

export const PAY_PAGE_MESSAGES: Record<ShopperLanguage, PayPageMessages> = {
  en: {
    notFoundTitle: "We couldn't find this payment link",
    notFoundText: "Check the link in your chat, or ask the shop for a new one.",
    paidTitle: "This order is already paid",
    paidText: "Order {number} is paid. Thank you! We'll message you in WhatsApp about it.",
    processingTitle: "Your payment is being processed",
    processingText:
      "Order {number}: your payment is on its way. We'll message you in WhatsApp when it is confirmed.",
    cancelledTitle: "This order was cancelled",
    cancelledText:
      "Order {number} can no longer be paid. Message the shop if you'd like to order again.",
    unavailableTitle: "Payment is not available right now",
    unavailableText:
      "The shop has been told. Please try again later, or message the shop in WhatsApp.",
    retryTitle: "Please try again in a moment",
    retryText:
      "We couldn't reach the payment service. Your order {number} is safe; open the link again in a minute.",
    rateLimitedTitle: "Too many attempts",
    rateLimitedText: "Please wait a minute, then open the link again.",
    previewTitle: "Pay for your order",
    previewText: "Open this link to pay order {number} securely with Stripe.",
    doneTitle: "Thank you!",
    doneText:
      "We're confirming your payment for order {number} and will send the confirmation in WhatsApp.",
    doneCancelTitle: "Payment not completed",
    doneCancelText:
      "No payment was taken for order {number}. You can pay any time from the link in your chat.",
    backToWhatsApp: "Back to WhatsApp",
  },
  ja: {
    notFoundTitle: "お支払いリンクが見つかりません",
    notFoundText: "チャットのリンクをご確認いただくか、ショップに新しいリンクをご依頼ください。",
    paidTitle: "このご注文はお支払い済みです",
    paidText:
      "ご注文 {number} はお支払い済みです。ありがとうございます。詳細はWhatsAppでお知らせします。",
    processingTitle: "お支払いを処理しています",
    processingText:
      "ご注文 {number} のお支払いを処理中です。確認でき次第、WhatsAppでお知らせします。",
    cancelledTitle: "このご注文はキャンセルされました",
    cancelledText:
      "ご注文 {number} はお支払いいただけません。再度ご注文の際はショップにメッセージをお送りください。",
    unavailableTitle: "現在お支払いをご利用いただけません",
    unavailableText:
      "ショップにお知らせしました。時間をおいて再度お試しいただくか、WhatsAppでショップにご連絡ください。",
    retryTitle: "しばらくしてから再度お試しください",
    retryText:
      "決済サービスに接続できませんでした。ご注文 {number} はそのまま保存されています。1分ほどしてからリンクを開き直してください。",
    rateLimitedTitle: "アクセスが集中しています",
    rateLimitedText: "1分ほどお待ちいただき、もう一度リンクを開いてください。",
    previewTitle: "ご注文のお支払い",
    previewText: "このリンクからご注文 {number} をStripeで安全にお支払いいただけます。",
    doneTitle: "ありがとうございます！",
    doneText:
      "ご注文 {number} のお支払いを確認しています。確認のメッセージをWhatsAppでお送りします。",
    doneCancelTitle: "お支払いは完了していません",
    doneCancelText:
      "ご注文 {number} の代金は請求されていません。チャットのリンクからいつでもお支払いいただけます。",
    backToWhatsApp: "WhatsAppに戻る",
  },
  "zh-Hans": {
    notFoundTitle: "找不到此支付链接",
    notFoundText: "请检查聊天中的链接，或向店铺索取新的链接。",
    paidTitle: "此订单已支付",
    paidText: "订单 {number} 已支付，谢谢！我们会在 WhatsApp 中通知您后续进展。",
    processingTitle: "您的付款正在处理中",
    processingText: "订单 {number} 的付款正在处理中，确认后我们会在 WhatsApp 中通知您。",
    cancelledTitle: "此订单已取消",
    cancelledText: "订单 {number} 已无法支付。如需重新下单，请给店铺发消息。",
    unavailableTitle: "暂时无法支付",
    unavailableText: "我们已通知店铺。请稍后再试，或在 WhatsApp 中联系店铺。",
    retryTitle: "请稍后再试",
    retryText: "暂时无法连接支付服务。您的订单 {number} 已保存，请一分钟后重新打开链接。",
    rateLimitedTitle: "尝试次数过多",
    rateLimitedText: "请等待一分钟后再打开链接。",
    previewTitle: "支付您的订单",
    previewText: "打开此链接，通过 Stripe 安全支付订单 {number}。",
    doneTitle: "谢谢！",
    doneText: "我们正在确认订单 {number} 的付款，确认信息将通过 WhatsApp 发送给您。",
    doneCancelTitle: "支付未完成",
    doneCancelText: "订单 {number} 未产生任何扣款。您可以随时通过聊天中的链接支付。",
    backToWhatsApp: "返回 WhatsApp",
  },
  ko: {
    notFoundTitle: "결제 링크를 찾을 수 없습니다",
    notFoundText: "채팅의 링크를 확인하시거나 상점에 새 링크를 요청해 주세요.",
    paidTitle: "이미 결제된 주문입니다",
    paidText:
      "주문 {number}은(는) 결제가 완료되었습니다. 감사합니다! WhatsApp으로 안내해 드리겠습니다.",
    processingTitle: "결제를 처리하고 있습니다",
    processingText:
      "주문 {number}의 결제가 처리 중입니다. 확인되면 WhatsApp으로 알려 드리겠습니다.",
    cancelledTitle: "취소된 주문입니다",
    cancelledText:
      "주문 {number}은(는) 더 이상 결제할 수 없습니다. 다시 주문하시려면 상점에 메시지를 보내 주세요.",
    unavailableTitle: "지금은 결제할 수 없습니다",
    unavailableText:
      "상점에 알렸습니다. 잠시 후 다시 시도하시거나 WhatsApp으로 상점에 문의해 주세요.",
    retryTitle: "잠시 후 다시 시도해 주세요",
    retryText:
      "결제 서비스에 연결할 수 없습니다. 주문 {number}은(는) 안전하게 보관되어 있으니 1분 후 링크를 다시 열어 주세요.",
    rateLimitedTitle: "시도 횟수가 너무 많습니다",
    rateLimitedText: "1분 정도 기다린 후 링크를 다시 열어 주세요.",
    previewTitle: "주문 결제",
    previewText: "이 링크를 열어 주문 {number}을(를) Stripe로 안전하게 결제하세요.",
    doneTitle: "감사합니다!",
    doneText:
      "주문 {number}의 결제를 확인하고 있습니다. 확인 메시지를 WhatsApp으로 보내 드리겠습니다.",
    doneCancelTitle: "결제가 완료되지 않았습니다",
    doneCancelText:
      "주문 {number}에 대한 결제는 이루어지지 않았습니다. 채팅의 링크에서 언제든지 결제하실 수 있습니다.",
    backToWhatsApp: "WhatsApp으로 돌아가기",
  },
};
