import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { events, type Order, stores } from "@/db/schema";
import { EVENT_TYPES } from "@/lib/analytics/event-types";
import type { ConfirmationPoints } from "@/lib/orders/points-lines";
import { earnForPaidOrder } from "./order-points";

/**
 * A paid order's points, in the transaction that marked it paid: earned (members only, once
 * per order), recorded as a `points_earned` event, and returned for the confirmation; null
 * when nothing is to be said about points (not a member, programme off).
 */
export async function loyaltyForPaidOrder(
  tx: Database,
  order: Order,
  now: Date,
): Promise<ConfirmationPoints | null> {
  const result = await earnForPaidOrder(tx, order, now);
  if (!result) return null;
  if (result.earned > 0 || result.bonus > 0 || result.tierChange) {
    await tx.insert(events).values({
      storeId: order.storeId,
      type: EVENT_TYPES.pointsEarned,
      source: order.source,
      customerId: order.customerId,
      orderId: order.id,
      properties: {
        points: result.earned,
        bonus: result.bonus,
        pendingUntil: result.pendingUntil?.toISOString() ?? null,
        balance: result.balances.balance,
        ...(result.tierChange && {
          tierFrom: result.tierChange.from.key,
          tierTo: result.tierChange.to.key,
        }),
      },
      createdAt: now,
    });
  }
  const [store] = await tx
    .select({ timezone: stores.timezone })
    .from(stores)
    .where(eq(stores.id, order.storeId));
  return {
    earned: result.earned,
    pendingUntil: result.pendingUntil,
    bonus: result.bonus,
    balance: result.balances.balance,
    pending: result.balances.pending,
    newTierName: result.tierChange?.to.name ?? null,
    timezone: store?.timezone ?? "UTC",
  };
}
