import { LOYALTY_CHAT_IDS } from "@/lib/loyalty/chat-ids";
import { parseBirthday } from "@/lib/loyalty/birthday-date";
import type { OutgoingContent, ReplyButton } from "@/lib/whatsapp/content";
import { formatMonthDay, formatPoints } from "../format";
import { clampText, WHATSAPP_LIMITS } from "../limits";
import { containsAnyKeyword, MATCH_SCORES, replyIdOf, textOf } from "../match";
import { botMessagesFor, formatMessage } from "../messages";
import { pointsSummaryMessage } from "../points-summary";
import type { BotContext, BotIntent, BotLoyaltyProgramme, BotReply } from "../types";
import { MENU_REPLY_ID } from "./menu";

/** The intent of the bot's question "When is your birthday?": the next text answers it. */
export const BIRTHDAY_ASK_INTENT = "loyalty-birthday-ask";

/** Asking about points: any of these in the message. */
const POINTS_WORDS = ["points", "my points", "loyalty", "ポイント", "积分", "積分", "포인트"];
/** Asking to join: only as the whole message ("Can I join the tour?" is not joining). */
const JOIN_WORDS = ["join", "join points", "入会", "加入", "가입"];

const REPLY_IDS: readonly string[] = [
  LOYALTY_CHAT_IDS.join,
  LOYALTY_CHAT_IDS.notNow,
  LOYALTY_CHAT_IDS.myPoints,
  LOYALTY_CHAT_IDS.birthday,
];

function wholeMessage(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/^[\s"'“”「」]+|[\s"'“”「」.!?。！？]+$/gu, "");
}

/** Whether typed text asks about points or to join. */
export function isPointsRequest(text: string): boolean {
  return containsAnyKeyword(text, POINTS_WORDS) || JOIN_WORDS.includes(wholeMessage(text));
}

const button = (id: string, title: string): ReplyButton => ({
  id,
  title: clampText(title, WHATSAPP_LIMITS.buttonTitle),
});

const textReply = (intent: string, text: string): BotReply => ({
  intent,
  messages: [{ type: "text", text }],
});

/** The question whether to join, with Join / Not now. */
export function joinQuestion(programme: BotLoyaltyProgramme, context: BotContext): OutgoingContent {
  const messages = botMessagesFor(context.language).loyalty;
  const body = formatMessage(programme.signupBonus > 0 ? messages.invite : messages.inviteNoBonus, {
    programme: programme.name,
    bonus: formatPoints(programme.signupBonus, context.language),
  });
  return {
    type: "buttons",
    body: clampText(body, WHATSAPP_LIMITS.body),
    buttons: [
      button(LOYALTY_CHAT_IDS.join, messages.joinButton),
      button(LOYALTY_CHAT_IDS.notNow, messages.notNowButton),
    ],
  };
}

/** `body` with *My points* and *Main menu*: after joining, after the birthday is saved. */
function withPointsButtons(body: string, context: BotContext): OutgoingContent {
  const messages = botMessagesFor(context.language).loyalty;
  return {
    type: "buttons",
    body: clampText(body, WHATSAPP_LIMITS.body),
    buttons: [
      button(LOYALTY_CHAT_IDS.myPoints, messages.myPointsButton),
      button(MENU_REPLY_ID, messages.mainMenuButton),
    ],
  };
}

async function summaryReply(context: BotContext): Promise<BotReply | null> {
  const summary = await context.loyalty?.summary();
  return summary
    ? { intent: "loyalty-points", messages: [pointsSummaryMessage(summary, context)] }
    : null;
}

async function join(context: BotContext, programme: BotLoyaltyProgramme): Promise<BotReply> {
  const messages = botMessagesFor(context.language).loyalty;
  const joined = await context.loyalty!.join();
  if (joined.status === "off") return textReply("loyalty-off", messages.off);
  if (joined.status === "member") {
    return (await summaryReply(context)) ?? textReply("loyalty-off", messages.off);
  }
  const body = formatMessage(joined.bonus > 0 ? messages.welcome : messages.welcomeNoBonus, {
    programme: programme.name,
    bonus: formatPoints(joined.bonus, context.language),
  });
  return { intent: "loyalty-join", messages: [withPointsButtons(body, context)] };
}

/**
 * Joining, "My points" and the birthday question. Typed words only count while the store's
 * programme is on (otherwise "points" is left to the other intents); a tapped button is
 * always answered, if only to say the programme is not running.
 */
export const loyaltyIntent: BotIntent = {
  name: "loyalty",
  match: async (context) => {
    const replyId = replyIdOf(context);
    if (replyId !== null) return REPLY_IDS.includes(replyId) ? MATCH_SCORES.replyId : 0;
    const text = textOf(context);
    if (text === null || !isPointsRequest(text)) return 0;
    return (await context.loyalty?.programme()) ? MATCH_SCORES.loyaltyWords : 0;
  },
  reply: async (context) => {
    const messages = botMessagesFor(context.language).loyalty;
    const programme = await context.loyalty?.programme();
    if (!context.loyalty || !programme) return textReply("loyalty-off", messages.off);
    const replyId = replyIdOf(context);
    if (replyId === LOYALTY_CHAT_IDS.notNow) return textReply("loyalty-not-now", messages.notNow);
    const member = await context.loyalty.isMember();
    // Typing "points" or "join" is asking to join; a menu row or button tap is asked first.
    if (replyId === LOYALTY_CHAT_IDS.join || (replyId === null && !member)) {
      return join(context, programme);
    }
    if (!member) return { intent: "loyalty-invite", messages: [joinQuestion(programme, context)] };
    if (replyId === LOYALTY_CHAT_IDS.birthday) {
      return textReply(BIRTHDAY_ASK_INTENT, messages.birthdayAsk);
    }
    return (await summaryReply(context)) ?? textReply("loyalty-off", messages.off);
  },
};

async function birthdayAnswer(context: BotContext) {
  const text = textOf(context);
  if (text === null || !context.loyalty) return null;
  if (!(await context.loyalty.programme()) || !(await context.loyalty.birthdayAsked())) return null;
  return parseBirthday(text);
}

/** The shopper's answer to "When is your birthday?": saved, or asked again. */
export const birthdayIntent: BotIntent = {
  name: "loyalty-birthday",
  match: async (context) => {
    const parsed = await birthdayAnswer(context);
    if (!parsed) return 0;
    return parsed.ok || parsed.reason === "no_such_day"
      ? MATCH_SCORES.birthdayAnswer
      : MATCH_SCORES.birthdayNotADate;
  },
  reply: async (context) => {
    const messages = botMessagesFor(context.language).loyalty;
    const parsed = await birthdayAnswer(context);
    if (!parsed?.ok) {
      const again =
        parsed?.reason === "no_such_day" ? messages.birthdayNoSuchDay : messages.birthdayBad;
      return textReply(BIRTHDAY_ASK_INTENT, again);
    }
    const { month, day } = parsed.birthday;
    const saved = await context.loyalty!.saveBirthday(month, day);
    if (saved === "invalid") return textReply(BIRTHDAY_ASK_INTENT, messages.birthdayNoSuchDay);
    const programme = await context.loyalty!.programme();
    if (saved === "not_member" || !programme) {
      return programme
        ? { intent: "loyalty-invite", messages: [joinQuestion(programme, context)] }
        : textReply("loyalty-off", messages.off);
    }
    const date = formatMonthDay(month, day, context.language);
    const bonus = programme.birthdayBonus;
    const text = formatMessage(bonus > 0 ? messages.birthdaySavedBonus : messages.birthdaySaved, {
      date,
      bonus: formatPoints(bonus, context.language),
    });
    return { intent: "loyalty-birthday", messages: [withPointsButtons(text, context)] };
  },
};
