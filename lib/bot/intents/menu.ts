import { LOYALTY_CHAT_IDS } from "@/lib/loyalty/chat-ids";
import type { OutgoingContent } from "@/lib/whatsapp/content";
import { clampText, WHATSAPP_LIMITS } from "../limits";
import { MATCH_SCORES, scoreWordsOrReplyIds } from "../match";
import { botMessagesFor, formatMessage } from "../messages";
import type { BotContext, BotIntent } from "../types";

export const MENU_REPLY_ID = "menu";
export const MENU_ROW_IDS = {
  catalog: "menu:catalog",
  orders: "menu:orders",
  faq: "menu:faq",
  agent: "menu:agent",
} as const;

const GREETING_WORDS = [
  "hi",
  "hello",
  "hey",
  "hiya",
  "good morning",
  "good afternoon",
  "good evening",
  "menu",
  "help",
  "options",
  "こんにちは",
  "こんばんは",
  "おはよう",
  "はじめまして",
  "メニュー",
  "你好",
  "您好",
  "菜单",
  "안녕",
  "메뉴",
];

/**
 * The main menu as one interactive list. `lead` opens the body (our welcome, or an apology
 * when the bot did not understand) and the prompt to choose follows it; an owner's own
 * greeting stands alone (`prompt: false`), since it usually asks how it can help already.
 * `points` adds "My points" (the store's programme is on).
 */
export function menuList(
  context: BotContext,
  lead: string,
  options: { prompt?: boolean; points?: boolean } = {},
): OutgoingContent {
  const messages = botMessagesFor(context.language).menu;
  const withPrompt = options.prompt ?? true;
  const prompt = messages.prompt;
  const leadRoom = withPrompt ? WHATSAPP_LIMITS.body - prompt.length - 2 : WHATSAPP_LIMITS.body;
  const row = (id: string, entry: { title: string; description: string }) => ({
    id,
    title: clampText(entry.title, WHATSAPP_LIMITS.rowTitle),
    description: clampText(entry.description, WHATSAPP_LIMITS.rowDescription),
  });
  return {
    type: "list",
    body: withPrompt ? `${clampText(lead, leadRoom)}\n\n${prompt}` : clampText(lead, leadRoom),
    button: clampText(messages.button, WHATSAPP_LIMITS.listButton),
    sections: [
      {
        title: clampText(messages.section, WHATSAPP_LIMITS.sectionTitle),
        rows: [
          row(MENU_ROW_IDS.catalog, messages.catalog),
          row(MENU_ROW_IDS.orders, messages.orders),
          ...(options.points
            ? [row(LOYALTY_CHAT_IDS.myPoints, botMessagesFor(context.language).loyalty.menuRow)]
            : []),
          row(MENU_ROW_IDS.faq, messages.faq),
          row(MENU_ROW_IDS.agent, messages.agent),
        ],
      },
    ],
  };
}

export const menuIntent: BotIntent = {
  name: "menu",
  // request_welcome: the customer opened the chat for the first time; greet them.
  match: (context) =>
    context.inbound.kind === "welcome"
      ? MATCH_SCORES.replyId
      : scoreWordsOrReplyIds(context, {
          replyIds: [MENU_REPLY_ID],
          keywords: GREETING_WORDS,
          keywordScore: MATCH_SCORES.greetingWords,
        }),
  reply: async (context) => {
    const points = Boolean(await context.loyalty?.programme());
    const welcome = formatMessage(botMessagesFor(context.language).menu.welcome, {
      store: context.store.name,
    });
    const greeting = context.store.greeting?.trim();
    const list = greeting
      ? menuList(context, greeting, { prompt: false, points })
      : menuList(context, welcome, { points });
    return { intent: "menu", messages: [list] };
  },
};
