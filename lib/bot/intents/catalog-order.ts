import { MATCH_SCORES } from "../match";
import { botMessagesFor, formatMessage } from "../messages";
import type { BotContext, BotIntent } from "../types";
import { handOffText } from "./hand-off";

/** The cart lines as the shopper will recognise them: our product names where SKUs matched. */
async function cartLines(context: BotContext): Promise<string[]> {
  if (context.inbound.kind !== "order") return [];
  const messages = botMessagesFor(context.language).catalogOrder;
  return Promise.all(
    context.inbound.items.map(async (item) => {
      const product = item.productId ? await context.findProduct(item.productId) : null;
      const quantity = String(item.quantity);
      return product
        ? formatMessage(messages.line, { quantity, name: product.name })
        : formatMessage(messages.unknownItem, { quantity, sku: item.retailerId });
    }),
  );
}

/**
 * A cart sent from the store's WhatsApp catalog: acknowledged item by item and handed to a
 * person, who sends the payment link (the payments issue turns it into an order in one tap).
 */
export const catalogOrderIntent: BotIntent = {
  name: "catalog-order",
  match: (context) => (context.inbound.kind === "order" ? MATCH_SCORES.replyId : 0),
  reply: async (context) => {
    const messages = botMessagesFor(context.language).catalogOrder;
    const lines = await cartLines(context);
    const text = [messages.received, ...lines.map((line) => `• ${line}`), "", handOffText(context)];
    return {
      intent: "catalog-order",
      handOff: true,
      messages: [{ type: "text", text: text.join("\n") }],
    };
  },
};
