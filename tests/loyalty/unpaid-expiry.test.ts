import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkoutSessions, type Order, orders } from "@/db/schema";
import { expireUnpaidOrders, waitForOpenSession } from "@/lib/orders/expire-unpaid";
import { cancelOrder } from "@/lib/orders/fulfillment";
import { expireOpenCheckoutSession } from "@/lib/payments/checkout-session";
import { openPaymentLink } from "@/lib/payments/open-link";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { type FakeStripe, startFakeStripe } from "../support/fake-stripe";
import { BROWSER_UA, freshIp } from "../payments/helpers";
import { reloadOrder, stripeTestConfig } from "../payments/stripe-helpers";
import {
  balanceOf,
  createLoyaltyChatShop,
  ledgerRows,
  type LoyaltyChatShop,
  orderWithPoints,
} from "./pay-helpers";

const getDb = setupTestDatabase();
let fake: FakeStripe;
beforeAll(async () => {
  fake = await startFakeStripe();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const HOUR = 3_600_000;

async function returnsOf(shop: LoyaltyChatShop, orderId: string) {
  return (await ledgerRows(getDb(), shop.store.id, shop.customer.id)).filter(
    (row) => row.reason === "redeem_return" && row.orderId === orderId,
  );
}

/** A pending order that paid 100 points, its hold over by `now`. */
async function expiredOrder(shop: LoyaltyChatShop) {
  const created = await orderWithPoints(getDb(), shop, { points: 100 });
  await getDb()
    .update(orders)
    .set({ expiresAt: new Date(Date.now() - 60_000) })
    .where(eq(orders.id, created.order.id));
  return { ...created, order: await reloadOrder(getDb(), created.order.id) };
}

function openLink(token: string, now = new Date()) {
  return openPaymentLink(
    getDb(),
    {
      token,
      method: "GET",
      headers: new Headers({ "user-agent": BROWSER_UA }),
      ip: freshIp(),
      origin: "http://localhost:3000",
      now,
    },
    stripeTestConfig({ apiUrl: fake.url }),
  );
}

async function openSessionRow(order: Order, expiresAt: Date) {
  await getDb()
    .insert(checkoutSessions)
    .values({
      storeId: order.storeId,
      orderId: order.id,
      sessionId: `cs_test_${order.id.slice(0, 8)}`,
      version: 1,
      url: "https://checkout.stripe.test/c",
      status: "open",
      amountMinor: order.totalMinor,
      currency: order.currency,
      expiresAt,
    });
}

describe(`unpaid orders give redeemed points back [${testDbBackend}]`, () => {
  it("the owner's Cancel returns the redeemed points in its transaction, once", async () => {
    const db = getDb();
    const shop = await createLoyaltyChatShop(db);
    const { order } = await orderWithPoints(db, shop, { points: 100 });
    expect(await balanceOf(db, shop)).toBe(0);
    const ref = { storeId: shop.store.id, orderNumber: order.number, now: new Date() };
    const expire = async () => ({ ok: true }) as const;
    const [first, second] = await Promise.all([
      cancelOrder(db, ref, { expire }),
      cancelOrder(db, ref, { expire }),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect(await returnsOf(shop, order.id)).toHaveLength(1);
    expect(await balanceOf(db, shop)).toBe(100);
  });

  it("the expiry job cancels an order past expires_at and returns its points once, however often it runs", async () => {
    const db = getDb();
    const shop = await createLoyaltyChatShop(db);
    const { order } = await expiredOrder(shop);
    const now = new Date();
    const run = () => expireUnpaidOrders(db, { now, expire: waitForOpenSession(now) });
    const [a, b] = await Promise.all([run(), run()]);
    const again = await run();
    expect(a.pointsReturned + b.pointsReturned + again.pointsReturned).toBe(100);
    expect((await reloadOrder(db, order.id)).status).toBe("cancelled");
    expect(await returnsOf(shop, order.id)).toHaveLength(1);
    expect(await balanceOf(db, shop)).toBe(100);
  });

  it("leaves an order whose hold is not over, and one paying with points but without an expiry", async () => {
    const db = getDb();
    const shop = await createLoyaltyChatShop(db);
    const { order } = await orderWithPoints(db, shop, { points: 100 });
    expect(order.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 47 * HOUR);
    const now = new Date();
    await expireUnpaidOrders(db, { now, expire: waitForOpenSession(now) });
    expect((await reloadOrder(db, order.id)).status).toBe("pending");
    expect(await balanceOf(db, shop)).toBe(0);
  });

  it("without Stripe settings, an order whose Checkout Session can still be paid waits for it", async () => {
    const db = getDb();
    const shop = await createLoyaltyChatShop(db);
    const { order } = await expiredOrder(shop);
    const sessionEnds = new Date(Date.now() + 20 * 60_000);
    await openSessionRow(order, sessionEnds);
    const now = new Date();
    const waiting = await expireUnpaidOrders(db, { now, expire: waitForOpenSession(now) });
    expect(waiting).toMatchObject({ cancelled: 0, waiting: 1 });
    expect((await reloadOrder(db, order.id)).status).toBe("pending");
    const later = new Date(sessionEnds.getTime() + 60_000);
    const done = await expireUnpaidOrders(db, { now: later, expire: waitForOpenSession(later) });
    expect(done).toMatchObject({ cancelled: 1, pointsReturned: 100 });
  });

  it("with Stripe, an open session is expired at Stripe first, then the order is cancelled", async () => {
    const db = getDb();
    const shop = await createLoyaltyChatShop(db);
    const { order, link } = await orderWithPoints(db, shop, { points: 100 });
    expect((await openLink(link.token)).kind).toBe("redirect");
    const session = [...fake.sessions.values()].find((s) => s.client_reference_id === order.id)!;
    await db
      .update(orders)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(orders.id, order.id));
    const config = stripeTestConfig({ apiUrl: fake.url });
    const now = new Date();
    const report = await expireUnpaidOrders(db, {
      now,
      expire: (database, input) => expireOpenCheckoutSession(database, input, config),
    });
    expect(report).toMatchObject({ cancelled: 1, pointsReturned: 100 });
    expect(fake.sessions.get(session.id)?.status).toBe("expired");
    expect((await reloadOrder(db, order.id)).status).toBe("cancelled");
  });

  it("an order paid at Stripe just before the job is not cancelled", async () => {
    const db = getDb();
    const shop = await createLoyaltyChatShop(db);
    const { order, link } = await orderWithPoints(db, shop, { points: 100 });
    await openLink(link.token);
    const session = [...fake.sessions.values()].find((s) => s.client_reference_id === order.id)!;
    fake.updateSession(session.id, { status: "complete", payment_status: "paid" });
    await db
      .update(orders)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(orders.id, order.id));
    const config = stripeTestConfig({ apiUrl: fake.url });
    const report = await expireUnpaidOrders(db, {
      now: new Date(),
      expire: (database, input) => expireOpenCheckoutSession(database, input, config),
    });
    expect(report).toMatchObject({ cancelled: 0, waiting: 1 });
    expect((await reloadOrder(db, order.id)).status).toBe("pending");
    expect(await balanceOf(db, shop)).toBe(0);
  });

  it("/pay/<token> past expires_at says the order can no longer be paid and makes no session", async () => {
    const db = getDb();
    const shop = await createLoyaltyChatShop(db);
    const { order, link } = await expiredOrder(shop);
    const outcome = await openLink(link.token);
    expect(outcome).toMatchObject({ kind: "cancelled", orderNumber: order.number });
    expect(fake.requests).toHaveLength(0);
    expect(
      await db.select().from(checkoutSessions).where(eq(checkoutSessions.orderId, order.id)),
    ).toEqual([]);
  });
});
