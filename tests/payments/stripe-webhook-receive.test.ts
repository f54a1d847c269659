import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { webhookEvents } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { receiveStripeWebhook } from "@/lib/payments/receive-stripe-webhook";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  createPaymentShop,
  newOrder,
  PLATFORM_WEBHOOK_SECRET,
  reloadOrder,
  sessionObject,
  signed,
  storedEvent,
  stripeEvent,
  stripeTestConfig,
  whatsappConfig,
} from "./stripe-helpers";

const afterCallbacks: (() => Promise<unknown>)[] = [];
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (callback: () => Promise<unknown>) => afterCallbacks.push(callback),
}));
const { POST } = await import("@/app/api/webhooks/stripe/route");

const getDb = setupTestDatabase();
const config = stripeTestConfig();
const STORE_A_SECRET = "whsec_storeAsecret0123456789";
const STORE_B_SECRET = "whsec_storeBsecret0123456789";

const saved = { ...process.env };
beforeAll(() => {
  process.env.STRIPE_WEBHOOK_SECRET = PLATFORM_WEBHOOK_SECRET;
  process.env.STRIPE_SECRET_KEY = "sk_test_platform0123456789";
  process.env.ENCRYPTION_KEY = whatsappConfig.encryptionKey;
  resetEnvForTests();
});
afterAll(() => {
  process.env = saved;
  resetEnvForTests();
});

function post(rawBody: string, signature: string | null, query = "") {
  return POST(
    new Request(`http://localhost/api/webhooks/stripe${query}`, {
      method: "POST",
      body: rawBody,
      headers: signature ? { "stripe-signature": signature } : {},
    }),
  );
}

async function stripeRows() {
  return getDb().select().from(webhookEvents).where(eq(webhookEvents.provider, "stripe"));
}

describe(`POST /api/webhooks/stripe: verify, store, acknowledge [${testDbBackend}]`, () => {
  it("stores a signed event once and applies it after the response; a redelivery changes nothing", async () => {
    const shop = await createPaymentShop(getDb());
    const { order } = await newOrder(getDb(), shop);
    const event = stripeEvent("checkout.session.completed", sessionObject(order));
    const { rawBody, signature } = signed(event, PLATFORM_WEBHOOK_SECRET);
    const response = await post(rawBody, signature);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ stored: 1, duplicates: 0 });
    const [row] = await storedEvent(getDb(), event.id);
    expect(row).toMatchObject({
      provider: "stripe",
      kind: "checkout.session.completed",
      storeId: shop.store.id,
      lane: `stripe:order:${order.id}`,
      occurredAt: new Date(event.created * 1000),
      processedAt: null,
    });
    expect((row!.payload as { id: string }).id).toBe(event.id);
    // Nothing is applied in the request; the after() callback applies it.
    expect((await reloadOrder(getDb(), order.id)).status).toBe("pending");
    expect(afterCallbacks).toHaveLength(1);
    await afterCallbacks.pop()!();
    expect((await reloadOrder(getDb(), order.id)).status).toBe("paid");

    const again = await post(rawBody, signed(event, PLATFORM_WEBHOOK_SECRET).signature);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ stored: 0, duplicates: 1 });
    expect(afterCallbacks).toHaveLength(0);
    expect(await storedEvent(getDb(), event.id)).toHaveLength(1);
  });

  it("refuses with 400 and stores nothing: missing, tampered, old, wrong secret", async () => {
    const shop = await createPaymentShop(getDb());
    const { order } = await newOrder(getDb(), shop);
    const before = (await stripeRows()).length;
    const event = stripeEvent("checkout.session.completed", sessionObject(order));
    const { rawBody, signature } = signed(event, PLATFORM_WEBHOOK_SECRET);

    const missing = await post(rawBody, null);
    expect(missing.status).toBe(400);
    expect((await missing.json()).message).toMatch(/Missing Stripe-Signature/);

    const tampered = await post(
      rawBody.replace(/"amount_total":\d+/, '"amount_total":1'),
      signature,
    );
    expect(tampered.status).toBe(400);
    expect((await tampered.json()).message).toMatch(/Invalid Stripe signature/);

    const old = signed(event, PLATFORM_WEBHOOK_SECRET, new Date(Date.now() - 301_000));
    const stale = await post(old.rawBody, old.signature);
    expect(stale.status).toBe(400);
    expect((await stale.json()).message).toMatch(/tolerance/);

    const wrong = signed(event, "whsec_notTheSecret0123456789");
    expect((await post(wrong.rawBody, wrong.signature)).status).toBe(400);

    const badQuery = await post(rawBody, signature, "?store=Not%20A%20Slug");
    expect(badQuery.status).toBe(400);
    expect((await badQuery.json()).message).toMatch(/slug/);

    expect(await stripeRows()).toHaveLength(before);
    expect(afterCallbacks).toHaveLength(0);
  });

  it("?store=<slug> verifies with that store's secret only; store A's secret on ?store=B is 400", async () => {
    const a = await createPaymentShop(getDb(), { ownWebhookSecret: STORE_A_SECRET });
    const b = await createPaymentShop(getDb(), { ownWebhookSecret: STORE_B_SECRET });
    const { order } = await newOrder(getDb(), b);
    const before = (await stripeRows()).length;
    const event = stripeEvent("checkout.session.completed", sessionObject(order));

    const crossed = signed(event, STORE_A_SECRET);
    const refused = await post(crossed.rawBody, crossed.signature, `?store=${b.store.slug}`);
    expect(refused.status).toBe(400);
    const platform = signed(event, PLATFORM_WEBHOOK_SECRET);
    expect(
      (await post(platform.rawBody, platform.signature, `?store=${b.store.slug}`)).status,
    ).toBe(400);
    const unknown = await post(crossed.rawBody, crossed.signature, "?store=no-such-store");
    expect(unknown.status).toBe(400);
    expect(await stripeRows()).toHaveLength(before);

    const own = signed(event, STORE_B_SECRET);
    const accepted = await post(own.rawBody, own.signature, `?store=${b.store.slug}`);
    expect(accepted.status).toBe(200);
    expect((await storedEvent(getDb(), event.id))[0]).toMatchObject({ storeId: b.store.id });
    await afterCallbacks.pop()!();
    expect((await reloadOrder(getDb(), order.id)).status).toBe("paid");
    expect(a.store.id).not.toBe(b.store.id);
  });

  it("an unknown event type is stored and acknowledged, and applied as not used", async () => {
    const event = stripeEvent("customer.created", { id: "cus_123", object: "customer" });
    const { rawBody, signature } = signed(event, PLATFORM_WEBHOOK_SECRET);
    const response = await post(rawBody, signature);
    expect(response.status).toBe(200);
    await afterCallbacks.pop()!();
    const [row] = await storedEvent(getDb(), event.id);
    expect(row).toMatchObject({ kind: "customer.created", lane: "", storeId: null, error: null });
    expect(row!.processedAt).not.toBeNull();
    expect(row!.note).toBe("Not used: customer.created");
  });

  it("the receive function refuses a platform delivery when no platform secret is configured", async () => {
    const event = stripeEvent("customer.created", { id: "cus_1", object: "customer" });
    const { rawBody, signature } = signed(event, PLATFORM_WEBHOOK_SECRET);
    const outcome = await receiveStripeWebhook(
      getDb(),
      { rawBody, signature, storeSlug: null },
      { ...config, webhookSecret: undefined },
    );
    expect(outcome).toMatchObject({ status: 400, stored: 0 });
    expect(outcome.message).toMatch(/not configured/);
    expect(await storedEvent(getDb(), event.id)).toHaveLength(0);
  });
});
