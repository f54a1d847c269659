import type { OutgoingContent } from "@/lib/whatsapp/content";
import { formatPrice } from "../format";
import { clampText, WHATSAPP_LIMITS } from "../limits";
import { MATCH_SCORES, scoreWordsOrReplyIds } from "../match";
import { botMessagesFor, formatMessage } from "../messages";
import type { BotContext, BotIntent } from "../types";
import { MENU_ROW_IDS } from "./menu";

export const CATALOG_REPLY_ID = "catalog";
export const PRODUCT_ID_PREFIX = "product:";

const CATALOG_WORDS = [
  "catalog",
  "catalogue",
  "product",
  "products",
  "shop",
  "browse",
  "商品",
  "カタログ",
  "产品",
  "目录",
  "상품",
  "카탈로그",
];

/** Active products as a list the shopper taps to open a product card; text when there are none. */
export async function catalogMessage(context: BotContext): Promise<OutgoingContent> {
  const messages = botMessagesFor(context.language).catalog;
  const products = await context.listProducts();
  if (products.length === 0) return { type: "text", text: messages.empty };

  const shown = products.slice(0, WHATSAPP_LIMITS.listRows);
  const truncated = shown.length < products.length;
  return {
    type: "list",
    body: messages.body,
    button: clampText(messages.button, WHATSAPP_LIMITS.listButton),
    ...(truncated && {
      footer: clampText(
        formatMessage(messages.truncated, { shown: shown.length, count: products.length }),
        WHATSAPP_LIMITS.footer,
      ),
    }),
    sections: [
      {
        title: clampText(messages.section, WHATSAPP_LIMITS.sectionTitle),
        rows: shown.map((product) => ({
          id: `${PRODUCT_ID_PREFIX}${product.id}`,
          title: clampText(product.name, WHATSAPP_LIMITS.rowTitle),
          description: clampText(
            formatPrice(product.priceMinor, product.currency, context.language),
            WHATSAPP_LIMITS.rowDescription,
          ),
        })),
      },
    ],
  };
}

export const catalogIntent: BotIntent = {
  name: "catalog",
  match: (context) =>
    scoreWordsOrReplyIds(context, {
      replyIds: [CATALOG_REPLY_ID, MENU_ROW_IDS.catalog],
      keywords: CATALOG_WORDS,
      keywordScore: MATCH_SCORES.catalogWords,
    }),
  reply: async (context) => ({ intent: "catalog", messages: [await catalogMessage(context)] }),
};
