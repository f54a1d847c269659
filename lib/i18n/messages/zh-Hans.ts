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
  notFound: {
    pageTitle: "找不到该页面",
    pageText: "该商品可能已停售，或链接有误。",
    backToStore: "返回{store}",
    storeTitle: "找不到这家店铺",
    storeText: "链接可能已过期或有误，请向店铺确认地址。",
    chatTitle: "暂时无法聊天",
    chatText: "这家店铺尚未设置 WhatsApp 号码。",
  },
  storefront: {
    language: "语言",
    catalogTitle: "全部商品",
    productCount: { one: "{count} 件商品", other: "{count} 件商品" },
    noProducts: "这家店还没有商品。",
    cart: "购物车",
    cartLink: { one: "购物车，{count} 件", other: "购物车，{count} 件" },
    backToCatalog: "全部商品",
    quantity: "数量",
    addToCart: "加入购物车",
    added: "已加入购物车。",
    viewCart: "查看购物车",
    chatToBuy: "聊天购买",
    chatToBuyHint: "在与店铺的 WhatsApp 聊天中咨询或下单。",
    earnPoints: { one: "可获得 {count} 积分", other: "可获得 {count} 积分" },
    yourCart: "购物车",
    emptyCart: "购物车是空的。",
    continueShopping: "继续购物",
    unitPrice: "单价 {price}",
    decrease: "{product} 减少一件",
    increase: "{product} 增加一件",
    remove: "删除",
    removeProduct: "删除 {product}",
    unavailable: "已下架，不计入合计",
    subtotal: "小计",
    itemCount: { one: "{count} 件", other: "{count} 件" },
    continueInWhatsApp: "在 WhatsApp 中继续",
    checkoutNote: "购物车内容会带入与店铺的 WhatsApp 聊天，在那里完成订单。",
    errors: {
      busy: "您的网络刚刚创建了过多购物车，请几分钟后再试。",
      quantity: "请选择 1 到 99 之间的数量。",
      unavailable: "抱歉，该商品已下架。",
    },
  },
};

export default zhHans;
