import { MATCH_SCORES, replyIdOf } from "../match";
import { botMessagesFor, formatMessage } from "../messages";
import { formatPoints, formatPrice } from "../format";
import { pointsOfferMessage, readPointsChoice } from "../points-offer";
import type { BotContext, BotIntent, BotOrderGone, BotReply } from "../types";
import { paymentsUnavailableReply } from "./checkout-reply";

const INTENT = "loyalty-pay";

/** Why a tapped choice cannot lead to a link: the order is gone or no longer payable. */
function goneReply(gone: BotOrderGone, context: BotContext): BotReply {
  const messages = botMessagesFor(context.language);
  if (gone.status === "unavailable") return paymentsUnavailableReply(context, INTENT);
  const text =
    gone.status === "not_found"
      ? messages.loyalty.notFound
      : formatMessage(messages.loyalty.notPayable, {
          number: gone.orderNumber,
          status: messages.orders.status[gone.orderStatus],
        });
  return { intent: INTENT, messages: [{ type: "text", text }] };
}

/**
 * The answer to the points offer before a payment link: *Use points* redeems (once, under
 * the account's lock) and sends the link for the reduced total; *Pay full price* sends the
 * link as it is. A stale tap (order paid or cancelled, points already used, balance
 * changed) is told so and never redeems twice.
 */
export const loyaltyPayIntent: BotIntent = {
  name: INTENT,
  match: (context) => (readPointsChoice(replyIdOf(context)) ? MATCH_SCORES.replyId : 0),
  reply: async (context) => {
    const choice = readPointsChoice(replyIdOf(context));
    const messages = botMessagesFor(context.language).loyalty;
    if (!choice || !context.loyalty) {
      return { intent: INTENT, messages: [{ type: "text", text: messages.off }] };
    }
    if (!choice.use) {
      const full = await context.loyalty.payFull(choice.orderId);
      if (full.status !== "ready") return goneReply(full, context);
      return { intent: INTENT, messages: [], paymentLink: full.link };
    }
    const outcome = await context.loyalty.payWithPoints(choice.orderId, choice.shownPoints);
    const say = (text: string) => [{ type: "text" as const, text }];
    switch (outcome.status) {
      case "redeemed": {
        const currency = context.store.currency;
        const text = formatMessage(messages.redeemed, {
          points: formatPoints(outcome.points, context.language),
          discount: formatPrice(outcome.discountMinor, currency, context.language),
          available: formatPoints(outcome.available, context.language),
        });
        return { intent: INTENT, messages: say(text), paymentLink: outcome.link };
      }
      case "changed":
        return {
          intent: INTENT,
          messages: [...say(messages.changed), pointsOfferMessage(outcome.offer, context)],
        };
      case "already_redeemed":
        return {
          intent: INTENT,
          messages: say(messages.alreadyRedeemed),
          paymentLink: outcome.link,
        };
      case "not_usable":
        return { intent: INTENT, messages: say(messages.notUsable), paymentLink: outcome.link };
      default:
        return goneReply(outcome, context);
    }
  },
};
