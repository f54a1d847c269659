import { LOYALTY_CHAT_IDS } from "@/lib/loyalty/chat-ids";
import type { OutgoingContent, ReplyButton } from "@/lib/whatsapp/content";
import { formatDate, formatMonthDay, formatPoints, formatPointsDelta, formatPrice } from "./format";
import { MENU_REPLY_ID } from "./intents/menu";
import { clampText, WHATSAPP_LIMITS } from "./limits";
import { botMessagesFor, formatMessage } from "./messages";
import type { BotContext, BotPointsSummary } from "./types";

function balanceLines(summary: BotPointsSummary, context: BotContext): string[] {
  const { language } = context;
  const messages = botMessagesFor(language).loyalty.summary;
  const date = (at: Date) => formatDate(at, context.store.timezone, language);
  const points = (n: number) => formatPoints(n, language);
  const lines = [formatMessage(messages.available, { points: points(summary.available) })];
  if (summary.pending > 0 && summary.nextPending) {
    const { nextPending } = summary;
    lines.push(
      nextPending.points >= summary.pending
        ? formatMessage(messages.pendingAll, {
            points: points(summary.pending),
            date: date(nextPending.at),
          })
        : formatMessage(messages.pending, {
            points: points(summary.pending),
            next: points(nextPending.points),
            date: date(nextPending.at),
          }),
    );
  }
  lines.push(formatMessage(messages.tier, { tier: summary.tierName }));
  if (!summary.nextTier) lines.push(messages.topTier);
  else if (summary.nextTier.neededMinor > 0) {
    lines.push(
      formatMessage(messages.nextTier, {
        amount: formatPrice(summary.nextTier.neededMinor, summary.currency, language),
        tier: summary.nextTier.name,
      }),
    );
  }
  if (summary.expiring) {
    lines.push(
      formatMessage(messages.expiring, {
        points: points(summary.expiring.points),
        date: date(summary.expiring.at),
      }),
    );
  }
  if (summary.balance < 0 || summary.available < 0) lines.push(messages.negative);
  if (summary.birthday) {
    const { month, day } = summary.birthday;
    lines.push(formatMessage(messages.birthday, { date: formatMonthDay(month, day, language) }));
  }
  return lines;
}

function historyLines(summary: BotPointsSummary, context: BotContext): string[] {
  const { language } = context;
  const messages = botMessagesFor(language).loyalty;
  if (summary.recent.length === 0) return [messages.summary.noHistory];
  return [
    messages.summary.historyHeading,
    ...summary.recent.map((entry) => {
      const reason = messages.reasons[entry.reason];
      return formatMessage(messages.summary.historyLine, {
        date: formatDate(entry.at, context.store.timezone, language),
        delta: formatPointsDelta(entry.delta, language),
        reason: entry.orderNumber
          ? formatMessage(messages.summary.historyOrder, { reason, number: entry.orderNumber })
          : reason,
      });
    }),
  ];
}

/**
 * "My points": available and pending balances, tier and the spend to the next, when points
 * expire, why a balance is below zero, and the last changes; a button to tell the birthday
 * while it is unknown.
 */
export function pointsSummaryMessage(
  summary: BotPointsSummary,
  context: BotContext,
): OutgoingContent {
  const messages = botMessagesFor(context.language).loyalty;
  const body = [
    `*${summary.programme.name}*`,
    ...balanceLines(summary, context),
    "",
    ...historyLines(summary, context),
  ].join("\n");
  const button = (id: string, title: string): ReplyButton => ({
    id,
    title: clampText(title, WHATSAPP_LIMITS.buttonTitle),
  });
  return {
    type: "buttons",
    body: clampText(body, WHATSAPP_LIMITS.body),
    buttons: [
      ...(summary.birthday ? [] : [button(LOYALTY_CHAT_IDS.birthday, messages.birthdayButton)]),
      button(MENU_REPLY_ID, messages.mainMenuButton),
    ],
  };
}
