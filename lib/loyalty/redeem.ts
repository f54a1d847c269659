import "server-only";
import type { Database } from "@/db/drivers";
import type { Order } from "@/db/schema";
import {
  type AddDiscountResult,
  addDiscountLine,
  lockOrder,
  paymentLinkOpened,
} from "@/lib/orders/discount";
import { redemptionOffer } from "./calculate";
import { accountBalances, lockAccount, postLedgerEntry } from "./ledger";
import { loadProgramme } from "./program";

/** How long a pending order may hold redeemed points before tick cancels it and returns them. */
export const POINTS_HOLD_HOURS = 48;

export const LOYALTY_DISCOUNT_KIND = "loyalty";

export type RedeemRefusal =
  | "programme_off"
  | "not_member"
  | "negative_balance"
  | "insufficient"
  | "below_minimum"
  | "over_order_share"
  | "already_redeemed"
  | Extract<AddDiscountResult, { ok: false }>["reason"];

export type RedeemResult =
  | { ok: true; order: Order; points: number; discountMinor: number; available: number }
  | { ok: false; reason: RedeemRefusal };

class RedemptionRefused extends Error {
  constructor(readonly reason: RedeemRefusal) {
    super(reason);
  }
}

/**
 * Pays part of a pending order with points: in one transaction, under the account's lock,
 * the `redeem` row and the order's discount line (the Checkout Session is then made for the
 * reduced total). Never takes the available balance below zero, and one order takes points
 * once (`redeem:<order>`), so concurrent requests for the whole balance → one succeeds.
 */
export async function redeemOnOrder(
  db: Database,
  input: { storeId: string; customerId: string; orderId: string; points: number; now: Date },
): Promise<RedeemResult> {
  const { storeId, customerId, orderId, points, now } = input;
  try {
    return await db.transaction(async (tx) => {
      const programme = await loadProgramme(tx, storeId);
      if (!programme?.enabled) throw new RedemptionRefused("programme_off");
      // Order before account, as payment, refund and cancel take them: no deadlock.
      const order = await lockOrder(tx, storeId, orderId);
      if (!order || order.customerId !== customerId) throw new RedemptionRefused("not_found");
      // Once the shopper opened the link, a session for the full total may be in the making
      // at Stripe: points now would make the total differ from what it charges.
      if (await paymentLinkOpened(tx, storeId, orderId)) {
        throw new RedemptionRefused("checkout_open");
      }
      const account = await lockAccount(tx, storeId, customerId);
      if (!account?.joinedAt) throw new RedemptionRefused("not_member");
      if (account.balance < 0) throw new RedemptionRefused("negative_balance");
      const { available } = await accountBalances(tx, account, now);
      if (!Number.isSafeInteger(points) || points <= 0 || points > available) {
        throw new RedemptionRefused("insufficient");
      }
      if (points < programme.rules.minRedeemPoints) throw new RedemptionRefused("below_minimum");
      const offer = redemptionOffer(available, order.totalMinor, programme.rules);
      if (!offer || points > offer.points) throw new RedemptionRefused("over_order_share");

      const discountMinor = points * programme.rules.pointValueMinor;
      const ledgerRow = await postLedgerEntry(tx, {
        storeId,
        account,
        delta: -points,
        reason: "redeem",
        causeKey: `redeem:${orderId}`,
        orderId,
        now,
      });
      if (!ledgerRow) throw new RedemptionRefused("already_redeemed");
      const discounted = await addDiscountLine(tx, {
        storeId,
        orderId,
        line: {
          kind: LOYALTY_DISCOUNT_KIND,
          label: programme.name,
          amountMinor: discountMinor,
          reference: ledgerRow.id,
        },
        pointsRedeemed: points,
        expiresAt: new Date(now.getTime() + POINTS_HOLD_HOURS * 60 * 60 * 1000),
        now,
      });
      // Thrown, so the ledger row goes back with the rest of the transaction.
      if (!discounted.ok) throw new RedemptionRefused(discounted.reason);
      return {
        ok: true,
        order: discounted.order,
        points,
        discountMinor,
        available: available - points,
      } as const;
    });
  } catch (error) {
    if (error instanceof RedemptionRefused) return { ok: false, reason: error.reason };
    throw error;
  }
}
