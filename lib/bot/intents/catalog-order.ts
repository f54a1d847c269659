import type { CatalogOrderItem } from "@/lib/whatsapp/content";
import { MATCH_SCORES } from "../match";
import { botMessagesFor, formatMessage } from "../messages";
import type { BotContext, BotIntent, BotProduct, BotReply } from "../types";
import { checkoutReply, withPersonButton } from "./checkout-reply";
import { handOffText } from "./hand-off";

type MatchedItem = { item: CatalogOrderItem; product: BotProduct | null };

/** Each cart line with our active product, where its SKU matched one. */
async function matchedItems(context: BotContext): Promise<MatchedItem[]> {
  if (context.inbound.kind !== "order") return [];
  return Promise.all(
    context.inbound.items.map(async (item) => ({
      item,
      product: item.productId ? await context.findProduct(item.productId) : null,
    })),
  );
}

/** Today's answer when nothing can be paid here: the cart acknowledged, and a person. */
function handOffReply(context: BotContext, items: MatchedItem[]): BotReply {
  const messages = botMessagesFor(context.language).catalogOrder;
  const lines = items.map(({ item, product }) => {
    const quantity = String(item.quantity);
    return product
      ? formatMessage(messages.line, { quantity, name: product.name })
      : formatMessage(messages.unknownItem, { quantity, sku: item.retailerId });
  });
  const text = [messages.received, ...lines.map((line) => `• ${line}`), "", handOffText(context)];
  return {
    intent: "catalog-order",
    handOff: true,
    messages: [{ type: "text", text: text.join("\n") }],
  };
}

/**
 * A cart sent from the store's WhatsApp catalog: an order priced from OUR products (never
 * from WhatsApp's prices) and its payment link. Items whose SKU matches no active product
 * are named and left out; the shopper can pay the rest or ask for a person. When nothing
 * matches, or the order cannot be made, a person takes it as before.
 */
export const catalogOrderIntent: BotIntent = {
  name: "catalog-order",
  match: (context) => (context.inbound.kind === "order" ? MATCH_SCORES.replyId : 0),
  reply: async (context) => {
    const items = await matchedItems(context);
    const known = items.filter((entry) => entry.product);
    if (known.length === 0) return handOffReply(context, items);
    const outcome = await context.checkout({
      kind: "catalog",
      lines: known.map(({ item, product }) => ({
        productId: product!.id,
        quantity: item.quantity,
      })),
    });
    if (outcome.status === "refused") return handOffReply(context, items);
    const reply = await checkoutReply(outcome, context, "catalog-order");
    const unknown = items.filter((entry) => !entry.product);
    if (outcome.status !== "ready" || unknown.length === 0) return reply;
    const messages = botMessagesFor(context.language);
    const names = unknown.map(({ item }) =>
      formatMessage(messages.catalogOrder.unknownItem, {
        quantity: String(item.quantity),
        sku: item.retailerId,
      }),
    );
    const text = [
      messages.checkout.unknownItems,
      ...names.map((name) => `• ${name}`),
      "",
      messages.checkout.payRest,
    ].join("\n");
    return { ...reply, messages: [withPersonButton(text, context), ...reply.messages] };
  },
};
