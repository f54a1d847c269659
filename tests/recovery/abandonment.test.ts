import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { customers, recoveries } from "@/db/schema";
import { EVENT_TYPES } from "@/lib/analytics/event-types";
import { createOrder } from "@/lib/orders/create-order";
import { queuePaymentLink } from "@/lib/payments/send-link";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  abandonAt,
  addCustomer,
  at,
  cartById,
  createRecoveryShop,
  eventsOf,
  HOUR,
  leaveCart,
  MINUTE,
  ORIGIN,
  type RecoveryShop,
  recoveryOfCart,
  stepsOf,
  T0,
} from "./helpers";

const getDb = setupTestDatabase();

/** A pending order of the shop's customer whose link message was queued at `when`. */
async function orderWithLinkSent(shop: RecoveryShop, when: Date, cartId: string | null = null) {
  return getDb().transaction(async (tx) => {
    const made = await createOrder(tx, {
      storeId: shop.store.id,
      customerId: shop.customer.id,
      conversationId: shop.conversation.id,
      origin: "bot",
      lines: [{ productId: shop.matcha.id, quantity: 1 }],
      language: "en",
      cartId,
      now: when,
    });
    if (!made.ok) throw new Error(made.reason);
    await queuePaymentLink(tx, {
      ...made,
      customer: shop.customer,
      conversationId: shop.conversation.id,
      origin: ORIGIN,
      author: "bot",
      dedupeKey: `order:${made.order.id}:link:1`,
      now: when,
    });
    return made.order;
  });
}

describe(`Abandonment [${testDbBackend}]`, () => {
  it("a cart is abandoned at the delay, with its steps scheduled from then and the event", async () => {
    const shop = await createRecoveryShop(getDb());
    const cart = await leaveCart(getDb(), shop, T0);

    expect(await abandonAt(getDb(), at(T0, 59 * MINUTE))).toMatchObject({ carts: 0 });
    expect((await cartById(getDb(), cart.id)).status).toBe("active");

    const abandonedAt = at(T0, 60 * MINUTE);
    expect(await abandonAt(getDb(), abandonedAt)).toMatchObject({ carts: 1, recoveries: 1 });
    expect(await cartById(getDb(), cart.id)).toMatchObject({ status: "abandoned", abandonedAt });
    const recovery = await recoveryOfCart(getDb(), cart.id);
    expect(recovery).toMatchObject({
      status: "active",
      customerId: shop.customer.id,
      valueMinor: 6400,
      currency: "JPY",
      abandonedAt,
    });
    const scheduled = await stepsOf(getDb(), recovery!.id);
    expect(scheduled.map((step) => [step.step, step.status, step.dueAt.toISOString()])).toEqual([
      [1, "scheduled", at(abandonedAt, HOUR).toISOString()],
      [2, "scheduled", at(abandonedAt, 24 * HOUR).toISOString()],
      [3, "scheduled", at(abandonedAt, 72 * HOUR).toISOString()],
    ]);
    const recorded = await eventsOf(getDb(), shop.store.id, EVENT_TYPES.cartAbandoned);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.properties).toMatchObject({ cartId: cart.id, valueMinor: 6400 });

    // A second tick finds nothing more to do.
    expect(await abandonAt(getDb(), at(T0, 2 * HOUR))).toMatchObject({ carts: 0, recoveries: 0 });
  });

  it("only for a store with recovery on, a customer's cart with items, an opted-in customer", async () => {
    const off = await createRecoveryShop(getDb(), { enabled: false });
    const offCart = await leaveCart(getDb(), off, T0);
    const shop = await createRecoveryShop(getDb());
    const empty = await leaveCart(getDb(), shop, T0, { empty: true });
    const anonymous = await leaveCart(getDb(), shop, T0, { customerId: null });
    const stranger = await addCustomer(getDb(), shop, { optedIn: false });
    const strangers = await leaveCart(getDb(), shop, T0, { customerId: stranger.id });
    const optedOut = await addCustomer(getDb(), shop);
    await getDb()
      .update(customers)
      .set({ optedOutAt: at(T0, -HOUR) })
      .where(eq(customers.id, optedOut.id));
    const optedOuts = await leaveCart(getDb(), shop, T0, { customerId: optedOut.id });

    await abandonAt(getDb(), at(T0, HOUR));
    expect((await cartById(getDb(), offCart.id)).status).toBe("active");
    expect((await cartById(getDb(), empty.id)).status).toBe("active");
    expect((await cartById(getDb(), anonymous.id)).status).toBe("active");
    // Left, and counted as abandoned, but never reminded.
    expect((await cartById(getDb(), strangers.id)).status).toBe("abandoned");
    expect((await cartById(getDb(), optedOuts.id)).status).toBe("abandoned");
    expect(await recoveryOfCart(getDb(), strangers.id)).toBeUndefined();
    expect(await recoveryOfCart(getDb(), optedOuts.id)).toBeUndefined();
  });

  it("one sequence per customer within the store's gap", async () => {
    const shop = await createRecoveryShop(getDb(), { settings: { sequenceGapDays: 7 } });
    const first = await leaveCart(getDb(), shop, T0);
    await abandonAt(getDb(), at(T0, HOUR));
    const second = await leaveCart(getDb(), shop, at(T0, 2 * HOUR));
    await abandonAt(getDb(), at(T0, 3 * HOUR));
    expect(await recoveryOfCart(getDb(), first.id)).toBeDefined();
    expect((await cartById(getDb(), second.id)).status).toBe("abandoned");
    expect(await recoveryOfCart(getDb(), second.id)).toBeUndefined();
  });

  it("an unpaid order whose link went out is recoverable after the delay", async () => {
    const shop = await createRecoveryShop(getDb());
    const order = await orderWithLinkSent(shop, T0);
    expect(await abandonAt(getDb(), at(T0, 59 * MINUTE))).toMatchObject({ orders: 0 });
    expect(await abandonAt(getDb(), at(T0, 60 * MINUTE))).toMatchObject({
      orders: 1,
      recoveries: 1,
    });
    const [recovery] = await getDb()
      .select()
      .from(recoveries)
      .where(eq(recoveries.orderId, order.id));
    expect(recovery).toMatchObject({ status: "active", valueMinor: 3200, cartId: null });
    expect(await stepsOf(getDb(), recovery!.id)).toHaveLength(3);
    expect(await abandonAt(getDb(), at(T0, 2 * HOUR))).toMatchObject({ orders: 0 });
  });

  it("a cart and the order made from it are one recovery", async () => {
    const shop = await createRecoveryShop(getDb());
    const cart = await leaveCart(getDb(), shop, T0);
    await abandonAt(getDb(), at(T0, HOUR));
    const order = await orderWithLinkSent(shop, at(T0, 90 * MINUTE), cart.id);
    expect(await abandonAt(getDb(), at(T0, 151 * MINUTE))).toMatchObject({
      orders: 0,
      recoveries: 0,
      attached: 1,
    });
    const all = await getDb()
      .select()
      .from(recoveries)
      .where(eq(recoveries.customerId, shop.customer.id));
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ cartId: cart.id, orderId: order.id });
  });
});
