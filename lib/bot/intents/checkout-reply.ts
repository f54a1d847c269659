import type { OutgoingContent } from "@/lib/whatsapp/content";
import { clampText, WHATSAPP_LIMITS } from "../limits";
import { MAX_ORDER_QUANTITY } from "@/lib/orders/limits";
import { botMessagesFor, formatMessage } from "../messages";
import { pointsOfferMessage } from "../points-offer";
import type { BotCheckoutOutcome, BotContext, BotReply } from "../types";
import { MENU_ROW_IDS } from "./menu";

/** `body` with one button: "Talk to a person". */
export function withPersonButton(body: string, context: BotContext): OutgoingContent {
  const title = botMessagesFor(context.language).product.talkToPerson;
  return {
    type: "buttons",
    body: clampText(body, WHATSAPP_LIMITS.body),
    buttons: [{ id: MENU_ROW_IDS.agent, title: clampText(title, WHATSAPP_LIMITS.buttonTitle) }],
  };
}

/** Payment is not available in this store yet: said plainly, with a person on offer. */
export function paymentsUnavailableReply(context: BotContext, intent: string): BotReply {
  const text = botMessagesFor(context.language).checkout.unavailable;
  const filled = formatMessage(text, { max: MAX_ORDER_QUANTITY });
  return { intent, messages: [withPersonButton(filled, context)] };
}

/**
 * The answer to a checkout: the payment link (after "you already have this order" when an
 * open one was found), or why there is none. A member who can pay part of it with points is
 * asked first (*Use points* / *Pay full price*); the link follows their choice. Nothing here
 * writes: `checkout` did.
 */
export async function checkoutReply(
  outcome: BotCheckoutOutcome,
  context: BotContext,
  intent: string,
): Promise<BotReply> {
  const messages = botMessagesFor(context.language);
  if (outcome.status === "unavailable") return paymentsUnavailableReply(context, intent);
  if (outcome.status === "ready") {
    const offer = await context.loyalty?.offer(outcome.link.orderId);
    if (offer) return { intent: "loyalty-offer", messages: [pointsOfferMessage(offer, context)] };
    return {
      intent,
      messages: outcome.resent ? [{ type: "text", text: messages.checkout.resent }] : [],
      paymentLink: outcome.link,
    };
  }
  const text = {
    empty: messages.cart.empty,
    bad_quantity: messages.buy.badQuantity,
    unavailable_products: messages.product.notFound,
    too_many_lines: messages.purchase.handOff,
    cart_gone: messages.checkout.cartGone,
  }[outcome.reason];
  const filled = formatMessage(text, { max: MAX_ORDER_QUANTITY });
  return { intent, messages: [withPersonButton(filled, context)] };
}
