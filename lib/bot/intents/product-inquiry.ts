import type { OutgoingContent, ReplyButton } from "@/lib/whatsapp/content";
import { formatPrice } from "../format";
import { clampText, WHATSAPP_LIMITS } from "../limits";
import { MATCH_SCORES, replyIdOf } from "../match";
import { botMessagesFor } from "../messages";
import type { BotContext, BotIntent, BotProduct } from "../types";
import { buyButton } from "./buy";
import { CATALOG_REPLY_ID, catalogMessage, PRODUCT_ID_PREFIX } from "./catalog";
import { MENU_ROW_IDS } from "./menu";

function tappedProductId(context: BotContext): string | null {
  const replyId = replyIdOf(context);
  if (!replyId?.startsWith(PRODUCT_ID_PREFIX)) return null;
  return replyId.slice(PRODUCT_ID_PREFIX.length) || null;
}

/** "More products" and "Talk to a person", under a product card or a cart. */
export function moreProductsAndPersonButtons(context: BotContext): ReplyButton[] {
  const messages = botMessagesFor(context.language).product;
  return [
    { id: CATALOG_REPLY_ID, title: clampText(messages.moreProducts, WHATSAPP_LIMITS.buttonTitle) },
    {
      id: MENU_ROW_IDS.agent,
      title: clampText(messages.talkToPerson, WHATSAPP_LIMITS.buttonTitle),
    },
  ];
}

/** "name — price", then as much of the description as fits in the body; Buy first. */
export function productCard(product: BotProduct, context: BotContext): OutgoingContent {
  const price = formatPrice(product.priceMinor, product.currency, context.language);
  const heading = clampText(`${product.name} — ${price}`, WHATSAPP_LIMITS.body);
  const descriptionRoom = WHATSAPP_LIMITS.body - heading.length - 2;
  const description = clampText(product.description, descriptionRoom);
  return {
    type: "buttons",
    body: description ? `${heading}\n\n${description}` : heading,
    buttons: [buyButton(product, context), ...moreProductsAndPersonButtons(context)],
  };
}

export const productInquiryIntent: BotIntent = {
  name: "product-inquiry",
  match: (context) => {
    if (tappedProductId(context)) return MATCH_SCORES.replyId;
    return context.referredProduct ? MATCH_SCORES.referredProduct : 0;
  },
  reply: async (context) => {
    const productId = tappedProductId(context);
    const product = productId ? await context.findProduct(productId) : context.referredProduct;
    if (product) return { intent: "product-inquiry", messages: [productCard(product, context)] };
    // A row from an old catalog list whose product was removed or deactivated since.
    const notFound = botMessagesFor(context.language).product.notFound;
    return {
      intent: "product-inquiry",
      messages: [{ type: "text", text: notFound }, await catalogMessage(context)],
    };
  },
};
