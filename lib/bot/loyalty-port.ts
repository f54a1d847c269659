import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { messages, orders } from "@/db/schema";
import { saveBirthday } from "@/lib/loyalty/birthday";
import { findAccount } from "@/lib/loyalty/ledger";
import { joinProgramme } from "@/lib/loyalty/membership";
import { pointsOfferForOrder } from "@/lib/loyalty/offer";
import { loadProgramme, type Programme } from "@/lib/loyalty/program";
import { redeemOnOrder } from "@/lib/loyalty/redeem";
import { pointsSummary } from "@/lib/loyalty/summary";
import type { BotCheckout } from "./checkout";
import { BIRTHDAY_ASK_INTENT } from "./intents/loyalty";
import type { BotLoyalty, BotLoyaltyProgramme, BotPointsOffer } from "./types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Input = {
  storeId: string;
  customer: { id: string; optedOutAt: Date | null };
  conversationId: string;
  checkout: Pick<BotCheckout, "orderLink">;
  now: Date;
};

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => (loading ??= load());
}

const shown = (programme: Programme): BotLoyaltyProgramme => ({
  name: programme.name,
  signupBonus: programme.rules.signupBonus,
  birthdayBonus: programme.rules.birthdayBonus,
});

/**
 * The bot's loyalty port for one inbound message, in the processor's transaction: the
 * lib/loyalty functions it needs, bound to this store and customer. Redemption runs in
 * its own transaction, which inside the processor's is a savepoint: refused, it leaves the
 * rest of the message's work standing.
 */
export function botLoyalty(db: Database, input: Input): BotLoyalty {
  const { storeId, now } = input;
  const customerId = input.customer.id;
  const programme = once(() => loadProgramme(db, storeId));
  const enabled = async () => {
    const found = await programme();
    return found?.enabled ? found : null;
  };

  const pendingOrder = async (orderId: string) => {
    if (!UUID.test(orderId)) return null;
    const [order] = await db
      .select()
      .from(orders)
      .where(
        and(eq(orders.storeId, storeId), eq(orders.id, orderId), eq(orders.customerId, customerId)),
      );
    return order ?? null;
  };

  const offerOn = async (orderId: string): Promise<BotPointsOffer | null> => {
    const order = await pendingOrder(orderId);
    if (!order) return null;
    const offer = await pointsOfferForOrder(db, { storeId, customerId, order, now });
    return (
      offer && {
        orderId: order.id,
        orderNumber: order.number,
        points: offer.points,
        discountMinor: offer.discountMinor,
        totalMinor: order.totalMinor,
        currency: order.currency,
        available: offer.available,
      }
    );
  };

  return {
    programme: async () => {
      const found = await enabled();
      return found && shown(found);
    },
    isMember: async () => {
      if (!(await enabled())) return false;
      return Boolean((await findAccount(db, storeId, customerId))?.joinedAt);
    },
    summary: async () => {
      const summary = await pointsSummary(db, { storeId, customerId, now });
      if (!summary) return null;
      const { account } = summary;
      return {
        programme: shown(summary.programme),
        currency: summary.programme.currency,
        balance: summary.balance,
        available: summary.available,
        pending: summary.pending,
        nextPending: summary.nextPending,
        tierName: summary.tier.name,
        nextTier: summary.next && {
          name: summary.next.tier.name,
          neededMinor: summary.next.neededMinor,
        },
        expiring: summary.expiring,
        recent: summary.recent,
        birthday:
          account.birthdayMonth && account.birthdayDay
            ? { month: account.birthdayMonth, day: account.birthdayDay }
            : null,
      };
    },
    join: async () => {
      const joined = await joinProgramme(db, { storeId, customerId, now });
      if (!joined.ok) return { status: "off" };
      return joined.alreadyMember
        ? { status: "member" }
        : { status: "joined", bonus: joined.bonus };
    },
    birthdayAsked: async () => {
      const [last] = await db
        .select({ intent: messages.intent, author: messages.author })
        .from(messages)
        .where(
          and(
            eq(messages.storeId, storeId),
            eq(messages.conversationId, input.conversationId),
            eq(messages.direction, "outbound"),
          ),
        )
        .orderBy(desc(messages.createdAt))
        .limit(1);
      return last?.author === "bot" && last.intent === BIRTHDAY_ASK_INTENT;
    },
    saveBirthday: async (month, day) => {
      const saved = await saveBirthday(db, { storeId, customerId, month, day, now });
      return saved.ok ? "saved" : saved.reason;
    },
    // Opted out: they keep their points, but the bot does not bring them up unasked.
    offer: async (orderId) => (input.customer.optedOutAt ? null : offerOn(orderId)),
    payWithPoints: async (orderId, shownPoints) => {
      const order = await pendingOrder(orderId);
      if (!order) return { status: "not_found" };
      const link = () => input.checkout.orderLink(orderId);
      if (order.status !== "pending" || order.awaitingAsyncPaymentAt) {
        return { status: "not_payable", orderNumber: order.number, orderStatus: order.status };
      }
      if (order.pointsRedeemed > 0) {
        const ready = await link();
        return ready.status === "ready" ? { status: "already_redeemed", link: ready.link } : ready;
      }
      const offer = await offerOn(orderId);
      if (offer && shownPoints !== null && offer.points !== shownPoints) {
        return { status: "changed", offer };
      }
      const redeemed = offer
        ? await redeemOnOrder(db, { storeId, customerId, orderId, points: offer.points, now })
        : null;
      const ready = await link();
      if (ready.status !== "ready") return ready;
      if (redeemed?.ok) {
        return {
          status: "redeemed",
          points: redeemed.points,
          discountMinor: redeemed.discountMinor,
          available: redeemed.available,
          link: ready.link,
        };
      }
      if (redeemed?.reason === "already_redeemed") {
        return { status: "already_redeemed", link: ready.link };
      }
      return { status: "not_usable", link: ready.link };
    },
    payFull: (orderId) => input.checkout.orderLink(orderId),
  };
}
