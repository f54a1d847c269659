import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { type Order, orders, refunds } from "@/db/schema";
import {
  cancelOrder,
  type ExpireSession,
  markDelivered,
  markShipped,
  type Notify,
  refundOrder,
  type RequestRefund,
} from "@/lib/orders/fulfillment";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { createOwnerWithStore } from "../support/fixtures";
import { addOrder, type Shop } from "./helpers";

const db = setupTestDatabase();
const NOW = new Date("2026-12-06T03:00:00Z");

type Told = { orderId: string; status: string; kind: string; trackingUrl?: string | null };

/** A notify that records what it was asked, seeing the order as the transaction wrote it. */
function recordingNotify(told: Told[]): Notify {
  return async (_tx, input) => {
    told.push({
      orderId: input.order.id,
      status: `${input.order.status}/${input.order.fulfillmentStatus}`,
      kind: input.kind,
      trackingUrl: input.trackingUrl,
    });
    return { status: "queued", messageId: "message" };
  };
}

const reload = async (order: Order) =>
  (await db().select().from(orders).where(eq(orders.id, order.id)))[0]!;

describe(`order actions: state rules [${testDbBackend}]`, () => {
  let alice: Shop;
  let bob: Shop;
  let told: Told[];
  let notify: Notify;

  beforeEach(async () => {
    alice = await createOwnerWithStore(db());
    bob = await createOwnerWithStore(db());
    told = [];
    notify = recordingNotify(told);
  });

  it("ships a paid order with its tracking link, then delivers it, telling the customer each time", async () => {
    const order = await addOrder(db(), alice.store.id, { status: "paid", paidAt: NOW });
    const ref = { storeId: alice.store.id, orderNumber: order.number, now: NOW };
    const shipped = await markShipped(
      db(),
      { ...ref, trackingUrl: " https://track.example/KT1 " },
      { notify },
    );
    expect(shipped).toMatchObject({ ok: true, notice: { status: "queued" } });
    expect(await reload(order)).toMatchObject({
      fulfillmentStatus: "shipped",
      trackingUrl: "https://track.example/KT1",
      shippedAt: NOW,
    });
    const later = new Date(NOW.getTime() + 86_400_000);
    expect(await markDelivered(db(), { ...ref, now: later }, { notify })).toMatchObject({
      ok: true,
    });
    expect(await reload(order)).toMatchObject({
      fulfillmentStatus: "delivered",
      deliveredAt: later,
    });
    expect(told).toEqual([
      {
        orderId: order.id,
        status: "paid/shipped",
        kind: "shipped",
        trackingUrl: "https://track.example/KT1",
      },
      { orderId: order.id, status: "paid/delivered", kind: "delivered", trackingUrl: undefined },
    ]);
  });

  it("refuses delivered before shipped, shipping an unpaid or shipped order, and non-http tracking links", async () => {
    const paid = await addOrder(db(), alice.store.id, { status: "paid" });
    const pending = await addOrder(db(), alice.store.id);
    const refunded = await addOrder(db(), alice.store.id, { status: "refunded" });
    const shipped = await addOrder(db(), alice.store.id, {
      status: "paid",
      fulfillmentStatus: "shipped",
    });
    const ref = (order: Order) => ({
      storeId: alice.store.id,
      orderNumber: order.number,
      now: NOW,
    });
    expect(await markDelivered(db(), ref(paid), { notify })).toEqual({
      ok: false,
      reason: "not_shipped",
    });
    expect(await markShipped(db(), ref(pending), { notify })).toEqual({
      ok: false,
      reason: "not_paid",
    });
    expect(await markShipped(db(), ref(refunded), { notify })).toEqual({
      ok: false,
      reason: "not_paid",
    });
    expect(await markShipped(db(), ref(shipped), { notify })).toEqual({
      ok: false,
      reason: "already_shipped",
    });
    for (const trackingUrl of ["javascript:alert(1)", "ftp://files.example/x", "track.example/1"]) {
      expect(await markShipped(db(), { ...ref(paid), trackingUrl }, { notify })).toEqual({
        ok: false,
        reason: "bad_tracking_url",
      });
    }
    expect(await markDelivered(db(), ref(pending), { notify })).toEqual({
      ok: false,
      reason: "not_paid",
    });
    expect(told).toEqual([]);
    expect((await reload(paid)).fulfillmentStatus).toBe("unfulfilled");
    expect((await reload(pending)).fulfillmentStatus).toBe("unfulfilled");
  });

  it("ships once when the button is pressed many times at once", async () => {
    const order = await addOrder(db(), alice.store.id, { status: "paid" });
    const ref = { storeId: alice.store.id, orderNumber: order.number, now: NOW };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => markShipped(db(), ref, { notify })),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual(
      Array.from({ length: 7 }, () => ({ ok: false, reason: "already_shipped" })),
    );
    expect(told).toHaveLength(1);
  });

  it("tells the customer inside the change's transaction: a failing notify undoes the change", async () => {
    const order = await addOrder(db(), alice.store.id, { status: "paid" });
    const failing: Notify = async () => {
      throw new Error("outbox down");
    };
    await expect(
      markShipped(
        db(),
        { storeId: alice.store.id, orderNumber: order.number, now: NOW },
        { notify: failing },
      ),
    ).rejects.toThrow("outbox down");
    expect((await reload(order)).fulfillmentStatus).toBe("unfulfilled");
  });

  it("cancels only a pending order, and only after its session was expired", async () => {
    const order = await addOrder(db(), alice.store.id);
    const expired: string[] = [];
    const expire: ExpireSession = async (_db, input) => {
      // The order is untouched while Stripe is asked first; asked again once it is cancelled.
      expired.push(`${input.orderId}:${(await reload(order)).status}`);
      return { ok: true };
    };
    const ref = { storeId: alice.store.id, orderNumber: order.number, now: NOW };
    expect(await cancelOrder(db(), ref, { expire, notify })).toMatchObject({ ok: true });
    expect(await reload(order)).toMatchObject({ status: "cancelled", cancelledAt: NOW });
    expect(expired).toEqual([`${order.id}:pending`, `${order.id}:cancelled`]);
    expect(told).toEqual([
      {
        orderId: order.id,
        status: "cancelled/unfulfilled",
        kind: "cancelled",
        trackingUrl: undefined,
      },
    ]);

    expect(await cancelOrder(db(), ref, { expire, notify })).toEqual({
      ok: false,
      reason: "not_pending",
    });
    const paid = await addOrder(db(), alice.store.id, { status: "paid" });
    expect(
      await cancelOrder(db(), { ...ref, orderNumber: paid.number }, { expire, notify }),
    ).toEqual({ ok: false, reason: "not_pending" });
    expect(expired).toEqual([`${order.id}:pending`, `${order.id}:cancelled`]);
    expect((await reload(paid)).status).toBe("paid");
  });

  it("leaves the order pending when expiring the session fails", async () => {
    const order = await addOrder(db(), alice.store.id);
    const expire: ExpireSession = async () => ({
      ok: false,
      message: "Stripe is down",
      retryable: true,
    });
    expect(
      await cancelOrder(
        db(),
        { storeId: alice.store.id, orderNumber: order.number, now: NOW },
        { expire, notify },
      ),
    ).toEqual({ ok: false, reason: "payment_error", message: "Stripe is down" });
    expect((await reload(order)).status).toBe("pending");
    expect(told).toEqual([]);
  });

  it("does not cancel when the payment landed while Stripe was asked", async () => {
    const order = await addOrder(db(), alice.store.id);
    const expire: ExpireSession = async (database) => {
      await database
        .update(orders)
        .set({ status: "paid", paidAt: NOW })
        .where(eq(orders.id, order.id));
      return { ok: true };
    };
    expect(
      await cancelOrder(
        db(),
        { storeId: alice.store.id, orderNumber: order.number, now: NOW },
        { expire, notify },
      ),
    ).toEqual({ ok: false, reason: "not_pending" });
    expect((await reload(order)).status).toBe("paid");
  });

  it("refunds: owner only, paid only, never more than is left", async () => {
    const order = await addOrder(db(), alice.store.id, {
      status: "paid",
      totalMinor: 5000,
      refundedMinor: 1000,
    });
    const earlier = {
      storeId: alice.store.id,
      orderId: order.id,
      reason: "owner" as const,
      paymentIntentId: "pi_1",
      currency: "JPY",
    };
    await db()
      .insert(refunds)
      .values([
        { ...earlier, amountMinor: 1000, status: "succeeded", idempotencyKey: "first" },
        { ...earlier, amountMinor: 1500, status: "requested", idempotencyKey: "second" },
      ]);
    const asked: number[] = [];
    const refund: RequestRefund = async (_db, input) => {
      asked.push(input.amountMinor);
      return { ok: true, refundId: "re_1" };
    };
    const base = {
      storeId: alice.store.id,
      orderNumber: order.number,
      requestedBy: alice.userId,
      now: NOW,
    };
    expect(
      await refundOrder(db(), { ...base, role: "agent", amountMinor: 100 }, { refund }),
    ).toEqual({
      ok: false,
      reason: "owner_only",
    });
    // 5000 total − 1000 refunded − 1500 requested = 2500 left.
    for (const amountMinor of [0, -5, 2501, 1.5]) {
      expect(await refundOrder(db(), { ...base, role: "owner", amountMinor }, { refund })).toEqual({
        ok: false,
        reason: "bad_amount",
      });
    }
    expect(
      await refundOrder(db(), { ...base, role: "owner", amountMinor: 2500 }, { refund }),
    ).toMatchObject({
      ok: true,
    });
    expect(asked).toEqual([2500]);
    const pending = await addOrder(db(), alice.store.id);
    expect(
      await refundOrder(
        db(),
        { ...base, orderNumber: pending.number, role: "owner", amountMinor: 1 },
        { refund },
      ),
    ).toEqual({ ok: false, reason: "not_paid" });
    const failing: RequestRefund = async () => ({
      ok: false,
      message: "Stripe: No such charge",
      retryable: false,
    });
    const other = await addOrder(db(), alice.store.id, { status: "paid" });
    expect(
      await refundOrder(
        db(),
        { ...base, orderNumber: other.number, role: "owner", amountMinor: 10 },
        { refund: failing },
      ),
    ).toEqual({ ok: false, reason: "payment_error", message: "Stripe: No such charge" });
  });

  it("finds no order of another store: nothing shipped, delivered, cancelled or refunded", async () => {
    const theirs = await addOrder(db(), bob.store.id, {
      status: "paid",
      fulfillmentStatus: "shipped",
    });
    const theirPending = await addOrder(db(), bob.store.id);
    const expire: ExpireSession = async () => {
      throw new Error("must not be asked");
    };
    const refund: RequestRefund = async () => {
      throw new Error("must not be asked");
    };
    const mine = { storeId: alice.store.id, now: NOW };
    expect(await markShipped(db(), { ...mine, orderNumber: theirs.number }, { notify })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await markDelivered(db(), { ...mine, orderNumber: theirs.number }, { notify })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(
      await cancelOrder(db(), { ...mine, orderNumber: theirPending.number }, { expire, notify }),
    ).toEqual({ ok: false, reason: "not_found" });
    expect(
      await refundOrder(
        db(),
        {
          ...mine,
          orderNumber: theirs.number,
          role: "owner",
          amountMinor: 1,
          requestedBy: alice.userId,
        },
        { refund },
      ),
    ).toEqual({ ok: false, reason: "not_found" });
    expect(await reload(theirs)).toMatchObject({ fulfillmentStatus: "shipped", status: "paid" });
    expect((await reload(theirPending)).status).toBe("pending");
    expect(told).toEqual([]);
  });
});
