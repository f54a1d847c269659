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

/**
 * What the shopper reads when the chat goes to a person: `open` (by default the plain
 * promise) within business hours, otherwise when someone will be back.
 */
export function handOffText(context: BotContext, open?: string): string {
  const messages = botMessagesFor(context.language).handOff;
  const { isOpenNow, nextOpening, timezone } = context.store;
  if (isOpenNow) return open ?? messages.open;
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
