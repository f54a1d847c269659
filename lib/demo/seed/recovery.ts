import type { NewAnalyticsEvent, recoveries, recoveryPrograms, recoverySteps } from "@/db/schema";
import { EVENT_TYPES } from "@/lib/analytics/event-types";
import type { RecoverySettings } from "@/lib/recovery/settings";
import type { DemoChatRows } from "./chat-rows";
import type { DemoHistory } from "./history";
import type { DemoOrderIds, DemoOrderRows } from "./orders";
import type { PlannedPayment } from "./payments";
import type { Rng } from "./random";
import { addDemoCart, type DemoCartRows, itemsByOrder } from "./recovery-carts";
import { addOptOut, addReminder } from "./recovery-messages";
import { recoveryRng } from "./recovery-plan";
import {
  demoRecoverySettings,
  type RecoveryFacts,
  simulateRecovery,
  type SimulatedRecovery,
} from "./recovery-timeline";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type DemoRecoveryRows = {
  programme: typeof recoveryPrograms.$inferInsert;
  recoveries: (typeof recoveries.$inferInsert)[];
  steps: (typeof recoverySteps.$inferInsert)[];
  events: NewAnalyticsEvent[];
  /** The storefront carts the `cart` entry's orders were made from (insert before the orders). */
  carts: DemoCartRows;
  /** Shoppers who answered a reminder with the stop word: their customer rows change. */
  optOuts: { customerId: string; optedOutAt: Date; lastInboundAt: Date }[];
};

type Customer = {
  inbound: number[];
  optedInAt: Date | null;
  optedOutAt: Date | null;
  chats: { at: number; index: number }[];
  /** Recoveries so far: when abandoned, and whether they reached the shopper or still run. */
  sequences: { abandonedAt: number; counts: boolean }[];
  reminders: number[];
};

function customersOf(history: DemoHistory, chats: DemoChatRows, ids: DemoOrderIds): Customer[] {
  const byId = new Map(ids.customerIds.map((id, i) => [id, i]));
  const customers: Customer[] = history.customers.map((_, i) => ({
    inbound: [],
    optedInAt: chats.customers[i]?.optedInAt ?? null,
    optedOutAt: chats.customers[i]?.optedOutAt ?? null,
    chats: [],
    sequences: [],
    reminders: [],
  }));
  for (const message of chats.messages) {
    if (message.direction !== "inbound") continue;
    customers[byId.get(message.customerId)!]?.inbound.push(message.createdAt!.getTime());
  }
  history.chats.forEach((chat, index) =>
    customers[chat.customer]!.chats.push({ at: chat.at.getTime(), index }),
  );
  for (const customer of customers) customer.inbound.sort((a, b) => a - b);
  return customers;
}

function factsOf(
  customer: Customer,
  payment: PlannedPayment,
  payments: readonly PlannedPayment[],
): RecoveryFacts {
  const own = (at: Date, time: Date | null) => (time && time <= at ? time : null);
  return {
    recipientAt: (at) => {
      const last = customer.inbound.findLast((time) => time <= at.getTime());
      return {
        lastInboundAt: last === undefined ? null : new Date(last),
        optedInAt: own(at, customer.optedInAt),
        optedOutAt: own(at, customer.optedOutAt),
      };
    },
    paidElsewhere: (from, to) =>
      payments.some(
        (other) =>
          other !== payment &&
          other.order.customer === payment.order.customer &&
          other.order.paidAt !== null &&
          other.order.paidAt >= from &&
          other.order.paidAt <= to,
      ),
    lastReminderBefore: (at) => {
      const last = customer.reminders.findLast((time) => time < at.getTime());
      return last === undefined ? null : new Date(last);
    },
    paidAt: payment.order.paidAt,
    nextInboundAfter: (at) => {
      const next = customer.inbound.find((time) => time > at.getTime());
      return next === undefined ? null : new Date(next);
    },
  };
}

/** Whether markAbandoned would start a sequence: consent, and no recent one of theirs. */
function starts(customer: Customer, replay: SimulatedRecovery, settings: RecoverySettings) {
  const at = replay.abandonedAt;
  const consented =
    customer.optedInAt !== null &&
    customer.optedInAt <= at &&
    !(
      customer.optedOutAt &&
      customer.optedOutAt <= at &&
      customer.optedOutAt >= customer.optedInAt
    );
  const gapFrom = at.getTime() - settings.sequenceGapDays * DAY;
  return (
    consented &&
    !customer.sequences.some((s) => s.counts && s.abandonedAt >= gapFrom && s.abandonedAt <= +at)
  );
}

type Context = {
  history: DemoHistory;
  payments: readonly PlannedPayment[];
  chats: DemoChatRows;
  orders: DemoOrderRows;
  ids: DemoOrderIds;
  now: Date;
};

/**
 * The recoveries of the demo's unpaid orders (DESIGN §4d), replayed through the engine's
 * decision (recovery-timeline.ts) over what the chats and payments recorded: every order
 * whose link went unpaid past the delay, for an opted-in shopper. Writes the reminders into
 * the chats (call before the chat rows are inserted) and the attribution into the paid
 * orders' rows; returns the programme, recoveries, steps and their events.
 */
export function demoRecoveryRows(rng: Rng, context: Context, since: Date): DemoRecoveryRows {
  const { history, payments, chats, orders, ids, now } = context;
  const settings = demoRecoverySettings();
  const customers = customersOf(history, chats, ids);
  const rows: DemoRecoveryRows = {
    programme: {
      storeId: ids.storeId,
      enabled: true,
      settings,
      updatedBy: ids.ownerId,
      createdAt: since,
      updatedAt: since,
    },
    recoveries: [],
    steps: [],
    events: [],
    optOuts: [],
    carts: { carts: [], items: [] },
  };
  const itemsOf = itemsByOrder(orders.items);
  const candidates = payments
    .map((payment, i) => ({ payment, row: orders.orders[i]!, link: orders.linkMessageIds[i] }))
    .filter(
      ({ payment, link }) =>
        link !== null &&
        (payment.order.status === "pending" ||
          (payment.order.status === "paid" &&
            payment.order.paidAt!.getTime() - payment.order.createdAt.getTime() >
              settings.abandonAfterMinutes * MINUTE)),
    );
  for (const { payment, row } of candidates) {
    const { order } = payment;
    const customer = customers[order.customer]!;
    const replayOf = () =>
      simulateRecovery(
        recoveryRng(rng, order),
        { linkSentAt: order.createdAt, now, settings },
        factsOf(customer, payment, payments),
      );
    let replay = replayOf();
    if (replay.abandonedAt > now || order.createdAt < since) continue;
    if (!starts(customer, replay, settings)) continue;
    const stopAt = stopWordAt(rng.fork(`stop:${order.number}`), replay, customer, payment, now);
    if (stopAt) {
      // The shopper answers the first reminder with the stop word: opted out from then on.
      customer.optedOutAt = stopAt;
      customer.inbound.push(stopAt.getTime());
      customer.inbound.sort((a, b) => a - b);
      replay = replayOf();
      addOptOut(context, {
        at: stopAt,
        language: row.language ?? "ja",
        chats: customer.chats,
        key: order.number,
      });
      rows.optOuts.push({
        customerId: ids.customerIds[order.customer]!,
        optedOutAt: stopAt,
        lastInboundAt: new Date(Math.max(stopAt.getTime(), ...customer.inbound)),
      });
    }
    const sent = replay.steps.filter((step) => step.status === "sent");
    customer.sequences.push({
      abandonedAt: replay.abandonedAt.getTime(),
      counts: replay.status === "active" || sent.length > 0,
    });
    customer.reminders.push(...sent.map((step) => step.decidedAt!.getTime()));
    customer.reminders.sort((a, b) => a - b);

    const recoveryId = ids.newId("recovery", order.number);
    const base = {
      storeId: ids.storeId,
      customerId: ids.customerIds[order.customer]!,
      orderId: row.id!,
    };
    // An order from the storefront cart is one recovery with its cart, started by the cart.
    const { cartId, valueMinor } =
      order.source === "cart"
        ? addDemoCart(rng.fork(`cart:${order.number}`), rows.carts, {
            order,
            row,
            items: itemsOf.get(row.id!) ?? [],
            replay,
            ids,
          })
        : { cartId: null, valueMinor: order.totalMinor };
    rows.recoveries.push({
      id: recoveryId,
      ...base,
      cartId,
      status: replay.status,
      stopReason: replay.stopReason,
      abandonedAt: replay.abandonedAt,
      valueMinor,
      currency: ids.currency,
      recoveredOrderId: replay.status === "recovered" ? row.id! : null,
      recoveredStep: replay.recoveredStep,
      recoveredAt: replay.recoveredAt,
      endedAt: replay.endedAt,
      createdAt: replay.abandonedAt,
      updatedAt:
        replay.endedAt ??
        replay.steps.findLast((s) => s.decidedAt)?.decidedAt ??
        replay.abandonedAt,
    });
    rows.events.push({
      ...base,
      orderId: cartId ? null : base.orderId,
      type: EVENT_TYPES.cartAbandoned,
      properties: {
        cartId,
        recoveryId,
        kind: cartId ? "cart" : "order",
        valueMinor,
        currency: ids.currency,
      },
      createdAt: replay.abandonedAt,
    });
    for (const step of replay.steps) {
      const messageId =
        step.status === "sent"
          ? addReminder(context, {
              step,
              payment,
              row,
              recoveryId,
              chats: customer.chats,
              settings,
            })
          : null;
      rows.steps.push({
        id: ids.newId("recovery-step", `${order.number}:${step.step}`),
        storeId: ids.storeId,
        recoveryId,
        step: step.step,
        status: step.status,
        dueAt: step.dueAt,
        reason: step.reason,
        channel: step.channel,
        messageId,
        incentive: null,
        decidedAt: step.decidedAt,
        createdAt: replay.abandonedAt,
      });
      if (messageId) {
        rows.events.push({
          ...base,
          type: EVENT_TYPES.reminderSent,
          source: row.source,
          properties: {
            recoveryId,
            step: step.step,
            channel: step.channel,
            messageId,
            incentive: null,
          },
          createdAt: step.decidedAt!,
        });
      }
    }
    if (replay.status === "recovered") {
      row.recoveryId = recoveryId;
      row.recoveryStep = replay.recoveredStep;
      rows.events.push({
        ...base,
        type: EVENT_TYPES.cartRecovered,
        source: row.source,
        properties: {
          recoveryId,
          step: replay.recoveredStep,
          amountMinor: order.totalMinor,
          currency: ids.currency,
          cartId,
        },
        createdAt: replay.recoveredAt!,
      });
    }
  }
  return rows;
}

/**
 * Now and then a shopper with nothing planned after this order (no later chat, never paid)
 * answers the first delivered reminder with the stop word, before the second one is due.
 */
function stopWordAt(
  rng: Rng,
  replay: SimulatedRecovery,
  customer: Customer,
  payment: PlannedPayment,
  now: Date,
): Date | null {
  const [first, second] = replay.steps;
  const delivered = first?.delivery?.deliveredAt;
  const lastChat = customer.chats.at(-1)?.at ?? 0;
  if (!delivered || !second || payment.order.paidAt || customer.optedOutAt) return null;
  if (lastChat > payment.order.createdAt.getTime() || !rng.chance(0.3)) return null;
  const at = new Date(Math.floor((delivered.getTime() + rng.int(3, 240) * MINUTE) / 1000) * 1000);
  return at.getTime() < Math.min(now.getTime() - HOUR, second.dueAt.getTime()) ? at : null;
}
