import type { ShippingAddress } from "@/db/schema";
import { CHECKOUT_EXPIRY_MINUTES } from "@/lib/stores/settings";
import type { DemoHistory, PlannedOrder } from "./history";
import type { Rng } from "./random";
import { countryOfPhone, deliveryTime, demoShippingAddress, demoTrackingUrl } from "./shipping";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SESSION_LIFETIME = CHECKOUT_EXPIRY_MINUTES.default * MINUTE;

export type PlannedSession = {
  version: number;
  createdAt: Date;
  expiresAt: Date;
  status: "open" | "complete" | "expired";
};

export type PlannedRefund = {
  amountMinor: number;
  full: boolean;
  requestedAt: Date;
  /** When Stripe's charge.refunded arrived. */
  refundedAt: Date;
};

/** How one order of the history went through its payment link, and after. */
export type PlannedPayment = {
  order: PlannedOrder;
  /** Index into DemoHistory.orders and DemoHistory.chats. */
  orderIndex: number;
  chatIndex: number;
  origin: "bot" | "cart" | "agent";
  /** Each time the shopper opened /pay/<token>. */
  opens: Date[];
  sessions: PlannedSession[];
  shippingAddress: ShippingAddress | null;
  cancelledAt: Date | null;
  refund: PlannedRefund | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  trackingUrl: string | null;
  /** The latest change to the order. */
  updatedAt: Date;
};

/** What the chats decided that the payments depend on: who handled the chat, and when. */
export type ChatFacts = { handedOffAt: Date | null };

const at = (time: number) => new Date(Math.floor(time / SECOND) * SECOND);

function sessionsFor(opens: readonly Date[], now: number, end: number | null): PlannedSession[] {
  // One session per open after the previous one expired: an expired session is replaced.
  const sessions: PlannedSession[] = [];
  for (const open of opens) {
    const last = sessions.at(-1);
    if (last && last.expiresAt > open) continue;
    if (last) last.status = "expired";
    sessions.push({
      version: sessions.length + 1,
      createdAt: at(open.getTime() + SECOND),
      expiresAt: at(open.getTime() + SECOND + SESSION_LIFETIME),
      status: "open",
    });
  }
  const last = sessions.at(-1);
  // Expired by Stripe on time, or through the API when the order was cancelled.
  if (last && (last.expiresAt.getTime() <= now || end !== null)) last.status = "expired";
  return sessions;
}

function planOne(
  rng: Rng,
  history: DemoHistory,
  order: PlannedOrder,
  indexes: { orderIndex: number; chatIndex: number },
  facts: ChatFacts,
  now: number,
): PlannedPayment {
  const created = order.createdAt.getTime();
  const handedOff = facts.handedOffAt !== null && facts.handedOffAt.getTime() <= created;
  const origin = order.source === "cart" ? "cart" : handedOff ? "agent" : "bot";
  const customer = history.customers[order.customer]!;
  const country = countryOfPhone(customer.phone);
  const plan: PlannedPayment = {
    order,
    ...indexes,
    origin,
    opens: [],
    sessions: [],
    shippingAddress: null,
    cancelledAt: null,
    refund: null,
    shippedAt: null,
    deliveredAt: null,
    trackingUrl: null,
    updatedAt: order.createdAt,
  };

  if (order.paidAt) {
    const paid = order.paidAt.getTime();
    // Opened, then paid on Stripe's page a little later; an order paid after a recovery
    // reminder (recovery-plan.ts) was opened from it, minutes before the payment.
    const earliest = paid - created > HOUR ? paid - 3 * MINUTE : created;
    const open = at(
      Math.max(
        earliest,
        created + rng.int(10 * SECOND, Math.max(11 * SECOND, paid - created - 40 * SECOND)),
      ),
    );
    plan.opens = [open];
    plan.sessions = [
      {
        version: 1,
        createdAt: at(open.getTime() + SECOND),
        expiresAt: at(open.getTime() + SECOND + SESSION_LIFETIME),
        status: "complete",
      },
    ];
    plan.shippingAddress = demoShippingAddress(rng, customer.name, country);
    plan.updatedAt = order.paidAt;
    if (order.status === "refunded") {
      // The chat bot shows it refunded three days after the payment (chat-bot.ts).
      const refundedAt = at(Math.min(paid + 3 * DAY + rng.int(1, 300) * MINUTE, now - MINUTE));
      plan.refund = {
        amountMinor: order.totalMinor,
        full: true,
        requestedAt: at(Math.max(paid + SECOND, refundedAt.getTime() - rng.int(5, 90) * SECOND)),
        refundedAt,
      };
      plan.updatedAt = refundedAt;
    } else {
      const shippedAt = paid + rng.int(18, 72) * HOUR + rng.int(0, 59) * MINUTE;
      if (shippedAt < now - HOUR && rng.chance(0.93)) {
        plan.shippedAt = at(shippedAt);
        plan.trackingUrl = demoTrackingUrl(rng, country);
        plan.updatedAt = plan.shippedAt;
        const deliveredAt = shippedAt + deliveryTime(rng, country);
        if (deliveredAt < now - HOUR && rng.chance(0.95)) {
          plan.deliveredAt = at(deliveredAt);
          plan.updatedAt = plan.deliveredAt;
        }
      }
    }
    return plan;
  }

  if (order.status === "cancelled") {
    // The chat bot shows it cancelled a day after it was made (chat-bot.ts).
    const cancelledAt = at(
      Math.max(created + MINUTE, Math.min(created + DAY + rng.int(1, 90) * MINUTE, now - MINUTE)),
    );
    plan.cancelledAt = cancelledAt;
    plan.updatedAt = cancelledAt;
    if (rng.chance(0.5)) {
      plan.opens = [at(created + rng.int(20, 600) * SECOND)];
      plan.sessions = sessionsFor(plan.opens, now, cancelledAt.getTime());
    }
    return plan;
  }

  // Pending: most were opened and left; a few came back after the session had expired.
  if (rng.chance(0.7)) {
    const first = at(created + rng.int(20, 1800) * SECOND);
    plan.opens = [first];
    const again = first.getTime() + SESSION_LIFETIME + rng.int(1, 72) * HOUR;
    if (again < now - MINUTE && rng.chance(0.3)) plan.opens.push(at(again));
    plan.sessions = sessionsFor(plan.opens, now, null);
    plan.updatedAt = plan.sessions.at(-1)!.createdAt;
  }
  return plan;
}

/** Picks one delivered order and refunds part of it (a cup broken on the way), after delivery. */
function refundPartOfOne(rng: Rng, plans: PlannedPayment[], now: number): void {
  const candidates = plans.filter(
    (plan) =>
      plan.deliveredAt &&
      plan.deliveredAt.getTime() < now - 2 * DAY &&
      plan.order.items.some((item) => item.quantity > 1 || plan.order.items.length > 1),
  );
  const chosen = candidates.length > 0 ? rng.pick(candidates) : null;
  if (!chosen) return;
  const cheapest = Math.min(...chosen.order.items.map((item) => item.unitPriceMinor));
  const amountMinor = Math.min(cheapest, chosen.order.totalMinor - 1);
  const requestedAt = at(chosen.deliveredAt!.getTime() + rng.int(2, 30) * HOUR);
  const refundedAt = at(requestedAt.getTime() + rng.int(5, 90) * SECOND);
  chosen.refund = { amountMinor, full: false, requestedAt, refundedAt };
  chosen.updatedAt = refundedAt;
}

/**
 * The payment side of every planned order: origin (bot Buy, cart Pay now, an agent's link),
 * link opens, Checkout Sessions, shipping address, refunds and fulfilment, all consistent
 * with the order's status and the chat it came from, and nothing after `now`.
 */
export function planPayments(
  rng: Rng,
  history: DemoHistory,
  chatFacts: (chatIndex: number) => ChatFacts,
  now: Date,
): PlannedPayment[] {
  const chatOf = new Map(history.chats.map((chat, i) => [chat.order, i]));
  const plans = history.orders.map((order, orderIndex) => {
    const chatIndex = chatOf.get(order);
    if (chatIndex === undefined) throw new Error(`Order ${order.number} has no chat`);
    return planOne(
      rng.fork(`order:${orderIndex}`),
      history,
      order,
      { orderIndex, chatIndex },
      chatFacts(chatIndex),
      now.getTime(),
    );
  });
  refundPartOfOne(rng.fork("partial-refund"), plans, now.getTime());
  return plans;
}
