import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payTestCheckoutAction } from "@/app/pay/[token]/test/actions";
import TestCheckoutPage from "@/app/pay/[token]/test/page";
import { resetEnvForTests } from "@/lib/env";
import { openPaymentLink } from "@/lib/payments/open-link";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { type FakeStripe, startFakeStripe } from "../support/fake-stripe";
import { BROWSER_UA, freshIp } from "../payments/helpers";
import {
  deliver,
  reloadOrder,
  sessionObject,
  stripeEvent,
  stripeTestConfig,
} from "../payments/stripe-helpers";
import { balanceOf, createLoyaltyChatShop, orderWithPoints, PROGRAMME_NAME } from "./pay-helpers";

const getDb = setupTestDatabase();
let fake: FakeStripe;
const saved = { ...process.env };
beforeAll(async () => {
  fake = await startFakeStripe();
  // The test checkout below runs in sandbox mode: no platform key.
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  process.env.STRIPE_SANDBOX = "auto";
  resetEnvForTests();
});
afterAll(async () => {
  process.env = saved;
  resetEnvForTests();
  await fake.close();
});

function form(token: string): FormData {
  const data = new FormData();
  data.set("token", token);
  return data;
}

describe(`orders partly paid with points, at Stripe and in the test checkout [${testDbBackend}]`, () => {
  it("the Checkout Session charges the reduced total, and its completion marks the order paid", async () => {
    const db = getDb();
    const shop = await createLoyaltyChatShop(db);
    const { order, link } = await orderWithPoints(db, shop, { points: 100 });
    const config = stripeTestConfig({ apiUrl: fake.url });
    const opened = await openPaymentLink(
      db,
      {
        token: link.token,
        method: "GET",
        headers: new Headers({ "user-agent": BROWSER_UA }),
        ip: freshIp(),
        origin: "http://localhost:3000",
        now: new Date(),
      },
      config,
    );
    expect(opened.kind).toBe("redirect");
    const [coupon] = [...fake.coupons.values()];
    expect(coupon).toMatchObject({ amount_off: 100, currency: "jpy", name: PROGRAMME_NAME });
    const session = [...fake.sessions.values()].find((s) => s.client_reference_id === order.id)!;
    expect(session).toMatchObject({
      amount_subtotal: 6400,
      amount_total: 6300,
      total_details: { amount_discount: 100 },
    });

    // Stripe's event carries what the session charged.
    const event = stripeEvent(
      "checkout.session.completed",
      sessionObject(order, { id: session.id, amount_total: session.amount_total }),
    );
    expect((await deliver(db, event, { config })).status).toBe(200);
    expect((await reloadOrder(db, order.id)).status).toBe("paid");
    // 100 − 100 redeemed + 63 earned on ¥6,300.
    expect(await balanceOf(db, shop)).toBe(63);
  });

  it("a completed event for the full price of a discounted order is refused: nothing moves", async () => {
    const db = getDb();
    const shop = await createLoyaltyChatShop(db);
    const { order } = await orderWithPoints(db, shop, { points: 100 });
    await deliver(
      db,
      stripeEvent("checkout.session.completed", sessionObject(order, { amount_total: 6400 })),
    );
    expect((await reloadOrder(db, order.id)).status).toBe("pending");
    expect(await balanceOf(db, shop)).toBe(0);
  });

  it("the test checkout shows the discount line, charges the reduced total and pays the order", async () => {
    const db = getDb();
    const shop = await createLoyaltyChatShop(db);
    const { order, link } = await orderWithPoints(db, shop, { points: 100 });
    const page = JSON.stringify(
      await TestCheckoutPage({ params: Promise.resolve({ token: link.token }) }),
    );
    expect(page).toContain(PROGRAMME_NAME);
    expect(page).toContain("Subtotal");
    expect(page).toContain("¥6,300");
    await payTestCheckoutAction(form(link.token)).catch(() => undefined);
    const paid = await reloadOrder(db, order.id);
    expect(paid).toMatchObject({ status: "paid", totalMinor: 6300 });
    expect(await balanceOf(db, shop)).toBe(63);
  });
});
