import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { type MemberRole, type Order, orders, refunds } from "@/db/schema";
import { expireOpenCheckoutSession } from "@/lib/payments/checkout-session";
import { stripePlatformConfig } from "@/lib/payments/config";
import { returnRedeemedPoints } from "@/lib/loyalty/order-points";
import { refundFromDashboard } from "@/lib/payments/owner-refund";
import { notifyOrderUpdate, type OrderUpdateResult } from "./notify";
import { pendingRefundMinor } from "./timeline";
import { isTrackingUrl } from "./fulfillment-schemas";

// The dashboard's order actions (DESIGN §5 of the payments issue). Side effects (telling the
// shopper, Stripe calls) are parameters with the real functions as defaults, so tests pass
// recording stand-ins and the state rules are tested without Stripe or the outbox.

export type Notify = typeof notifyOrderUpdate;
export type ExpireSession = (
  db: Database,
  input: { storeId: string; orderId: string },
) => Promise<{ ok: true } | { ok: false; message: string; retryable: boolean }>;
export type RequestRefund = (
  db: Database,
  input: { storeId: string; orderId: string; amountMinor: number; requestedBy: string },
) => Promise<{ ok: true; refundId: string } | { ok: false; message: string; retryable: boolean }>;

export type OrderActionRefusal =
  | "not_found"
  | "not_paid"
  | "not_pending"
  | "already_shipped"
  | "not_shipped"
  | "already_delivered"
  | "bad_tracking_url"
  | "owner_only"
  | "bad_amount"
  | "payment_error";

export type OrderActionResult =
  | { ok: true; order: Order; notice: OrderUpdateResult | null }
  | { ok: false; reason: OrderActionRefusal; message?: string };

type OrderRef = { storeId: string; orderNumber: string; now: Date };

const defaultExpire: ExpireSession = (db, input) =>
  expireOpenCheckoutSession(db, input, stripePlatformConfig());
const defaultRefund: RequestRefund = refundFromDashboard;

function findOrder(db: Database, storeId: string, orderNumber: string, lock: boolean) {
  const query = db
    .select()
    .from(orders)
    .where(and(eq(orders.storeId, storeId), eq(orders.number, orderNumber)));
  return (lock ? query.for("update") : query).then(([row]) => row ?? null);
}

/** The currency an order's amounts are typed in (the refund form), or null: not this store's. */
export async function orderCurrency(
  db: Database,
  storeId: string,
  orderNumber: string,
): Promise<string | null> {
  return (await findOrder(db, storeId, orderNumber, false))?.currency ?? null;
}

/** Paid and not yet shipped → shipped (with an optional http(s) tracking link). */
export async function markShipped(
  db: Database,
  input: OrderRef & { trackingUrl?: string | null },
  { notify = notifyOrderUpdate }: { notify?: Notify } = {},
): Promise<OrderActionResult> {
  const trackingUrl = input.trackingUrl?.trim() || null;
  if (trackingUrl && !isTrackingUrl(trackingUrl)) return { ok: false, reason: "bad_tracking_url" };
  return db.transaction(async (tx): Promise<OrderActionResult> => {
    const order = await findOrder(tx, input.storeId, input.orderNumber, true);
    if (!order) return { ok: false, reason: "not_found" };
    if (order.status !== "paid") return { ok: false, reason: "not_paid" };
    if (order.fulfillmentStatus !== "unfulfilled") return { ok: false, reason: "already_shipped" };
    const [updated] = await tx
      .update(orders)
      .set({
        fulfillmentStatus: "shipped",
        trackingUrl,
        shippedAt: input.now,
        updatedAt: input.now,
      })
      .where(and(eq(orders.storeId, input.storeId), eq(orders.id, order.id)))
      .returning();
    const notice = await notify(tx, {
      order: updated!,
      kind: "shipped",
      trackingUrl,
      now: input.now,
    });
    return { ok: true, order: updated!, notice };
  });
}

/** Shipped → delivered; never before it was shipped. */
export async function markDelivered(
  db: Database,
  input: OrderRef,
  { notify = notifyOrderUpdate }: { notify?: Notify } = {},
): Promise<OrderActionResult> {
  return db.transaction(async (tx): Promise<OrderActionResult> => {
    const order = await findOrder(tx, input.storeId, input.orderNumber, true);
    if (!order) return { ok: false, reason: "not_found" };
    if (order.status !== "paid") return { ok: false, reason: "not_paid" };
    if (order.fulfillmentStatus === "unfulfilled") return { ok: false, reason: "not_shipped" };
    if (order.fulfillmentStatus === "delivered") return { ok: false, reason: "already_delivered" };
    const [updated] = await tx
      .update(orders)
      .set({ fulfillmentStatus: "delivered", deliveredAt: input.now, updatedAt: input.now })
      .where(and(eq(orders.storeId, input.storeId), eq(orders.id, order.id)))
      .returning();
    const notice = await notify(tx, { order: updated!, kind: "delivered", now: input.now });
    return { ok: true, order: updated!, notice };
  });
}

/**
 * In the caller's transaction, with the pending order locked: cancelled, the points redeemed
 * on it returned (once: `redeem_return:<order>:unpaid`), the shopper told.
 */
export async function cancelLockedOrder(
  tx: Database,
  order: Order,
  now: Date,
  notify: Notify = notifyOrderUpdate,
): Promise<{ order: Order; notice: OrderUpdateResult; pointsReturned: number }> {
  const [updated] = await tx
    .update(orders)
    .set({ status: "cancelled", cancelledAt: now, updatedAt: now })
    .where(and(eq(orders.storeId, order.storeId), eq(orders.id, order.id)))
    .returning();
  const pointsReturned = await returnRedeemedPoints(tx, updated!, now);
  const notice = await notify(tx, { order: updated!, kind: "cancelled", now });
  return { order: updated!, notice, pointsReturned };
}

/**
 * Pending → cancelled. The open Checkout Session is expired through Stripe first, outside
 * any transaction; only when that succeeded does the order change (re-checked under a lock,
 * since a payment may have been applied meanwhile). Once cancelled, the session is expired
 * again: a shopper who opened the link between the two steps got a new one.
 */
export async function cancelOrder(
  db: Database,
  input: OrderRef,
  {
    expire = defaultExpire,
    notify = notifyOrderUpdate,
  }: { expire?: ExpireSession; notify?: Notify } = {},
): Promise<OrderActionResult> {
  const found = await findOrder(db, input.storeId, input.orderNumber, false);
  if (!found) return { ok: false, reason: "not_found" };
  if (found.status !== "pending") return { ok: false, reason: "not_pending" };
  const expired = await expire(db, { storeId: input.storeId, orderId: found.id });
  if (!expired.ok) return { ok: false, reason: "payment_error", message: expired.message };
  const result = await db.transaction(async (tx): Promise<OrderActionResult> => {
    const order = await findOrder(tx, input.storeId, input.orderNumber, true);
    if (!order) return { ok: false, reason: "not_found" };
    if (order.status !== "pending") return { ok: false, reason: "not_pending" };
    const cancelled = await cancelLockedOrder(tx, order, input.now, notify);
    return { ok: true, order: cancelled.order, notice: cancelled.notice };
  });
  if (result.ok) await expire(db, { storeId: input.storeId, orderId: result.order.id });
  return result;
}

/**
 * An owner's full or partial refund, asked of Stripe. The order itself changes only when
 * Stripe's `charge.refunded` arrives (and that tells the shopper); until then the order page
 * says "refund requested". At most what is neither refunded nor already requested.
 */
export async function refundOrder(
  db: Database,
  input: OrderRef & { amountMinor: number; requestedBy: string; role: MemberRole },
  { refund = defaultRefund }: { refund?: RequestRefund } = {},
): Promise<OrderActionResult> {
  if (input.role !== "owner") return { ok: false, reason: "owner_only" };
  const order = await findOrder(db, input.storeId, input.orderNumber, false);
  if (!order) return { ok: false, reason: "not_found" };
  if (order.status !== "paid") return { ok: false, reason: "not_paid" };
  const refundRows = await db
    .select()
    .from(refunds)
    .where(and(eq(refunds.storeId, input.storeId), eq(refunds.orderId, order.id)));
  const refundable = order.totalMinor - order.refundedMinor - pendingRefundMinor(order, refundRows);
  if (
    !Number.isSafeInteger(input.amountMinor) ||
    input.amountMinor < 1 ||
    input.amountMinor > refundable
  )
    return { ok: false, reason: "bad_amount" };
  const result = await refund(db, {
    storeId: input.storeId,
    orderId: order.id,
    amountMinor: input.amountMinor,
    requestedBy: input.requestedBy,
  });
  if (!result.ok) return { ok: false, reason: "payment_error", message: result.message };
  return { ok: true, order, notice: null };
}
