import { formatDate, formatPrice } from "../format";
import { clampText, WHATSAPP_LIMITS } from "../limits";
import { MATCH_SCORES, scoreWordsOrReplyIds } from "../match";
import { botMessagesFor, formatMessage } from "../messages";
import type { BotContext, BotIntent, BotOrder } from "../types";
import { MENU_REPLY_ID, MENU_ROW_IDS } from "./menu";

/** More than this reads as a statement, not an answer; the dashboard has the full history. */
const ORDERS_SHOWN = 5;

const ORDER_WORDS = ["order", "orders", "my order", "status", "tracking", "注文", "订单", "주문"];

export const orderStatusIntent: BotIntent = {
  name: "order-status",
  match: (context) =>
    scoreWordsOrReplyIds(context, {
      replyIds: [MENU_ROW_IDS.orders],
      keywords: ORDER_WORDS,
      keywordScore: MATCH_SCORES.orderWords,
    }),
  reply: async (context) => {
    const messages = botMessagesFor(context.language).orders;
    const orders = await context.recentOrders();
    if (orders.length === 0) {
      return {
        intent: "order-status",
        messages: [
          {
            type: "buttons",
            body: messages.none,
            buttons: [
              {
                id: MENU_ROW_IDS.catalog,
                title: clampText(messages.browse, WHATSAPP_LIMITS.buttonTitle),
              },
              {
                id: MENU_REPLY_ID,
                title: clampText(messages.mainMenu, WHATSAPP_LIMITS.buttonTitle),
              },
            ],
          },
        ],
      };
    }
    const shown = orders.slice(0, ORDERS_SHOWN);
    const lines = shown.flatMap((order) => orderLines(order, context));
    // The newest order awaiting payment gets the Pay button; older ones are listed.
    const payable = shown.find((order) => order.status === "pending" && order.payUrl);
    if (!payable?.payUrl) {
      const text = clampText([messages.heading, ...lines].join("\n"), WHATSAPP_LIMITS.text);
      return { intent: "order-status", messages: [{ type: "text", text }] };
    }
    const prompt = formatMessage(messages.payPrompt, { number: payable.number });
    const total = formatPrice(payable.totalMinor, payable.currency, context.language);
    const button = formatMessage(messages.payButton, { total });
    const body = clampText(
      [messages.heading, ...lines, "", prompt].join("\n"),
      WHATSAPP_LIMITS.body,
    );
    return {
      intent: "order-status",
      messages: [
        {
          type: "cta_url",
          body,
          displayText: button.length <= WHATSAPP_LIMITS.ctaDisplayText ? button : messages.payShort,
          url: payable.payUrl,
        },
      ],
    };
  },
};

/** What an order's status reads as: payment first, then how far it has travelled. */
function statusText(order: BotOrder, context: BotContext): string {
  const messages = botMessagesFor(context.language).orders;
  if (order.status !== "paid") return messages.status[order.status];
  if (order.refundedMinor > 0) {
    const amount = formatPrice(order.refundedMinor, order.currency, context.language);
    return formatMessage(messages.partlyRefunded, { amount });
  }
  if (order.fulfillmentStatus === "delivered") return messages.delivered;
  if (order.fulfillmentStatus === "shipped") return messages.shipped;
  return messages.status.paid;
}

function orderLines(order: BotOrder, context: BotContext): string[] {
  const messages = botMessagesFor(context.language).orders;
  const line = formatMessage(messages.line, {
    number: order.number,
    status: statusText(order, context),
    total: formatPrice(order.totalMinor, order.currency, context.language),
    date: formatDate(order.createdAt, context.store.timezone, context.language),
  });
  const tracked = order.status === "paid" && order.fulfillmentStatus === "shipped";
  return tracked && order.trackingUrl
    ? [line, formatMessage(messages.tracking, { url: order.trackingUrl })]
    : [line];
}
