import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkoutSessions, events, orders, paymentLinks } from "@/db/schema";
import { expireOpenCheckoutSession } from "@/lib/payments/checkout-session";
import { lacksOwnWebhookSecret, resolveStorePayments } from "@/lib/payments/config";
import { readPaymentsConfigurationError } from "@/lib/payments/configuration-error";
import { openPaymentLink, type OpenLinkOutcome } from "@/lib/payments/open-link";
import { payPageHtml } from "@/lib/payments/pay-page";
import { saveCredential } from "@/lib/stores/credentials";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { type FakeStripe, startFakeStripe } from "../support/fake-stripe";
import {
  BROWSER_UA,
  createPayShop,
  createPendingOrder,
  ENCRYPTION_KEY,
  freshIp,
  PLATFORM_KEY,
  type PayShop,
  stripeConfig,
} from "./helpers";

const getDb = setupTestDatabase();
const ORIGIN = "https://shop.chatcart.test";
let fake: FakeStripe;

beforeAll(async () => {
  fake = await startFakeStripe();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function open(
  token: string,
  options: { headers?: Record<string, string>; method?: string; now?: Date; config?: object } = {},
): Promise<OpenLinkOutcome> {
  return openPaymentLink(
    getDb(),
    {
      token,
      method: options.method ?? "GET",
      headers: new Headers({ "user-agent": BROWSER_UA, ...options.headers }),
      ip: freshIp(),
      origin: ORIGIN,
      now: options.now ?? new Date(),
    },
    { ...stripeConfig(fake.url), ...options.config },
  );
}

async function sessionRows(orderId: string) {
  return getDb().select().from(checkoutSessions).where(eq(checkoutSessions.orderId, orderId));
}

async function linkRow(orderId: string) {
  const [row] = await getDb().select().from(paymentLinks).where(eq(paymentLinks.orderId, orderId));
  return row!;
}

async function openedEvents(orderId: string) {
  return getDb()
    .select()
    .from(events)
    .where(and(eq(events.orderId, orderId), eq(events.type, "link_opened")));
}

const creates = () => fake.requestsTo("POST", /^\/v1\/checkout\/sessions$/);

describe(`GET /pay/<token> → Stripe Checkout [${testDbBackend}]`, () => {
  let yen: PayShop;
  let dollars: PayShop;

  beforeAll(async () => {
    yen = await createPayShop(getDb(), {
      settings: { payments: { checkoutExpiryMinutes: 120, shippingCountries: ["JP", "US", "TW"] } },
    });
    dollars = await createPayShop(getDb(), { currency: "USD", prices: [1250, 399] });
  });

  it("creates a JPY session with exactly the parameters Stripe needs, and redirects to it", async () => {
    const { order, link } = await createPendingOrder(getDb(), yen, { language: "ja" });
    const now = new Date();
    const outcome = await open(link.token, { now });

    const [request] = creates();
    expect(creates()).toHaveLength(1);
    const expiresAt = Math.floor(now.getTime() / 60_000) * 60 + 120 * 60;
    expect(request!.form).toEqual({
      mode: "payment",
      "line_items[0][price_data][currency]": "jpy",
      "line_items[0][price_data][unit_amount]": "4800",
      "line_items[0][price_data][product_data][name]": "Uji Matcha",
      "line_items[0][quantity]": "2",
      "line_items[1][price_data][currency]": "jpy",
      "line_items[1][price_data][unit_amount]": "1200",
      "line_items[1][price_data][product_data][name]": "Bamboo Whisk",
      "line_items[1][quantity]": "1",
      client_reference_id: order.id,
      "metadata[order_id]": order.id,
      "metadata[store_id]": yen.store.id,
      "payment_intent_data[metadata][order_id]": order.id,
      "payment_intent_data[metadata][store_id]": yen.store.id,
      locale: "ja",
      expires_at: String(expiresAt),
      "shipping_address_collection[allowed_countries][0]": "JP",
      "shipping_address_collection[allowed_countries][1]": "US",
      "shipping_address_collection[allowed_countries][2]": "TW",
      success_url: `${ORIGIN}/pay/${link.token}/done?result=success`,
      cancel_url: `${ORIGIN}/pay/${link.token}/done?result=cancel`,
    });
    expect(request!.idempotencyKey).toBe(`order:${order.id}:v1`);
    expect(request!.authorization).toBe(`Bearer ${PLATFORM_KEY}`);

    const session = [...fake.sessions.values()].find((s) => s.client_reference_id === order.id)!;
    expect(session.amount_total).toBe(order.totalMinor);
    expect(outcome).toEqual({ kind: "redirect", location: session.url });
    const rows = await sessionRows(order.id);
    expect(rows).toMatchObject([
      { sessionId: session.id, version: 1, status: "open", amountMinor: 10800, currency: "JPY" },
    ]);
    expect(rows[0]!.expiresAt.getTime()).toBe(expiresAt * 1000);
    const opened = await linkRow(order.id);
    expect(opened.openCount).toBe(1);
    expect(opened.firstOpenedAt).not.toBeNull();
    expect(await openedEvents(order.id)).toMatchObject([{ source: "unattributed" }]);
  });

  it("creates a USD session in cents, with the default expiry and countries", async () => {
    const { order, link } = await createPendingOrder(getDb(), dollars, { language: "zh-Hans" });
    const now = new Date();
    await open(link.token, { now });
    const body = creates()[0]!.body as {
      line_items: { price_data: { currency: string; unit_amount: string }; quantity: string }[];
      locale: string;
      expires_at: string;
      shipping_address_collection: { allowed_countries: string[] };
    };
    expect(
      body.line_items.map((item) => [
        item.price_data.currency,
        item.price_data.unit_amount,
        item.quantity,
      ]),
    ).toEqual([
      ["usd", "1250", "2"],
      ["usd", "399", "1"],
    ]);
    expect(body.locale).toBe("zh");
    expect(Number(body.expires_at)).toBe(Math.floor(now.getTime() / 60_000) * 60 + 23 * 3600);
    expect(body.shipping_address_collection.allowed_countries).toContain("JP");
    expect(body.shipping_address_collection.allowed_countries.length).toBeGreaterThan(30);
    expect(creates()[0]!.idempotencyKey).toBe(`order:${order.id}:v1`);
  });

  it.each([
    ["en", "en"],
    ["ja", "ja"],
    ["zh-Hans", "zh"],
    ["ko", "ko"],
  ])("sends Checkout's locale for an order in %s", async (language, locale) => {
    const { link } = await createPendingOrder(getDb(), yen, { language });
    await open(link.token);
    expect(creates()[0]!.form.locale).toBe(locale);
  });

  it("uses the store's own key before the platform's", async () => {
    const shop = await createPayShop(getDb());
    await saveCredential(
      getDb(),
      shop.store.id,
      "stripe_secret_key",
      "sk_test_store_9876",
      ENCRYPTION_KEY,
    );
    const { link } = await createPendingOrder(getDb(), shop);
    await open(link.token);
    expect(creates()[0]!.authorization).toBe("Bearer sk_test_store_9876");

    // Its events come to ?store=<slug> only: without its own webhook secret the dashboard warns.
    const config = stripeConfig(fake.url);
    const payments = await resolveStorePayments(getDb(), shop.store.id, config);
    expect(await lacksOwnWebhookSecret(getDb(), shop.store.id, payments, config)).toBe(true);
    await saveCredential(
      getDb(),
      shop.store.id,
      "stripe_webhook_secret",
      "whsec_store_0123456789",
      ENCRYPTION_KEY,
    );
    expect(await lacksOwnWebhookSecret(getDb(), shop.store.id, payments, config)).toBe(false);
    const platform = await resolveStorePayments(getDb(), yen.store.id, config);
    expect(await lacksOwnWebhookSecret(getDb(), yen.store.id, platform, config)).toBe(false);
  });

  it("reuses the open session: a second open creates nothing and counts a second open", async () => {
    const { order, link } = await createPendingOrder(getDb(), yen);
    const first = await open(link.token);
    const second = await open(link.token);
    expect(second).toEqual(first);
    expect(creates()).toHaveLength(1);
    expect((await linkRow(order.id)).openCount).toBe(2);
    expect(await openedEvents(order.id)).toHaveLength(2);
  });

  it("replaces an expired session: expires it at Stripe first, then creates version 2", async () => {
    const { order, link } = await createPendingOrder(getDb(), yen);
    await open(link.token);
    const [old] = await sessionRows(order.id);
    const later = new Date(old!.expiresAt.getTime() + 60_000);
    const outcome = await open(link.token, { now: later });

    const calls = fake.requests.map((request) => `${request.method} ${request.path}`);
    expect(calls).toEqual([
      "POST /v1/checkout/sessions",
      `POST /v1/checkout/sessions/${old!.sessionId}/expire`,
      "POST /v1/checkout/sessions",
    ]);
    expect(creates()[1]!.idempotencyKey).toBe(`order:${order.id}:v2`);
    expect(fake.sessions.get(old!.sessionId)!.status).toBe("expired");
    const rows = await sessionRows(order.id);
    expect(rows.map((row) => [row.version, row.status]).sort()).toEqual([
      [1, "expired"],
      [2, "open"],
    ]);
    const current = rows.find((row) => row.version === 2)!;
    expect(outcome).toEqual({ kind: "redirect", location: current.url });
    expect((await linkRow(order.id)).version).toBe(2);
  });

  it("replaces an open session whose amount is no longer the order's total", async () => {
    const { order, link } = await createPendingOrder(getDb(), yen);
    await open(link.token);
    const [old] = await sessionRows(order.id);
    // A discount line arrived after the session was made (the session still asks full price).
    await getDb()
      .update(orders)
      .set({ discountMinor: 100, totalMinor: order.totalMinor - 100 })
      .where(eq(orders.id, order.id));
    fake.reset();
    await open(link.token);
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `POST /v1/checkout/sessions/${old!.sessionId}/expire`,
      expect.stringMatching(/^POST \/v1\/coupons$/),
      "POST /v1/checkout/sessions",
    ]);
    const current = (await sessionRows(order.id)).find((row) => row.status === "open")!;
    expect(current).toMatchObject({ version: 2, amountMinor: order.totalMinor - 100 });
  });

  it("replaces a session Stripe already expired without asking Stripe to expire it again", async () => {
    const { order, link } = await createPendingOrder(getDb(), yen);
    await open(link.token);
    await getDb()
      .update(checkoutSessions)
      .set({ status: "expired" })
      .where(eq(checkoutSessions.orderId, order.id));
    fake.reset();
    await open(link.token);
    expect(fake.requests.map((request) => request.path)).toEqual(["/v1/checkout/sessions"]);
    expect(fake.requests[0]!.idempotencyKey).toBe(`order:${order.id}:v2`);
  });

  it("does not replace a session that was paid at Stripe before its event arrived", async () => {
    const { order, link } = await createPendingOrder(getDb(), yen, { language: "ja" });
    await open(link.token);
    const [old] = await sessionRows(order.id);
    fake.updateSession(old!.sessionId, { status: "complete", payment_status: "paid" });
    const outcome = await open(link.token, { now: new Date(old!.expiresAt.getTime() + 60_000) });
    expect(outcome).toMatchObject({
      kind: "processing",
      orderNumber: order.number,
      language: "ja",
    });
    expect(creates()).toHaveLength(1);
    expect(fake.requestsTo("GET", `/v1/checkout/sessions/${old!.sessionId}`)).toHaveLength(1);
    expect((await sessionRows(order.id)).map((row) => row.status)).toEqual(["complete"]);
    expect((await linkRow(order.id)).version).toBe(1);
    expect(await readPaymentsConfigurationError(getDb(), yen.store.id)).toBeNull();
  });

  it("shows an order whose asynchronous payment is settling as processing, creating nothing", async () => {
    const { order, link } = await createPendingOrder(getDb(), yen);
    await getDb()
      .update(orders)
      .set({ awaitingAsyncPaymentAt: new Date() })
      .where(eq(orders.id, order.id));
    const outcome = await open(link.token);
    expect(outcome.kind).toBe("processing");
    const page = payPageHtml(outcome as Exclude<OpenLinkOutcome, { kind: "redirect" }>, null);
    expect(page.html).toContain("Your payment is being processed");
    expect(fake.requests).toHaveLength(0);
  });

  it("ten concurrent opens get one session", async () => {
    const { order, link } = await createPendingOrder(getDb(), yen);
    fake.setDelay(100);
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => open(link.token)));
    const locations = new Set(
      outcomes.map((outcome) => (outcome.kind === "redirect" ? outcome.location : outcome.kind)),
    );
    expect(locations.size).toBe(1);
    const made = [...fake.sessions.values()].filter((s) => s.client_reference_id === order.id);
    expect(made).toHaveLength(1);
    expect(new Set(creates().map((request) => request.idempotencyKey))).toEqual(
      new Set([`order:${order.id}:v1`]),
    );
    expect(await sessionRows(order.id)).toHaveLength(1);
    expect((await linkRow(order.id)).openCount).toBe(10);
  });

  it("five concurrent opens of an expired link make one replacement (version 2, not 6)", async () => {
    const { order, link } = await createPendingOrder(getDb(), yen);
    await open(link.token);
    const [old] = await sessionRows(order.id);
    const later = new Date(old!.expiresAt.getTime() + 60_000);
    fake.setDelay(50);
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => open(link.token, { now: later })),
    );
    const rows = await sessionRows(order.id);
    expect(rows.map((row) => row.version).sort()).toEqual([1, 2]);
    const current = rows.find((row) => row.version === 2)!;
    expect(outcomes).toEqual(Array(5).fill({ kind: "redirect", location: current.url }));
    expect((await linkRow(order.id)).version).toBe(2);
    expect(new Set(creates().map((request) => request.idempotencyKey))).toEqual(
      new Set([`order:${order.id}:v1`, `order:${order.id}:v2`]),
    );
  });

  it("refuses a discount the items do not add up to without calling Stripe", async () => {
    const { order, link } = await createPendingOrder(getDb(), yen);
    await getDb()
      .update(orders)
      .set({ discountMinor: 500, totalMinor: order.totalMinor })
      .where(eq(orders.id, order.id));
    const outcome = await open(link.token);
    expect(outcome).toMatchObject({
      kind: "unavailable",
      message: expect.stringMatching(/discount/),
    });
    expect(fake.requests).toHaveLength(0);
    expect(await sessionRows(order.id)).toHaveLength(0);
  });

  it("takes a discount off through a one-off coupon made before the session", async () => {
    const { order, link } = await createPendingOrder(getDb(), yen);
    await getDb()
      .update(orders)
      .set({
        discountMinor: 500,
        totalMinor: order.totalMinor - 500,
        discountLines: [{ kind: "loyalty", label: "Tea Points", amountMinor: 500 }],
      })
      .where(eq(orders.id, order.id));
    const outcome = await open(link.token);
    expect(outcome.kind).toBe("redirect");
    const [coupon] = fake.requestsTo("POST", "/v1/coupons");
    expect(coupon?.form).toMatchObject({
      amount_off: "500",
      currency: "jpy",
      duration: "once",
      max_redemptions: "1",
      name: "Tea Points",
    });
    expect(coupon?.idempotencyKey).toBe(`coupon:${order.id}:v1:500`);
    const [created] = fake.requestsTo("POST", "/v1/checkout/sessions");
    const couponId = [...fake.coupons.values()].at(-1)!.id;
    expect(created?.body.discounts).toEqual([{ coupon: couponId }]);
    const session = [...fake.sessions.values()].find((s) => s.client_reference_id === order.id)!;
    expect(session.amount_total).toBe(order.totalMinor - 500);
    expect((await sessionRows(order.id))[0]?.amountMinor).toBe(order.totalMinor - 500);
  });
});

describe(`/pay faults [${testDbBackend}]`, () => {
  let shop: PayShop;
  beforeAll(async () => {
    shop = await createPayShop(getDb());
  });

  it.each([
    ["a 500", () => fake.failNext(1, { status: 500 })],
    // The SDK retries a closed connection once by itself.
    ["a dropped connection", () => fake.failNext(2, { dropConnection: true })],
  ])("answers %s from Stripe with 503 and writes no session", async (_name, fail) => {
    const { order, link } = await createPendingOrder(getDb(), shop, { language: "ko" });
    fail();
    const outcome = await open(link.token);
    expect(outcome.kind).toBe("retry_later");
    expect(await sessionRows(order.id)).toHaveLength(0);
    expect((await linkRow(order.id)).version).toBe(1);
    const page = payPageHtml(outcome as Exclude<OpenLinkOutcome, { kind: "redirect" }>, null);
    expect(page.status).toBe(503);
    expect(page.html).toContain("잠시 후 다시 시도해 주세요");
    expect(await readPaymentsConfigurationError(getDb(), shop.store.id)).toBeNull();
    // Once Stripe is back, the same link works.
    expect((await open(link.token)).kind).toBe("redirect");
  });

  it("records a 401 as the store's configuration error, readable in words, until a session succeeds", async () => {
    const other = await createPayShop(getDb());
    const { order, link } = await createPendingOrder(getDb(), other);
    fake.failNext(1, { status: 401 });
    const outcome = await open(link.token);
    expect(outcome.kind).toBe("unavailable");
    const page = payPageHtml(outcome as Exclude<OpenLinkOutcome, { kind: "redirect" }>, null);
    expect(page.status).toBe(503);
    expect(page.html).toContain("Payment is not available right now");
    expect(page.html).not.toContain("Stripe refused");
    expect(await sessionRows(order.id)).toHaveLength(0);
    const error = await readPaymentsConfigurationError(getDb(), other.store.id);
    expect(error?.message).toBe("Stripe refused the secret key (check it in Settings → Payments)");
    expect(error?.kind).toBe("authentication");
    expect(await readPaymentsConfigurationError(getDb(), shop.store.id)).toBeNull();

    await open(link.token, { now: new Date(Date.now() + 1000) });
    expect(await readPaymentsConfigurationError(getDb(), other.store.id)).toBeNull();
  });

  it("records a 401 on expiring the old session, and creates no new one", async () => {
    const other = await createPayShop(getDb());
    const { order, link } = await createPendingOrder(getDb(), other);
    await open(link.token);
    const [old] = await sessionRows(order.id);
    fake.failNext(1, { status: 401 });
    const outcome = await open(link.token, { now: new Date(old!.expiresAt.getTime() + 60_000) });
    expect(outcome.kind).toBe("unavailable");
    expect(creates()).toHaveLength(1);
    expect((await linkRow(order.id)).version).toBe(1);
    expect((await readPaymentsConfigurationError(getDb(), other.store.id))?.message).toMatch(
      /refused the secret key/,
    );
  });

  it("names a missing permission (403) in words", async () => {
    const other = await createPayShop(getDb());
    const { link } = await createPendingOrder(getDb(), other);
    fake.failNext(1, { status: 403 });
    await open(link.token);
    expect((await readPaymentsConfigurationError(getDb(), other.store.id))?.message).toMatch(
      /lacks a permission/,
    );
  });

  it("sends a sandbox store to the local test checkout without calling Stripe", async () => {
    const { order, link } = await createPendingOrder(getDb(), shop);
    const outcome = await open(link.token, { config: { secretKey: undefined } });
    expect(outcome).toEqual({ kind: "redirect", location: `/pay/${link.token}/test` });
    expect(fake.requests).toHaveLength(0);
    expect((await linkRow(order.id)).openCount).toBe(1);
  });

  it("tells the shopper payment is unavailable in production without keys", async () => {
    const { link } = await createPendingOrder(getDb(), shop);
    const outcome = await open(link.token, {
      config: { secretKey: undefined, nodeEnv: "production" },
    });
    expect(outcome).toMatchObject({
      kind: "unavailable",
      message: expect.stringMatching(/No Stripe secret key/),
    });
    expect(fake.requests).toHaveLength(0);
  });
});

describe(`cancelling: expireOpenCheckoutSession [${testDbBackend}]`, () => {
  it("expires the order's open session through the API, and is fine with none", async () => {
    const shop = await createPayShop(getDb());
    const config = stripeConfig(fake.url);
    const { order, link } = await createPendingOrder(getDb(), shop);
    expect(
      await expireOpenCheckoutSession(
        getDb(),
        { storeId: shop.store.id, orderId: order.id },
        config,
      ),
    ).toEqual({ ok: true });
    expect(fake.requests).toHaveLength(0);

    await open(link.token);
    const [row] = await sessionRows(order.id);
    expect(
      await expireOpenCheckoutSession(
        getDb(),
        { storeId: shop.store.id, orderId: order.id },
        config,
      ),
    ).toEqual({ ok: true });
    expect(fake.requests.at(-1)!.path).toBe(`/v1/checkout/sessions/${row!.sessionId}/expire`);
    expect((await sessionRows(order.id))[0]!.status).toBe("expired");
  });

  it("refuses to cancel an order whose session was just paid at Stripe", async () => {
    const shop = await createPayShop(getDb());
    const { order, link } = await createPendingOrder(getDb(), shop);
    await open(link.token);
    const [row] = await sessionRows(order.id);
    fake.updateSession(row!.sessionId, { status: "complete", payment_status: "paid" });
    const result = await expireOpenCheckoutSession(
      getDb(),
      { storeId: shop.store.id, orderId: order.id },
      stripeConfig(fake.url),
    );
    expect(result).toMatchObject({
      ok: false,
      retryable: false,
      message: expect.stringMatching(/just paid/),
    });
    expect((await sessionRows(order.id))[0]!.status).toBe("complete");
  });

  it("reports a Stripe 5xx as retryable and leaves the session open", async () => {
    const shop = await createPayShop(getDb());
    const config = stripeConfig(fake.url);
    const { order, link } = await createPendingOrder(getDb(), shop);
    await open(link.token);
    fake.failNext(1, { status: 500 });
    const result = await expireOpenCheckoutSession(
      getDb(),
      { storeId: shop.store.id, orderId: order.id },
      config,
    );
    expect(result).toMatchObject({ ok: false, retryable: true });
    expect((await sessionRows(order.id))[0]!.status).toBe("open");
  });
});
