import { formatDate, formatPrice } from "../format";
import { clampText, WHATSAPP_LIMITS } from "../limits";
import { MATCH_SCORES, scoreWordsOrReplyIds } from "../match";
import { botMessagesFor, formatMessage } from "../messages";
import type { BotIntent } from "../types";
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
    const lines = orders.slice(0, ORDERS_SHOWN).map((order) =>
      formatMessage(messages.line, {
        number: order.number,
        status: messages.status[order.status],
        total: formatPrice(order.totalMinor, order.currency, context.language),
        date: formatDate(order.createdAt, context.store.timezone, context.language),
      }),
    );
    const text = clampText([messages.heading, ...lines].join("\n"), WHATSAPP_LIMITS.text);
    return { intent: "order-status", messages: [{ type: "text", text }] };
  },
};
