import "server-only";
import type { Database } from "@/db/drivers";
import {
  checkoutSessions,
  type NewClick,
  orderItems,
  orders,
  paymentLinks,
  refunds,
} from "@/db/schema";
import { type DemoChatRows, insertAsJson, insertChatRows } from "./chat-rows";
import type { DemoPaymentEvents } from "./events";
import type { DemoHistory } from "./history";
import { type DemoOrderIds, demoOrderRows } from "./orders";
import { planPayments } from "./payments";
import type { Rng } from "./random";

/**
 * Plans how each order went through its payment link, adds the link and confirmation
 * messages to the chats, and inserts the chats, then the orders (which point at them) with
 * their items, links, Checkout Sessions and refunds. Returns what the events need.
 */
export async function insertChatsAndOrders(
  db: Database,
  rng: Rng,
  input: { history: DemoHistory; chats: DemoChatRows; clicks: readonly NewClick[]; now: Date },
  ids: DemoOrderIds,
): Promise<DemoPaymentEvents> {
  const { history, chats, now } = input;
  const handedOff = new Map(chats.conversations.map((row) => [row.id, row.handedOffAt ?? null]));
  const payments = planPayments(
    rng.fork("payments"),
    history,
    (chatIndex) => ({ handedOffAt: handedOff.get(ids.conversationId(chatIndex)) ?? null }),
    now,
  );
  const rows = demoOrderRows(rng.fork("order-messages"), { ...input, payments }, ids);
  await insertChatRows(db, chats);
  await insertAsJson(db, orders, rows.orders);
  await insertAsJson(db, orderItems, rows.items);
  await insertAsJson(db, paymentLinks, rows.paymentLinks);
  await insertAsJson(db, checkoutSessions, rows.checkoutSessions);
  if (rows.refunds.length > 0) await db.insert(refunds).values(rows.refunds);
  return { plans: payments, linkMessageIds: rows.linkMessageIds };
}
