import { formatWeekdayTime } from "../format";
import { MATCH_SCORES, scoreWordsOrReplyIds } from "../match";
import { botMessagesFor, formatMessage } from "../messages";
import type { BotContext, BotIntent } from "../types";
import { MENU_ROW_IDS } from "./menu";

const HAND_OFF_WORDS = [
  "agent",
  "human",
  "person",
  "staff",
  "operator",
  "representative",
  "人工",
  "客服",
  "担当者",
  "スタッフ",
  "オペレーター",
  "상담원",
  "상담사",
  "직원",
];

/** "A person will reply", or when they are back if the store is closed now. */
export function handOffText(context: BotContext): string {
  const messages = botMessagesFor(context.language).handOff;
  const { isOpenNow, nextOpening, timezone } = context.store;
  if (isOpenNow) return messages.open;
  if (!nextOpening) return messages.closed;
  return formatMessage(messages.closedUntil, {
    when: formatWeekdayTime(nextOpening, timezone, context.language),
  });
}

export const handOffIntent: BotIntent = {
  name: "hand-off",
  match: (context) =>
    scoreWordsOrReplyIds(context, {
      replyIds: [MENU_ROW_IDS.agent],
      keywords: HAND_OFF_WORDS,
      keywordScore: MATCH_SCORES.handOffWords,
    }),
  reply: (context) => ({
    intent: "hand-off",
    handOff: true,
    messages: [{ type: "text", text: handOffText(context) }],
  }),
};
