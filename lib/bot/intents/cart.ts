import type { OutgoingContent } from "@/lib/whatsapp/content";
import { formatPrice } from "../format";
import { clampText, WHATSAPP_LIMITS } from "../limits";
import { MATCH_SCORES, replyIdOf } from "../match";
import { botMessagesFor, formatMessage } from "../messages";
import type { BotCart, BotContext, BotIntent } from "../types";
import { checkoutReply } from "./checkout-reply";
import { moreProductsAndPersonButtons } from "./product-inquiry";

/** A product name longer than this is cut in a cart line, so that more lines fit. */
const NAME_ROOM = 60;

/**
 * The cart's lines, as many as fit in `room` characters; the rest are counted ("…and 3 more").
 * Lines are never cut mid-way: a quantity or price half shown would mislead.
 */
function cartLines(cart: Extract<BotCart, { status: "open" }>, context: BotContext, room: number) {
  const messages = botMessagesFor(context.language).cart;
  const lines = cart.lines.map((line) =>
    formatMessage(messages.line, {
      quantity: line.quantity,
      name: clampText(line.name, NAME_ROOM),
      total: formatPrice(line.lineTotalMinor, cart.currency, context.language),
    }),
  );
  const more = (count: number) => formatMessage(messages.more, { count });
  const shown: string[] = [];
  let used = 0;
  for (const [index, line] of lines.entries()) {
    const left = lines.length - index - 1;
    const reserve = left > 0 ? more(left).length + 1 : 0;
    if (used + line.length + 1 + reserve > room) {
      shown.push(more(lines.length - index));
      break;
    }
    shown.push(line);
    used += line.length + 1;
  }
  return shown;
}

function cartBody(cart: BotCart, context: BotContext, payable: boolean): string {
  const messages = botMessagesFor(context.language).cart;
  const prompt = payable ? botMessagesFor(context.language).checkout.cartPrompt : messages.prompt;
  if (cart.status === "unavailable") return messages.unavailable;
  if (cart.lines.length === 0) return messages.empty;
  const total = formatMessage(messages.total, {
    total: formatPrice(cart.totalMinor, cart.currency, context.language),
  });
  const fixed = messages.heading.length + total.length + prompt.length + 4;
  const lines = cartLines(cart, context, WHATSAPP_LIMITS.body - fixed);
  return [messages.heading, ...lines, total, "", prompt].join("\n");
}

/** The cart's Pay now button: the id names the cart, so a later tap needs no state. */
export const PAY_NOW_PREFIX = "paynow:";

/**
 * The cart as one message: items, quantities and the total in the store's currency, with
 * buttons to a person and to the catalog, and *Pay now* first when `payable` (the cart has
 * lines and the store takes payment).
 */
export function cartMessage(cart: BotCart, context: BotContext, payable = false): OutgoingContent {
  const canPay = payable && cart.status === "open" && cart.lines.length > 0;
  const buttons = moreProductsAndPersonButtons(context).reverse();
  if (canPay) {
    const title = botMessagesFor(context.language).checkout.payNow;
    buttons.unshift({
      id: `${PAY_NOW_PREFIX}${cart.cartId}`,
      title: clampText(title, WHATSAPP_LIMITS.buttonTitle),
    });
  }
  return {
    type: "buttons",
    body: clampText(cartBody(cart, context, canPay), WHATSAPP_LIMITS.body),
    buttons,
  };
}

/** The storefront cart's hand-off: the message carrying a cart's ref is answered with it. */
export const cartIntent: BotIntent = {
  name: "cart",
  match: (context) => (context.referredCart ? MATCH_SCORES.referredCart : 0),
  reply: async (context) => ({
    intent: "cart",
    messages: context.referredCart
      ? [cartMessage(context.referredCart, context, await context.paymentsAvailable())]
      : [],
  }),
};

function tappedCartId(context: BotContext): string | null {
  const replyId = replyIdOf(context);
  if (!replyId?.startsWith(PAY_NOW_PREFIX)) return null;
  return replyId.slice(PAY_NOW_PREFIX.length) || null;
}

/** *Pay now*: an order from the cart's contents and prices as they are now, and its link. */
export const payNowIntent: BotIntent = {
  name: "pay-now",
  match: (context) => (tappedCartId(context) ? MATCH_SCORES.replyId : 0),
  reply: async (context) => {
    const cartId = tappedCartId(context);
    if (!cartId) return { intent: "pay-now", messages: [] };
    const outcome = await context.checkout({ kind: "cart", cartId });
    return checkoutReply(outcome, context, "pay-now");
  },
};
