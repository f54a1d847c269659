import "server-only";
import type { Database } from "@/db/drivers";
import { and, eq, sql } from "drizzle-orm";
import {
  cartItems,
  carts,
  checkoutSessions,
  customers,
  loyaltyAccounts,
  loyaltyLedger,
  loyaltyPrograms,
  type NewClick,
  orderItems,
  orders,
  paymentLinks,
  recoveries,
  recoveryPrograms,
  recoverySteps,
  refunds,
} from "@/db/schema";
import { type DemoChatRows, insertAsJson, insertChatRows } from "./chat-rows";
import type { DemoPaymentEvents } from "./events";
import type { DemoHistory } from "./history";
import { demoLoyaltyRows, planDemoLoyalty } from "./loyalty";
import { type DemoOrderIds, demoOrderRows } from "./orders";
import { planPayments } from "./payments";
import type { Rng } from "./random";
import { demoRecoveryRows } from "./recovery";

/**
 * Plans how each order went through its payment link, adds the link and confirmation
 * messages to the chats, and inserts the chats, then the orders (which point at them) with
 * their items, links, Checkout Sessions and refunds, the loyalty programme's members
 * and ledger (which paid part of some orders), and the recoveries of unpaid orders with
 * their reminders. Returns what the events need.
 */
export async function insertChatsAndOrders(
  db: Database,
  rng: Rng,
  input: {
    history: DemoHistory;
    chats: DemoChatRows;
    clicks: readonly NewClick[];
    now: Date;
    /** When the store switched recovery on. */
    recoverySince: Date;
  },
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
  const loyalty = demoLoyaltyRows(
    planDemoLoyalty(rng.fork("loyalty"), history, payments, now),
    payments,
    ids,
    now,
  );
  const rows = demoOrderRows(rng.fork("order-messages"), { ...input, payments }, ids);
  // Reminders join the chats and attributions the orders, so before either is inserted.
  const recovery = demoRecoveryRows(
    rng.fork("recovery"),
    { history, payments, chats, orders: rows, ids, now },
    input.recoverySince,
  );
  await insertChatRows(db, chats);
  await insertAsJson(db, carts, recovery.carts.carts);
  await insertAsJson(db, cartItems, recovery.carts.items);
  await insertAsJson(db, orders, rows.orders);
  await insertAsJson(db, orderItems, rows.items);
  await insertAsJson(db, paymentLinks, rows.paymentLinks);
  await insertAsJson(db, checkoutSessions, rows.checkoutSessions);
  if (rows.refunds.length > 0) await db.insert(refunds).values(rows.refunds);
  await db.insert(loyaltyPrograms).values(loyalty.programme);
  await insertAsJson(db, loyaltyAccounts, loyalty.accounts);
  await insertAsJson(db, loyaltyLedger, loyalty.ledger);
  for (const optOut of recovery.optOuts) {
    await db
      .update(customers)
      // As lib/conversations/customers.ts records a stop word: opted out, no longer in.
      .set({ optedOutAt: optOut.optedOutAt, optedInAt: null, lastInboundAt: optOut.lastInboundAt })
      .where(eq(customers.id, optOut.customerId));
  }
  await db.insert(recoveryPrograms).values(recovery.programme);
  await insertAsJson(db, recoveries, recovery.recoveries);
  await insertAsJson(db, recoverySteps, recovery.steps);
  // The customer's tier shown beside the chat is the programme's.
  await db
    .update(customers)
    .set({ tier: loyaltyAccounts.tier })
    .from(loyaltyAccounts)
    .where(
      and(
        eq(loyaltyAccounts.customerId, customers.id),
        eq(loyaltyAccounts.storeId, ids.storeId),
        sql`${loyaltyAccounts.joinedAt} is not null`,
      ),
    );
  return {
    plans: payments,
    linkMessageIds: rows.linkMessageIds,
    recoveryEvents: recovery.events,
  };
}
