import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { events, refunds } from "@/db/schema";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  createPaymentShop,
  deliver,
  newOrder,
  orderMessages,
  reloadOrder,
  sessionObject,
  storedEvent,
  stripeEvent,
} from "./stripe-helpers";

const getDb = setupTestDatabase();

async function paidOrder() {
  const shop = await createPaymentShop(getDb());
  const { order } = await newOrder(getDb(), shop);
  const session = sessionObject(order);
  await deliver(getDb(), stripeEvent("checkout.session.completed", session));
  return {
    shop,
    order: await reloadOrder(getDb(), order.id),
    pi: session.payment_intent as string,
  };
}

function charge(pi: string, amount: number, refunded: number, extra: Record<string, unknown> = {}) {
  return {
    id: `ch_${pi}`,
    object: "charge",
    amount,
    amount_refunded: refunded,
    currency: "jpy",
    payment_intent: pi,
    refunded: refunded >= amount,
    metadata: {},
    ...extra,
  };
}

async function refundedEvents(orderId: string) {
  return getDb()
    .select()
    .from(events)
    .where(and(eq(events.orderId, orderId), eq(events.type, "order_refunded")));
}

describe(`Refund events [${testDbBackend}]`, () => {
  it("a partial refund, then the rest: refunded_minor grows, then the order is refunded", async () => {
    const { order, pi } = await paidOrder();
    await getDb().insert(refunds).values({
      storeId: order.storeId,
      orderId: order.id,
      reason: "owner",
      paymentIntentId: pi,
      amountMinor: 1000,
      currency: "JPY",
      status: "requested",
      idempotencyKey: "owner:1",
      stripeRefundId: "re_partial",
    });
    await deliver(
      getDb(),
      stripeEvent(
        "charge.refunded",
        charge(pi, 6400, 1000, {
          refunds: { data: [{ id: "re_partial", status: "succeeded", amount: 1000 }] },
        }),
      ),
    );
    const partial = await reloadOrder(getDb(), order.id);
    expect(partial).toMatchObject({ status: "paid", refundedMinor: 1000, refundedAt: null });
    const [row] = await getDb()
      .select()
      .from(refunds)
      .where(eq(refunds.stripeRefundId, "re_partial"));
    expect(row!.status).toBe("succeeded");

    // An older event arriving late never lowers it. A charge names no order of ours: its
    // payment intent puts it in the order's lane.
    const late = stripeEvent("charge.refunded", charge(pi, 6400, 500));
    await deliver(getDb(), late);
    expect((await storedEvent(getDb(), late.id))[0]).toMatchObject({
      lane: `stripe:order:${order.id}`,
      storeId: order.storeId,
      error: null,
    });
    expect((await reloadOrder(getDb(), order.id)).refundedMinor).toBe(1000);

    await deliver(getDb(), stripeEvent("charge.refunded", charge(pi, 6400, 6400)));
    const full = await reloadOrder(getDb(), order.id);
    expect(full).toMatchObject({ status: "refunded", refundedMinor: 6400 });
    expect(full.refundedAt).not.toBeNull();

    const recorded = await refundedEvents(order.id);
    expect(recorded.map((event) => event.properties)).toEqual([
      { amountMinor: 1000, refundedMinor: 1000, currency: "JPY", full: false },
      { amountMinor: 5400, refundedMinor: 6400, currency: "JPY", full: true },
    ]);
    const keys = (await orderMessages(getDb(), order.id)).map((message) => message.dedupeKey);
    expect(keys).toEqual([
      `order:${order.id}:confirmation`,
      `order:${order.id}:partially_refunded:1000`,
      `order:${order.id}:refunded:6400`,
    ]);
  });

  it("refund.updated moves the refunds row found by payment intent and counts a success", async () => {
    const { order, pi } = await paidOrder();
    await getDb().insert(refunds).values({
      storeId: order.storeId,
      orderId: order.id,
      reason: "owner",
      paymentIntentId: pi,
      amountMinor: 6400,
      currency: "JPY",
      status: "requested",
      idempotencyKey: "owner:full",
    });
    await deliver(
      getDb(),
      stripeEvent("refund.updated", {
        id: "re_full_1",
        object: "refund",
        amount: 6400,
        currency: "jpy",
        payment_intent: pi,
        status: "succeeded",
      }),
    );
    const [row] = await getDb().select().from(refunds).where(eq(refunds.orderId, order.id));
    expect(row).toMatchObject({ status: "succeeded", stripeRefundId: "re_full_1" });
    expect(await reloadOrder(getDb(), order.id)).toMatchObject({
      status: "refunded",
      refundedMinor: 6400,
    });
  });

  it("a refund of a duplicate payment only updates its refunds row", async () => {
    const { order, pi } = await paidOrder();
    const second = sessionObject(order);
    await deliver(getDb(), stripeEvent("checkout.session.completed", second));
    const duplicate = second.payment_intent as string;
    await getDb()
      .update(refunds)
      .set({ status: "requested", stripeRefundId: "re_dup" })
      .where(eq(refunds.paymentIntentId, duplicate));
    await deliver(
      getDb(),
      stripeEvent(
        "charge.refunded",
        charge(duplicate, 6400, 6400, {
          refunds: { data: [{ id: "re_dup", status: "succeeded", amount: 6400 }] },
        }),
      ),
    );
    const [row] = await getDb()
      .select()
      .from(refunds)
      .where(eq(refunds.paymentIntentId, duplicate));
    expect(row!.status).toBe("succeeded");
    expect(await reloadOrder(getDb(), order.id)).toMatchObject({
      status: "paid",
      refundedMinor: 0,
      paymentIntentId: pi,
    });
    expect(await refundedEvents(order.id)).toHaveLength(0);
  });

  it("a refund of a payment we do not know fails with the reason", async () => {
    const event = stripeEvent("charge.refunded", charge("pi_unknown_1", 100, 100));
    await deliver(getDb(), event);
    expect((await storedEvent(getDb(), event.id))[0]!.error).toMatch(/names no order/);
  });
});
