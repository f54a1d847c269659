import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkoutSessions, refunds, webhookEvents } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import {
  deliverSandboxRefundEvent,
  loadSandboxCheckout,
  paySandboxOrder,
} from "@/lib/payments/sandbox-checkout";
import { stripePlatformConfig } from "@/lib/payments/config";
import { whatsappPlatformConfig } from "@/lib/whatsapp/platform-config";
import { declineTestCheckoutAction, payTestCheckoutAction } from "@/app/pay/[token]/test/actions";
import TestCheckoutPage from "@/app/pay/[token]/test/page";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  createPaymentShop,
  newOrder,
  orderMessages,
  outboxOfMessages,
  paidEvents,
  reloadOrder,
} from "./stripe-helpers";

const getDb = setupTestDatabase();

const saved = { ...process.env };
beforeAll(() => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  process.env.STRIPE_SANDBOX = "auto";
  resetEnvForTests();
});
afterAll(() => {
  process.env = saved;
  resetEnvForTests();
});

function form(token: string): FormData {
  const data = new FormData();
  data.set("token", token);
  return data;
}

/** The digest Next gives redirect() and notFound() errors. */
async function digestOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return String((error as { digest?: string }).digest);
  }
  throw new Error("expected a redirect or notFound");
}

describe(`Sandbox test checkout [${testDbBackend}]`, () => {
  it("Pay (test) delivers a signed completed event through the webhook path and pays the order", async () => {
    const shop = await createPaymentShop(getDb());
    const { order, link } = await newOrder(getDb(), shop);
    const page = await TestCheckoutPage({ params: Promise.resolve({ token: link.token }) });
    expect(JSON.stringify(page)).toContain("Test mode — no real payment");

    const digest = await digestOf(payTestCheckoutAction(form(link.token)));
    expect(digest).toContain(`/pay/${link.token}/done?result=success`);

    const paid = await reloadOrder(getDb(), order.id);
    expect(paid.status).toBe("paid");
    expect(paid.paymentIntentId).toMatch(/^pi_sandbox_/);
    expect(paid.shippingAddress).toMatchObject({ name: "Test Shopper", country: "JP" });
    expect(await paidEvents(getDb(), order.id)).toHaveLength(1);
    const sent = await orderMessages(getDb(), order.id);
    expect(sent.map((message) => message.dedupeKey)).toEqual([`order:${order.id}:confirmation`]);
    expect(await outboxOfMessages(getDb(), [sent[0]!.id])).toHaveLength(1);

    const [session] = await getDb()
      .select()
      .from(checkoutSessions)
      .where(eq(checkoutSessions.orderId, order.id));
    expect(session).toMatchObject({ version: link.version, status: "complete", amountMinor: 6400 });
    expect(session!.sessionId).toMatch(/^cs_sandbox_/);
    const stored = await getDb()
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.lane, `stripe:order:${order.id}`));
    expect(stored).toMatchObject([
      {
        provider: "stripe",
        kind: "checkout.session.completed",
        storeId: shop.store.id,
        error: null,
      },
    ]);

    // Paying again (a second tap) changes nothing.
    await digestOf(payTestCheckoutAction(form(link.token)));
    expect(await paidEvents(getDb(), order.id)).toHaveLength(1);
  });

  it("two Pay (test) taps of one session at once are one payment: no refund comes due", async () => {
    const shop = await createPaymentShop(getDb());
    const { order, link } = await newOrder(getDb(), shop);
    const configs = { stripe: stripePlatformConfig(), whatsapp: whatsappPlatformConfig() };
    // Both taps loaded the page's order before either was applied.
    const checkout = await loadSandboxCheckout(getDb(), link.token, configs);
    await paySandboxOrder(getDb(), checkout!, configs);
    await paySandboxOrder(getDb(), checkout!, configs);
    expect((await reloadOrder(getDb(), order.id)).status).toBe("paid");
    expect(await paidEvents(getDb(), order.id)).toHaveLength(1);
    expect(await getDb().select().from(refunds).where(eq(refunds.orderId, order.id))).toEqual([]);
  });

  it("Decline pays nothing", async () => {
    const shop = await createPaymentShop(getDb());
    const { order, link } = await newOrder(getDb(), shop);
    const digest = await digestOf(declineTestCheckoutAction(form(link.token)));
    expect(digest).toContain(`/pay/${link.token}/done?result=cancel`);
    expect(await reloadOrder(getDb(), order.id)).toMatchObject({ status: "pending", paidAt: null });
  });

  it("a store that takes payment through Stripe gets a 404 from the page and the action", async () => {
    const shop = await createPaymentShop(getDb());
    const { order, link } = await newOrder(getDb(), shop);
    process.env.STRIPE_SECRET_KEY = "sk_test_platform0123456789";
    resetEnvForTests();
    try {
      expect(
        await digestOf(TestCheckoutPage({ params: Promise.resolve({ token: link.token }) })),
      ).toMatch(/404/);
      expect(await digestOf(payTestCheckoutAction(form(link.token)))).toMatch(/404/);
    } finally {
      delete process.env.STRIPE_SECRET_KEY;
      resetEnvForTests();
    }
    expect((await reloadOrder(getDb(), order.id)).status).toBe("pending");
  });

  it("deliverSandboxRefundEvent: charge.refunded for a requested sandbox refund", async () => {
    const shop = await createPaymentShop(getDb());
    const { order, link } = await newOrder(getDb(), shop);
    await digestOf(payTestCheckoutAction(form(link.token)));
    const paid = await reloadOrder(getDb(), order.id);
    await getDb().insert(refunds).values({
      storeId: shop.store.id,
      orderId: order.id,
      reason: "owner",
      paymentIntentId: paid.paymentIntentId!,
      amountMinor: 1600,
      currency: "JPY",
      status: "requested",
      idempotencyKey: "owner:sandbox",
      stripeRefundId: "re_sandbox_1",
    });
    const configs = { stripe: stripePlatformConfig(), whatsapp: whatsappPlatformConfig() };
    const outcome = await deliverSandboxRefundEvent(
      getDb(),
      {
        storeId: shop.store.id,
        orderId: order.id,
        paymentIntentId: paid.paymentIntentId!,
        amountMinor: 1600,
        refundId: "re_sandbox_1",
      },
      configs,
    );
    expect(outcome).toMatchObject({ status: 200, stored: 1, applied: { applied: 1 } });
    expect(await reloadOrder(getDb(), order.id)).toMatchObject({
      status: "paid",
      refundedMinor: 1600,
    });
    const [row] = await getDb().select().from(refunds).where(eq(refunds.orderId, order.id));
    expect(row!.status).toBe("succeeded");
  });
});
