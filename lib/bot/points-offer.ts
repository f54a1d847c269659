import { LOYALTY_CHAT_IDS } from "@/lib/loyalty/chat-ids";
import type { OutgoingContent } from "@/lib/whatsapp/content";
import { formatPoints, formatPrice } from "./format";
import { clampText, WHATSAPP_LIMITS } from "./limits";
import { botMessagesFor, formatMessage } from "./messages";
import type { BotContext, BotPointsOffer } from "./types";

/**
 * The "Use points" button's id: the order, and the points offered, so that a tap after the
 * balance changed is caught rather than redeeming a different amount than the shopper saw.
 */
export function pointsChoiceId(offer: Pick<BotPointsOffer, "orderId" | "points">): string {
  return `${LOYALTY_CHAT_IDS.usePointsPrefix}${offer.orderId}:${offer.points}`;
}

/** `loyalty:use:<orderId>[:<points>]` / `loyalty:full:<orderId>` → what was tapped. */
export function readPointsChoice(
  replyId: string | null,
): { use: boolean; orderId: string; shownPoints: number | null } | null {
  if (!replyId) return null;
  const use = replyId.startsWith(LOYALTY_CHAT_IDS.usePointsPrefix);
  if (!use && !replyId.startsWith(LOYALTY_CHAT_IDS.payFullPrefix)) return null;
  const prefix = use ? LOYALTY_CHAT_IDS.usePointsPrefix : LOYALTY_CHAT_IDS.payFullPrefix;
  const [orderId, points] = replyId.slice(prefix.length).split(":");
  if (!orderId) return null;
  const shown = use && points && /^\d{1,9}$/.test(points) ? Number(points) : null;
  return { use, orderId, shownPoints: shown !== null && shown > 0 ? shown : null };
}

/** *Use 480 points (−¥480)* or *Pay full price*, asked before an order's link is sent. */
export function pointsOfferMessage(offer: BotPointsOffer, context: BotContext): OutgoingContent {
  const { language } = context;
  const messages = botMessagesFor(language).loyalty;
  const price = (minor: number) => formatPrice(minor, offer.currency, language);
  const points = formatPoints(offer.points, language);
  const body = formatMessage(messages.offer, {
    available: formatPoints(offer.available, language),
    points,
    discount: price(offer.discountMinor),
    number: offer.orderNumber,
    total: price(offer.totalMinor - offer.discountMinor),
    fullTotal: price(offer.totalMinor),
  });
  const long = formatMessage(messages.useButton, {
    points,
    discount: `−${price(offer.discountMinor)}`,
  });
  const use =
    long.length <= WHATSAPP_LIMITS.buttonTitle
      ? long
      : formatMessage(messages.useShort, { points });
  return {
    type: "buttons",
    body: clampText(body, WHATSAPP_LIMITS.body),
    buttons: [
      { id: pointsChoiceId(offer), title: clampText(use, WHATSAPP_LIMITS.buttonTitle) },
      {
        id: `${LOYALTY_CHAT_IDS.payFullPrefix}${offer.orderId}`,
        title: clampText(messages.payFullButton, WHATSAPP_LIMITS.buttonTitle),
      },
    ],
  };
}
