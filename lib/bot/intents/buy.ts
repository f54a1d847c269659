import { isValidOrderQuantity, MAX_ORDER_QUANTITY } from "@/lib/orders/limits";
import type { OutgoingContent, ReplyButton } from "@/lib/whatsapp/content";
import { formatPrice } from "../format";
import { clampText, WHATSAPP_LIMITS } from "../limits";
import { MATCH_SCORES, replyIdOf, textOf } from "../match";
import { botMessagesFor, formatMessage } from "../messages";
import { parseQuantity } from "../quantity";
import type { BotContext, BotIntent, BotProduct, BotReply } from "../types";
import { catalogMessage } from "./catalog";
import { checkoutReply, paymentsUnavailableReply } from "./checkout-reply";

/**
 * Buy → "How many?" → the order and its payment link. The state lives in reply ids
 * (`buy:<productId>`, `qty:<productId>:<n>`), and for a typed number in the bot's last
 * message: a quantity question (intent `buy-quantity`) names its product in its row ids.
 */
export const BUY_PREFIX = "buy:";
export const QUANTITY_PREFIX = "qty:";
export const QUANTITY_INTENT = "buy-quantity";
/** Rows offered; any other quantity up to MAX_ORDER_QUANTITY may be typed. */
const LISTED_QUANTITIES = [1, 2, 3, 4, 5];

export function buyButton(product: BotProduct, context: BotContext): ReplyButton {
  const title = botMessagesFor(context.language).buy.button;
  return { id: `${BUY_PREFIX}${product.id}`, title: clampText(title, WHATSAPP_LIMITS.buttonTitle) };
}

/** The product a `qty:` row id names, as the quantity list wrote it. */
export function productIdOfQuantityRow(id: string): string | null {
  if (!id.startsWith(QUANTITY_PREFIX)) return null;
  return id.slice(QUANTITY_PREFIX.length).split(":")[0] || null;
}

export function quantityQuestion(product: BotProduct, context: BotContext): OutgoingContent {
  const messages = botMessagesFor(context.language).buy;
  return {
    type: "list",
    body: clampText(
      formatMessage(messages.quantityBody, { name: product.name, max: MAX_ORDER_QUANTITY }),
      WHATSAPP_LIMITS.body,
    ),
    button: clampText(messages.quantityButton, WHATSAPP_LIMITS.listButton),
    sections: [
      {
        title: clampText(messages.quantitySection, WHATSAPP_LIMITS.sectionTitle),
        rows: LISTED_QUANTITIES.map((quantity) => ({
          id: `${QUANTITY_PREFIX}${product.id}:${quantity}`,
          title: String(quantity),
          description: clampText(
            formatPrice(product.priceMinor * quantity, product.currency, context.language),
            WHATSAPP_LIMITS.rowDescription,
          ),
        })),
      },
    ],
  };
}

type Answer =
  | { kind: "tap-buy"; productId: string }
  | { kind: "quantity"; productId: string; quantity: number }
  | { kind: "not-a-number"; productId: string };

async function readAnswer(context: BotContext): Promise<Answer | null> {
  const replyId = replyIdOf(context);
  if (replyId?.startsWith(BUY_PREFIX)) {
    const productId = replyId.slice(BUY_PREFIX.length);
    return productId ? { kind: "tap-buy", productId } : null;
  }
  if (replyId?.startsWith(QUANTITY_PREFIX)) {
    const productId = productIdOfQuantityRow(replyId);
    const quantity = Number(replyId.split(":")[2]);
    return productId ? { kind: "quantity", productId, quantity } : null;
  }
  const text = textOf(context);
  if (text === null) return null;
  const productId = await context.quantityAskedFor();
  if (!productId) return null;
  const quantity = parseQuantity(text);
  return quantity === null
    ? { kind: "not-a-number", productId }
    : { kind: "quantity", productId, quantity };
}

async function askAgain(context: BotContext, productId: string, text: string): Promise<BotReply> {
  const product = await context.findProduct(productId);
  const filled = formatMessage(text, { max: MAX_ORDER_QUANTITY });
  const messages: OutgoingContent[] = [{ type: "text", text: filled }];
  if (product) messages.push(quantityQuestion(product, context));
  return { intent: QUANTITY_INTENT, messages };
}

export const buyIntent: BotIntent = {
  name: "buy",
  match: async (context) => {
    const answer = await readAnswer(context);
    if (!answer) return 0;
    return answer.kind === "not-a-number" ? MATCH_SCORES.quantityNotANumber : MATCH_SCORES.replyId;
  },
  reply: async (context) => {
    const answer = await readAnswer(context);
    const messages = botMessagesFor(context.language);
    if (!answer) return { intent: "buy", messages: [] };
    if (answer.kind === "not-a-number") {
      return askAgain(context, answer.productId, messages.buy.notANumber);
    }
    if (answer.kind === "quantity" && !isValidOrderQuantity(answer.quantity)) {
      return askAgain(context, answer.productId, messages.buy.badQuantity);
    }
    const product = await context.findProduct(answer.productId);
    if (!product) {
      return {
        intent: "buy",
        messages: [
          { type: "text", text: messages.product.notFound },
          await catalogMessage(context),
        ],
      };
    }
    if (!(await context.paymentsAvailable())) return paymentsUnavailableReply(context, "buy");
    if (answer.kind === "tap-buy") {
      return { intent: QUANTITY_INTENT, messages: [quantityQuestion(product, context)] };
    }
    const outcome = await context.checkout({
      kind: "product",
      productId: product.id,
      quantity: answer.quantity,
    });
    return checkoutReply(outcome, context, "buy");
  },
};
