import "server-only";
import type { Database } from "@/db/drivers";
import type { Order } from "@/db/schema";
import { hasOpenCheckout } from "@/lib/orders/discount";
import { redemptionOffer } from "./calculate";
import { accountBalances, findAccount } from "./ledger";
import { loadProgramme } from "./program";

export type PointsOffer = {
  points: number;
  discountMinor: number;
  /** Available points before using any. */
  available: number;
  programmeName: string;
};

/**
 * What a member could pay with points on a pending order, or null: the programme is off,
 * the customer is no member, their balance is below zero, the order already took points or
 * has an open Checkout Session (made for its current total), or the offer is below the
 * minimum. The order is the caller's, read in its transaction.
 */
export async function pointsOfferForOrder(
  db: Database,
  input: {
    storeId: string;
    customerId: string;
    order: Pick<
      Order,
      "id" | "status" | "totalMinor" | "pointsRedeemed" | "awaitingAsyncPaymentAt"
    >;
    now: Date;
  },
): Promise<PointsOffer | null> {
  const { order } = input;
  if (order.status !== "pending" || order.awaitingAsyncPaymentAt || order.pointsRedeemed > 0) {
    return null;
  }
  const programme = await loadProgramme(db, input.storeId);
  if (!programme?.enabled) return null;
  const account = await findAccount(db, input.storeId, input.customerId);
  if (!account?.joinedAt || account.balance < 0) return null;
  const { available } = await accountBalances(db, account, input.now);
  const offer = redemptionOffer(available, order.totalMinor, programme.rules);
  if (!offer) return null;
  if (await hasOpenCheckout(db, input.storeId, order.id)) return null;
  return { ...offer, available, programmeName: programme.name };
}
