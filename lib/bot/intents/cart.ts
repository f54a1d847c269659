import type { OutgoingContent } from "@/lib/whatsapp/content";
import { formatPrice } from "../format";
import { clampText, WHATSAPP_LIMITS } from "../limits";
import { MATCH_SCORES } from "../match";
import { botMessagesFor, formatMessage } from "../messages";
import type { BotCart, BotContext, BotIntent } from "../types";
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

function cartBody(cart: BotCart, context: BotContext): string {
  const messages = botMessagesFor(context.language).cart;
  if (cart.status === "unavailable") return messages.unavailable;
  if (cart.lines.length === 0) return messages.empty;
  const total = formatMessage(messages.total, {
    total: formatPrice(cart.totalMinor, cart.currency, context.language),
  });
  const fixed = messages.heading.length + total.length + messages.prompt.length + 4;
  const lines = cartLines(cart, context, WHATSAPP_LIMITS.body - fixed);
  return [messages.heading, ...lines, total, "", messages.prompt].join("\n");
}

/**
 * The cart as one message: items, quantities and the total in the store's currency, with
 * buttons to a person and to the catalog. Payments adds "Pay now" to these buttons.
 */
export function cartMessage(cart: BotCart, context: BotContext): OutgoingContent {
  return {
    type: "buttons",
    body: clampText(cartBody(cart, context), WHATSAPP_LIMITS.body),
    buttons: moreProductsAndPersonButtons(context).reverse(),
  };
}

/** The storefront cart's hand-off: the message carrying a cart's ref is answered with it. */
export const cartIntent: BotIntent = {
  name: "cart",
  match: (context) => (context.referredCart ? MATCH_SCORES.referredCart : 0),
  reply: (context) => ({
    intent: "cart",
    messages: context.referredCart ? [cartMessage(context.referredCart, context)] : [],
  }),
};
