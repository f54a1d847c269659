import "server-only";
import { and, asc, eq, gt, isNotNull, isNull, lt } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { checkoutSessions, orders } from "@/db/schema";
import { notifyOrderUpdate } from "./notify";
import { cancelLockedOrder, type ExpireSession, type Notify } from "./fulfillment";

export type ExpireUnpaidReport = { cancelled: number; waiting: number; pointsReturned: number };

/** A Checkout Session of the order that can still be paid at `now`. */
async function hasLiveSession(db: Database, storeId: string, orderId: string, now: Date) {
  const [row] = await db
    .select({ id: checkoutSessions.id })
    .from(checkoutSessions)
    .where(
      and(
        eq(checkoutSessions.storeId, storeId),
        eq(checkoutSessions.orderId, orderId),
        eq(checkoutSessions.status, "open"),
        gt(checkoutSessions.expiresAt, now),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/**
 * Without Stripe settings the job cannot expire a session at Stripe: an order whose session
 * can still be paid waits until the session's own expiry.
 */
export const waitForOpenSession =
  (now: Date): ExpireSession =>
  async (db, input) =>
    (await hasLiveSession(db, input.storeId, input.orderId, now))
      ? { ok: false, retryable: true, message: "The Checkout Session is still open" }
      : { ok: true };

/**
 * Tick: pending orders past `expires_at` (set when points were redeemed on them) stop being
 * payable. Each goes the way the owner's Cancel goes: its open Checkout Session is expired
 * at Stripe first, outside any transaction (`expire`; a session Stripe reports paid, or a
 * Stripe error, leaves the order for the payment or the next tick), then under
 * `FOR UPDATE SKIP LOCKED` it is re-checked, cancelled and its points returned, once.
 * Orders whose asynchronous payment is settling are left alone.
 */
export async function expireUnpaidOrders(
  db: Database,
  input: {
    now: Date;
    expire: ExpireSession;
    notify?: Notify;
    limit?: number;
    deadline?: number;
  },
): Promise<ExpireUnpaidReport> {
  const { now, expire, notify = notifyOrderUpdate } = input;
  const report: ExpireUnpaidReport = { cancelled: 0, waiting: 0, pointsReturned: 0 };
  const due = await db
    .select({ id: orders.id, storeId: orders.storeId })
    .from(orders)
    .where(
      and(
        eq(orders.status, "pending"),
        isNotNull(orders.expiresAt),
        lt(orders.expiresAt, now),
        isNull(orders.awaitingAsyncPaymentAt),
      ),
    )
    .orderBy(asc(orders.expiresAt))
    .limit(input.limit ?? 50);
  for (const candidate of due) {
    if (input.deadline !== undefined && Date.now() > input.deadline) break;
    const ref = { storeId: candidate.storeId, orderId: candidate.id };
    const expired = await expire(db, ref);
    if (!expired.ok) {
      report.waiting += 1;
      continue;
    }
    const outcome = await db.transaction(async (tx) => {
      const [order] = await tx
        .select()
        .from(orders)
        .where(
          and(
            eq(orders.storeId, candidate.storeId),
            eq(orders.id, candidate.id),
            eq(orders.status, "pending"),
            lt(orders.expiresAt, now),
            isNull(orders.awaitingAsyncPaymentAt),
          ),
        )
        .for("update", { skipLocked: true });
      // Another tick has it, or it was paid or cancelled meanwhile.
      if (!order) return null;
      // A session made between the expiry above and this lock: the next tick expires it.
      if (await hasLiveSession(tx, order.storeId, order.id, now)) return "waiting" as const;
      return cancelLockedOrder(tx, order, now, notify);
    });
    if (outcome === "waiting") report.waiting += 1;
    if (!outcome || outcome === "waiting") continue;
    report.cancelled += 1;
    report.pointsReturned += outcome.pointsReturned;
    // As after the owner's Cancel: a session opened between the two steps is expired too.
    await expire(db, ref);
  }
  return report;
}
