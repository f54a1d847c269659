import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { checkoutSessions, type DiscountLine, type Order, orders, paymentLinks } from "@/db/schema";

export type AddDiscountResult =
  | { ok: true; order: Order }
  | { ok: false; reason: "not_found" | "not_pending" | "checkout_open" | "too_large" };

/** The store's order under `FOR UPDATE`, or null. */
export async function lockOrder(
  tx: Database,
  storeId: string,
  orderId: string,
): Promise<Order | null> {
  const [order] = await tx
    .select()
    .from(orders)
    .where(and(eq(orders.storeId, storeId), eq(orders.id, orderId)))
    .for("update");
  return order ?? null;
}

/** Whether the order has an open Checkout Session (made for its current total). */
export async function hasOpenCheckout(
  db: Database,
  storeId: string,
  orderId: string,
): Promise<boolean> {
  const [open] = await db
    .select({ id: checkoutSessions.id })
    .from(checkoutSessions)
    .where(
      and(
        eq(checkoutSessions.storeId, storeId),
        eq(checkoutSessions.orderId, orderId),
        eq(checkoutSessions.status, "open"),
      ),
    )
    .limit(1);
  return Boolean(open);
}

/**
 * Whether the order's payment link was ever opened: a Checkout Session for the total at
 * that moment may exist, or be on its way from Stripe, without an `open` row yet.
 */
export async function paymentLinkOpened(
  db: Database,
  storeId: string,
  orderId: string,
): Promise<boolean> {
  const [link] = await db
    .select({ openedAt: paymentLinks.firstOpenedAt })
    .from(paymentLinks)
    .where(and(eq(paymentLinks.storeId, storeId), eq(paymentLinks.orderId, orderId)));
  return Boolean(link?.openedAt);
}

/**
 * Takes a discount off a pending order, in the caller's transaction (the order row is
 * locked). Refused once a Checkout Session is open: it was made for the old total, and a
 * payment of that amount would no longer match. Totals stay server-side integers.
 */
export async function addDiscountLine(
  tx: Database,
  input: {
    storeId: string;
    orderId: string;
    line: DiscountLine;
    pointsRedeemed?: number;
    expiresAt?: Date | null;
    now: Date;
  },
): Promise<AddDiscountResult> {
  const order = await lockOrder(tx, input.storeId, input.orderId);
  if (!order) return { ok: false, reason: "not_found" };
  if (order.status !== "pending" || order.awaitingAsyncPaymentAt) {
    return { ok: false, reason: "not_pending" };
  }
  if (await hasOpenCheckout(tx, input.storeId, order.id)) {
    return { ok: false, reason: "checkout_open" };
  }
  const amount = input.line.amountMinor;
  if (!Number.isSafeInteger(amount) || amount <= 0 || amount >= order.totalMinor) {
    return { ok: false, reason: "too_large" };
  }
  const [updated] = await tx
    .update(orders)
    .set({
      discountLines: sql`${orders.discountLines} || ${JSON.stringify([input.line])}::jsonb`,
      discountMinor: order.discountMinor + amount,
      totalMinor: order.totalMinor - amount,
      pointsRedeemed: order.pointsRedeemed + (input.pointsRedeemed ?? 0),
      ...(input.expiresAt !== undefined && { expiresAt: input.expiresAt }),
      updatedAt: input.now,
    })
    .where(eq(orders.id, order.id))
    .returning();
  return { ok: true, order: updated! };
}
