import type { Messages } from "./en";

const zhHans: Messages = {
  prefill: {
    product: "你好！我想了解一下{product}",
    store: "你好！我有一个问题",
    cart: "你好！我想订购购物车里的商品",
  },
  shopCard: {
    scanToChat: "扫码通过 WhatsApp 与我们聊天",
  },
};

export default zhHans;
