import { MATCH_SCORES, scoreWordsOrReplyIds, textOf } from "../match";
import { botMessagesFor } from "../messages";
import { findNamedProduct } from "../product-match";
import type { BotIntent } from "../types";
import { handOffText } from "./hand-off";
import { productCard } from "./product-inquiry";

/** A shopper who wants to buy ("I want to buy 2 of the whisk", 「抹茶を2つ買いたい」). */
const BUY_WORDS = [
  "buy",
  "purchase",
  "like to order",
  "want to order",
  "place an order",
  "買いたい",
  "買います",
  "買う",
  "購入",
  "注文したい",
  "注文します",
  "欲しい",
  "买",
  "购买",
  "下单",
  "사고 싶",
  "살게",
  "구매",
  "주문하고 싶",
  "주문할게",
];

/**
 * Wanting to buy is answered with the product the words name (its card has "Talk to a
 * person", and payments' "Buy"), or, when no one product is named, by a person: never
 * with "Sorry, I didn't catch that".
 */
export const purchaseIntent: BotIntent = {
  name: "purchase",
  match: (context) =>
    scoreWordsOrReplyIds(context, {
      replyIds: [],
      keywords: BUY_WORDS,
      keywordScore: MATCH_SCORES.buyWords,
    }),
  reply: async (context) => {
    const product = findNamedProduct(textOf(context) ?? "", await context.listProducts());
    if (product) return { intent: "purchase", messages: [productCard(product, context)] };
    const text = handOffText(context, botMessagesFor(context.language).purchase.handOff);
    return { intent: "purchase", handOff: true, messages: [{ type: "text", text }] };
  },
};
