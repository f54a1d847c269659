import type { faqEntries, messageTemplates, quickReplies } from "@/db/schema";

type NewFaqEntry = typeof faqEntries.$inferInsert;
type NewQuickReply = typeof quickReplies.$inferInsert;
type NewMessageTemplate = typeof messageTemplates.$inferInsert;

/**
 * What the demo store's owner wrote for the bot and the inbox (FAQ answers, quick replies,
 * approved templates), and the lines its shoppers and agents type in the demo chats.
 * Japanese shoppers write Japanese; travellers write English, and agents answer them in English.
 */

type FaqContent = Pick<NewFaqEntry, "question" | "answer" | "keywords"> & {
  language: "en" | "ja";
};

export const DEMO_FAQS: readonly FaqContent[] = [
  {
    language: "en",
    question: "Can I return or exchange an item?",
    answer:
      "Unopened tea and unused crafts can be returned within 14 days of delivery; send us a photo here and we'll arrange the pickup. Opened tea can't be returned, but anything that arrives damaged is replaced free of charge.",
    keywords: ["return", "returns", "refund", "exchange"],
  },
  {
    language: "en",
    question: "How much is shipping and how long does it take?",
    answer:
      "Within Japan: Yamato, 1–2 days, ¥600 (free from ¥5,000). Abroad: EMS, 3–8 days; the cost is shown before you pay. Kettles and bowls travel in padded boxes.",
    keywords: ["shipping", "ship", "delivery", "deliver", "postage"],
  },
  {
    language: "en",
    question: "When are your shops open?",
    answer:
      "Gion and Arashiyama are open every day from 10:00 to 18:00, except the first Tuesday of the month. This chat is always open; a person answers during shop hours.",
    keywords: ["hours", "opening", "open", "closed"],
  },
  {
    language: "ja",
    question: "返品・交換はできますか？",
    answer:
      "未開封のお茶と未使用の工芸品は、お届けから14日以内でしたら返品いただけます。こちらに写真をお送りいただければ集荷を手配します。開封済みのお茶は返品できませんが、破損して届いた商品は無料でお取り替えします。",
    keywords: ["返品", "交換", "返金"],
  },
  {
    language: "ja",
    question: "送料とお届け日数を教えてください",
    answer:
      "国内はヤマト運輸で1〜2日、送料600円（5,000円以上で無料）です。海外へはEMSで3〜8日、送料はお支払い前に表示されます。鉄瓶や茶碗は緩衝材入りの箱でお送りします。",
    keywords: ["送料", "配送", "発送", "お届け", "届く"],
  },
  {
    language: "ja",
    question: "営業時間を教えてください",
    answer:
      "祇園店・嵐山店ともに10:00〜18:00、毎月第1火曜日が定休日です。このチャットはいつでもご利用いただけ、営業時間内はスタッフがお返事します。",
    keywords: ["営業時間", "営業", "定休日", "何時"],
  },
];

type QuickReplyContent = Pick<NewQuickReply, "title" | "body">;

export const DEMO_QUICK_REPLIES: readonly QuickReplyContent[] = [
  {
    title: "Thanks for your order",
    body: "Thank you for your order! We'll pack it with care and send you the tracking number here.",
  },
  {
    title: "Shipping abroad",
    body: "We ship worldwide by EMS (3–8 days). The shipping cost is shown before you pay.",
  },
  {
    title: "One moment",
    body: "Thanks for waiting — let me check that for you and I'll be right back.",
  },
  {
    title: "ご注文のお礼",
    body: "ご注文ありがとうございます。丁寧に梱包してお送りし、追跡番号をこちらでお知らせします。",
  },
  {
    title: "ギフト包装",
    body: "ギフト包装（無料）とのし紙を承ります。表書きのご希望をお知らせください。",
  },
  { title: "少々お待ちください", body: "確認いたしますので、少々お待ちください。" },
];

type TemplateContent = Pick<
  NewMessageTemplate,
  "name" | "language" | "category" | "body" | "variableCount"
>;

export const DEMO_TEMPLATES: readonly TemplateContent[] = [
  {
    name: "order_update",
    language: "en",
    category: "utility",
    body: "Hi {{1}}, there is an update on your order {{2}} from Kyoto Tea & Crafts. Reply here if you have any questions.",
    variableCount: 2,
  },
  {
    name: "order_update",
    language: "ja",
    category: "utility",
    body: "{{1}}様、Kyoto Tea & Craftsのご注文{{2}}について最新情報をお知らせします。ご不明な点はこのメッセージにご返信ください。",
    variableCount: 2,
  },
  {
    name: "cart_reminder",
    language: "en",
    category: "marketing",
    body: "Hi {{1}}, your {{2}} is still waiting in your cart. Tap below to finish your order. Reply STOP to unsubscribe.",
    variableCount: 2,
  },
  {
    name: "cart_reminder",
    language: "ja",
    category: "marketing",
    body: "{{1}}様、カートに{{2}}が残っています。下のボタンからご注文を完了できます。配信停止は「停止」と返信してください。",
    variableCount: 2,
  },
];

/** A chat handed to a person: the shopper's request, the agent's answers and the shopper's reply. */
export type HandOffScript = { ask: string; answer: string; follow: string; closing: string };

type ChatLines = {
  greetings: readonly string[];
  faqQuestions: readonly string[];
  orderStatus: string;
  stop: string;
  handOffs: readonly HandOffScript[];
};

export const CHAT_LINES: Record<"ja" | "en", ChatLines> = {
  ja: {
    greetings: ["こんにちは", "こんにちは！はじめまして"],
    faqQuestions: [
      "返品はできますか？",
      "海外への送料はいくらですか？",
      "日曜日の営業時間を教えてください",
    ],
    orderStatus: "注文の状況を教えてください",
    stop: "停止",
    handOffs: [
      {
        ask: "ギフト用にのし紙をつけられますか？スタッフの方と話したいです。",
        answer:
          "お問い合わせありがとうございます、スタッフの中村です。のし紙は無料でおつけできます。表書きのご希望はございますか？",
        follow: "「御礼」でお願いします。",
        closing: "承知いたしました。ご注文時のメモとして承りましたので、そのままご注文ください。",
      },
      {
        ask: "鉄瓶の内側に赤い斑点が出てきました。担当者と話せますか？",
        answer:
          "ご連絡ありがとうございます。南部鉄器は使い始めに赤茶色の斑点が出ることがありますが、お湯を沸かし続けると落ち着きます。気になるようでしたらお写真をお送りください。",
        follow: "ありがとうございます。しばらく様子を見てみます。",
        closing: "よろしくお願いいたします。気になる点があればいつでもこちらにご連絡ください。",
      },
      {
        ask: "抹茶を20缶まとめて注文したいのですが、担当者の方に相談できますか？",
        answer:
          "ありがとうございます。20缶でしたら在庫がございます。まとめてのご注文は10％お値引きでご案内できます。お届け先の都道府県を教えていただけますか？",
        follow: "大阪府です。",
        closing:
          "ありがとうございます。送料無料で2日後にお届けできます。お見積りをお送りしますので少々お待ちください。",
      },
    ],
  },
  en: {
    greetings: ["Hello!", "Hi there"],
    faqQuestions: [
      "Can I return a bowl if it doesn't suit me?",
      "Do you ship to Australia? How much is shipping?",
      "What are your opening hours on Sunday?",
    ],
    orderStatus: "Hi, what's the status of my order?",
    stop: "STOP",
    handOffs: [
      {
        ask: "Can I talk to a person? I'd like to send a tetsubin kettle to Canada.",
        answer:
          "Hi, this is Yui from Kyoto Tea & Crafts. Yes, we send kettles abroad by EMS in a padded box; to Canada it takes about 5–8 days and costs ¥4,200.",
        follow: "Great, thank you! I'll order it today.",
        closing: "Wonderful, we'll pack it with care. Thank you!",
      },
      {
        ask: "Could I ask someone from your staff about matcha for a tea ceremony class?",
        answer:
          "Hello! For a class we recommend our ceremonial Uji matcha: a 30 g tin makes about 15 bowls of usucha. How many students do you have?",
        follow: "About 12 students, once a month.",
        closing:
          "Then two tins a month is plenty. I can set aside tins from the same harvest for you if you like.",
      },
      {
        ask: "I'd like to speak to a human please, the whisk I received has a broken tine.",
        answer:
          "I'm so sorry about that! Could you send us a photo? We'll send you a new chasen right away, free of charge.",
        follow: "Sure, sending it now. Thanks for the quick reply.",
        closing: "Thank you! A replacement is on its way; you'll get the tracking number here.",
      },
    ],
  },
};

/** Greetings of travellers who write in their own language (the bot answers in it). */
export const OWN_LANGUAGE_GREETINGS: Partial<Record<string, string>> = {
  "zh-Hans": "你好",
  ko: "안녕하세요",
};

/** Row values for the owner's bot content, with ids from `idOf` (parallel to the lists above). */
export function botContentRows(
  storeId: string,
  createdAt: Date,
  idOf: (kind: "faq" | "quick-reply" | "template", index: number) => string,
): { faqs: NewFaqEntry[]; quickReplies: NewQuickReply[]; templates: NewMessageTemplate[] } {
  return {
    faqs: DEMO_FAQS.map((faq, i) => ({
      ...faq,
      id: idOf("faq", i),
      storeId,
      keywords: [...faq.keywords],
      position: DEMO_FAQS.slice(0, i).filter((other) => other.language === faq.language).length,
      createdAt,
    })),
    quickReplies: DEMO_QUICK_REPLIES.map((reply, i) => ({
      ...reply,
      id: idOf("quick-reply", i),
      storeId,
      createdAt,
    })),
    templates: DEMO_TEMPLATES.map((template, i) => ({
      ...template,
      id: idOf("template", i),
      storeId,
      createdAt,
    })),
  };
}
