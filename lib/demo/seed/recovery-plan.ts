import type { DemoHistory, PlannedOrder } from "./history";
import type { Rng } from "./random";
import {
  demoRecoverySettings,
  type RecoveryFacts,
  simulateRecovery,
  type SimulatedRecovery,
} from "./recovery-timeline";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** About this share of the paid orders were left unpaid for a while and paid after reminders. */
const SHARE = 0.09;
/** Storefront carts are left more often than chats (and their recoveries have a cart). */
const CART_SHARE = 0.3;

// prettier-ignore
const OUTCOMES: readonly (readonly [1 | 2 | "late", number])[] = [[1, 5], [2, 3], ["late", 2]];

/** The same replay for the plan and for the rows (recovery.ts): one random stream per order. */
export function recoveryRng(rng: Rng, order: PlannedOrder): Rng {
  return rng.fork(`recovery:${order.number}`);
}

/** When the customer's next chat after `at` starts. */
function nextChatAfter(history: DemoHistory, customer: number, at: Date): number {
  const next = history.chats.find((chat) => chat.customer === customer && chat.at > at);
  return next?.at.getTime() ?? Number.POSITIVE_INFINITY;
}

/** The replay as it would go for a shopper who says nothing more and pays at `paidAt`. */
function quietShopper(
  history: DemoHistory,
  order: PlannedOrder,
  paidAt: Date | null,
): RecoveryFacts {
  const customer = history.customers[order.customer]!;
  return {
    recipientAt: () => ({
      lastInboundAt: new Date(order.createdAt.getTime() - 2 * MINUTE),
      optedInAt: customer.optedInAt,
      optedOutAt: null,
    }),
    paidElsewhere: (from, to) =>
      history.orders.some(
        (other) =>
          other !== order &&
          other.customer === order.customer &&
          other.paidAt !== null &&
          other.paidAt >= from &&
          other.paidAt <= to,
      ),
    lastReminderBefore: () => null,
    paidAt,
    nextInboundAfter: () => null,
  };
}

function paidAfter(rng: Rng, replay: SimulatedRecovery, outcome: 1 | 2 | "late"): Date | null {
  if (outcome === "late") {
    if (replay.status !== "lost" || !replay.endedAt) return null;
    return new Date(replay.endedAt.getTime() + rng.int(3 * 60, 60 * 60) * MINUTE);
  }
  const step = replay.steps[outcome - 1]!;
  const next = replay.steps[outcome];
  if (!step.decidedAt) return null;
  // A failed or skipped reminder: paid anyway a little later, and it recovers nothing.
  const from = (step.delivery?.deliveredAt ?? step.decidedAt).getTime();
  const until = Math.min(from + 6 * HOUR, (next?.dueAt.getTime() ?? Infinity) - HOUR);
  if (until <= from + 5 * MINUTE) return null;
  return new Date(from + rng.int(4, Math.floor((until - from) / MINUTE)) * MINUTE);
}

/**
 * Picks some of the history's paid orders whose shoppers had opted in and moves their
 * payment to after the store's recovery reminders: after step 1 or step 2, or (as lost
 * sequences do) days after the attribution window closed. Called right after planHistory,
 * so the chats, payments, loyalty and events that follow all see the later payment.
 */
export function planRecoveredPayments(rng: Rng, history: DemoHistory, now: Date): number {
  const settings = demoRecoverySettings();
  let moved = 0;
  for (const order of history.orders) {
    const pick = rng.fork(`pick:${order.number}`);
    const customer = history.customers[order.customer]!;
    if (
      order.status !== "paid" ||
      !order.paidAt ||
      !pick.chance(order.source === "cart" ? CART_SHARE : SHARE)
    )
      continue;
    if (!customer.optedInAt || customer.optedInAt > order.createdAt || customer.optedOutAt)
      continue;
    const outcome = pick.weighted(OUTCOMES);
    const replay = simulateRecovery(
      recoveryRng(rng, order),
      { linkSentAt: order.createdAt, now, settings },
      quietShopper(history, order, null),
    );
    const paidAt = paidAfter(pick, replay, outcome);
    const limit = Math.min(
      now.getTime() - 2 * HOUR,
      nextChatAfter(history, order.customer, order.createdAt) - 3 * HOUR,
    );
    if (!paidAt || paidAt.getTime() > limit) continue;
    order.paidAt = new Date(Math.floor(paidAt.getTime() / 1000) * 1000);
    moved += 1;
  }
  return moved;
}
