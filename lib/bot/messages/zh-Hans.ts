import type { BotMessages } from "./en";

const zhHans: BotMessages = {
  menu: {
    welcome: "您好！欢迎光临{store}。",
    prompt: "请从下方菜单中选择您需要的服务。",
    button: "菜单",
    section: "我们能帮您什么？",
    catalog: { title: "浏览商品", description: "查看我们的所有商品" },
    orders: { title: "我的订单", description: "最近订单的状态" },
    faq: { title: "常见问题", description: "配送、退货等" },
    agent: { title: "联系人工客服", description: "与我们的工作人员聊天" },
  },
  product: {
    moreProducts: "更多商品",
    talkToPerson: "联系人工客服",
    notFound: "抱歉，该商品已下架。",
  },
  cart: {
    heading: "您的购物车：",
    line: "{name} × {quantity}　{total}",
    more: "……还有 {count} 件",
    total: "合计：{total}",
    prompt: "点击下方按钮，我们的客服会帮您完成订单。",
    empty: "您的购物车是空的。点击下方按钮浏览商品或联系人工客服。",
    unavailable: "抱歉，这个购物车已无法在此显示，可能已经下单。人工客服可以为您提供帮助。",
  },
  purchase: {
    handOff: "谢谢！客服会尽快在这里回复您，帮您完成订单。",
  },
  catalog: {
    body: "以下是我们的商品，点击即可查看详情。",
    button: "查看商品",
    section: "商品",
    truncated: "共{count}件商品，显示前{shown}件",
    empty: "目前没有可展示的商品，请稍后再来看看。",
  },
  orders: {
    heading: "您最近的订单：",
    line: "#{number} · {status} · {total} · {date}",
    status: {
      pending: "待付款",
      paid: "已付款",
      refunded: "已退款",
      cancelled: "已取消",
    },
    none: "您还没有订单。",
    browse: "浏览商品",
    mainMenu: "主菜单",
  },
  faq: {
    body: "请选择一个问题查看答案。",
    button: "查看问题",
    section: "常见问题",
    none: "我们还没有整理常见问题，请直接在这里输入您的问题。",
  },
  handOff: {
    open: "谢谢！工作人员会尽快在这里回复您。",
    closedUntil: "现在是非工作时间。工作人员将于{when}之后在这里回复您。",
    closed: "现在是非工作时间。我们上班后，工作人员会尽快在这里回复您。",
    waiting: "感谢您的留言，工作人员会尽快在这里回复您。",
  },
  fallback: {
    notUnderstood: "抱歉，我没有理解您的意思。",
    image: "感谢您发送的照片，工作人员会查看。",
    document: "感谢您发送的文件，工作人员会查看。",
    video: "感谢您发送的视频，工作人员会查看。",
    sticker: "谢谢您的表情！",
    audio: "我无法收听语音消息，请输入文字。",
    location: "感谢您分享位置，工作人员会查看。",
    contacts: "感谢您分享联系人，工作人员会查看。",
    unsupported: "抱歉，暂不支持这种类型的消息。",
  },
  catalogOrder: {
    received: "已收到您的购物车：",
    line: "{name} × {quantity}",
    unknownItem: "{sku} × {quantity}（目录中没有此商品）",
  },
  consent: {
    question: "您希望通过 WhatsApp 接收订单动态和优惠信息吗？",
    yes: "好的",
    no: "不用了",
    thanksYes: "谢谢！我们会在这里通知您。随时发送“退订”即可取消。",
    thanksNo: "好的，我们不会向您发送通知或优惠信息。",
  },
  optOut: {
    confirmation: "您已退订，将不会再收到我们的消息。如需重新订阅，请发送 START 或“订阅”。",
  },
  optIn: {
    confirmation: "您已重新订阅。我们会在这里向您发送订单动态和优惠信息。",
  },
};

export default zhHans;
