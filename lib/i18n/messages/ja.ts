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
};

export default ja;
