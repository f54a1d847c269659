import type { Messages } from "./en";

const ja: Messages = {
  prefill: {
    product: "こんにちは。{product}について知りたいです",
    store: "こんにちは。質問があります",
    cart: "こんにちは。カートの商品を注文したいです",
  },
  shopCard: {
    scanToChat: "スキャンしてWhatsAppでチャット",
  },
  notFound: {
    pageTitle: "ページが見つかりません",
    pageText: "この商品の取り扱いが終了したか、リンクが間違っている可能性があります。",
    backToStore: "{store}に戻る",
    storeTitle: "ショップが見つかりません",
    storeText: "リンクが古いか、間違っている可能性があります。ショップにアドレスをご確認ください。",
    chatTitle: "チャットはまだご利用いただけません",
    chatText: "このショップはまだWhatsAppの番号を設定していません。",
  },
  storefront: {
    language: "言語",
    catalogTitle: "すべての商品",
    productCount: { one: "{count}点の商品", other: "{count}点の商品" },
    noProducts: "このストアにはまだ商品がありません。",
    cart: "カート",
    cartLink: { one: "カート（{count}点）", other: "カート（{count}点）" },
    backToCatalog: "すべての商品",
    quantity: "数量",
    addToCart: "カートに入れる",
    added: "カートに追加しました。",
    viewCart: "カートを見る",
    chatToBuy: "チャットで購入",
    chatToBuyHint: "ストアとのWhatsAppチャットで質問や注文ができます。",
    earnPoints: { one: "{count}ポイント貯まります", other: "{count}ポイント貯まります" },
    yourCart: "カート",
    emptyCart: "カートは空です。",
    continueShopping: "買い物を続ける",
    unitPrice: "単価 {price}",
    decrease: "{product}を1つ減らす",
    increase: "{product}を1つ増やす",
    remove: "削除",
    removeProduct: "{product}を削除",
    unavailable: "販売終了 — 合計に含まれません",
    subtotal: "小計",
    itemCount: { one: "{count}点", other: "{count}点" },
    continueInWhatsApp: "WhatsAppで注文に進む",
    checkoutNote: "カートの内容を引き継いで、ストアとのWhatsAppチャットで注文を完了できます。",
    errors: {
      busy: "お使いのネットワークから短時間に多くのカートが作成されました。数分後にもう一度お試しください。",
      quantity: "数量は1〜99の間で選んでください。",
      unavailable: "申し訳ありません。この商品は販売を終了しました。",
    },
  },
};

export default ja;
