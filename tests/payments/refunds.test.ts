import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { orders, refunds } from "@/db/schema";
import { readPaymentsConfigurationError } from "@/lib/payments/configuration-error";
import { DEFAULT_TICK_OPTIONS, tick } from "@/lib/jobs/tick";
import { refundRetryDelayMs, requestRefund, runDueRefunds } from "@/lib/payments/refunds";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { type FakeStripe, startFakeStripe } from "../support/fake-stripe";
import {
  createPayShop,
  createPendingOrder,
  markPaid,
  type PayShop,
  PLATFORM_KEY,
  stripeConfig,
} from "./helpers";

const getDb = setupTestDatabase();
let fake: FakeStripe;
let yen: PayShop;
let dollars: PayShop;

beforeAll(async () => {
  fake = await startFakeStripe();
  yen = await createPayShop(getDb());
  dollars = await createPayShop(getDb(), { currency: "USD", prices: [1250, 399] });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const config = () => stripeConfig(fake.url);

async function paidOrder(shop: PayShop) {
  const { order } = await createPendingOrder(getDb(), shop);
  const paymentIntent = await markPaid(getDb(), order.id);
  return { order, paymentIntent };
}

async function refundRows(orderId: string) {
  return getDb().select().from(refunds).where(eq(refunds.orderId, orderId));
}

const refundCalls = () => fake.requestsTo("POST", "/v1/refunds");

describe(`owner refunds: requestRefund [${testDbBackend}]`, () => {
  it("asks Stripe with the payment intent, the amount and refund:<order>:<n> as the idempotency key", async () => {
    const { order, paymentIntent } = await paidOrder(yen);
    const owner = yen.userId;
    const result = await requestRefund(
      getDb(),
      { storeId: yen.store.id, orderId: order.id, amountMinor: 10800, requestedBy: owner },
      config(),
    );
    expect(result.ok).toBe(true);
    const [call] = refundCalls();
    expect(refundCalls()).toHaveLength(1);
    expect(call!.form).toEqual({
      payment_intent: paymentIntent,
      amount: "10800",
      "metadata[order_id]": order.id,
      "metadata[store_id]": yen.store.id,
      "metadata[reason]": "owner",
    });
    expect(call!.idempotencyKey).toBe(`refund:${order.id}:1`);
    expect(call!.authorization).toBe(`Bearer ${PLATFORM_KEY}`);
    const [row] = await refundRows(order.id);
    const stripeRefund = [...fake.refunds.values()].at(-1)!;
    expect(row).toMatchObject({
      id: result.ok ? result.refundId : "",
      reason: "owner",
      status: "requested",
      stripeRefundId: stripeRefund.id,
      amountMinor: 10800,
      currency: "JPY",
      requestedBy: owner,
      attempts: 1,
    });
    // The order changes only when Stripe's charge.refunded event arrives.
    const [after] = await getDb().select().from(orders).where(eq(orders.id, order.id));
    expect(after).toMatchObject({ status: "paid", refundedMinor: 0 });
  });

  it("sends a USD amount in cents", async () => {
    const { order } = await paidOrder(dollars);
    await requestRefund(
      getDb(),
      {
        storeId: dollars.store.id,
        orderId: order.id,
        amountMinor: 1250,
        requestedBy: dollars.userId,
      },
      config(),
    );
    expect(refundCalls()[0]!.form.amount).toBe("1250");
  });

  it("never refunds more than the total less what is refunded or already requested", async () => {
    const { order } = await paidOrder(yen);
    const refund = (amountMinor: number) =>
      requestRefund(
        getDb(),
        { storeId: yen.store.id, orderId: order.id, amountMinor, requestedBy: yen.userId },
        config(),
      );
    expect((await refund(6000)).ok).toBe(true);
    expect(await refund(4801)).toMatchObject({
      ok: false,
      retryable: false,
      message: expect.stringMatching(/At most 4800/),
      code: "too_much",
      refundableMinor: 4800,
      currency: "JPY",
    });
    // Stripe confirmed another 1000 refunded elsewhere (e.g. in Stripe's dashboard).
    await getDb().update(orders).set({ refundedMinor: 1000 }).where(eq(orders.id, order.id));
    expect(await refund(3801)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/At most 3800/),
    });
    expect((await refund(3800)).ok).toBe(true);
    expect(await refund(1)).toMatchObject({ ok: false });
    expect(await refund(0)).toMatchObject({ ok: false });
    expect(refundCalls().map((call) => [call.form.amount, call.idempotencyKey])).toEqual([
      ["6000", `refund:${order.id}:1`],
      ["3800", `refund:${order.id}:2`],
    ]);
  });

  it("refuses unpaid orders and other stores' orders", async () => {
    const { order } = await createPendingOrder(getDb(), yen);
    expect(
      await requestRefund(
        getDb(),
        { storeId: yen.store.id, orderId: order.id, amountMinor: 100, requestedBy: yen.userId },
        config(),
      ),
    ).toMatchObject({ ok: false, message: "Only a paid order can be refunded" });
    const { order: paid } = await paidOrder(yen);
    expect(
      await requestRefund(
        getDb(),
        {
          storeId: dollars.store.id,
          orderId: paid.id,
          amountMinor: 100,
          requestedBy: dollars.userId,
        },
        config(),
      ),
    ).toMatchObject({ ok: false, message: "Order not found" });
    expect(refundCalls()).toHaveLength(0);
  });

  it("marks a 4xx failed in words and records the configuration error", async () => {
    const shop = await createPayShop(getDb());
    const { order } = await paidOrder(shop);
    fake.failNext(1, { status: 401 });
    const result = await requestRefund(
      getDb(),
      { storeId: shop.store.id, orderId: order.id, amountMinor: 100, requestedBy: shop.userId },
      config(),
    );
    expect(result).toMatchObject({
      ok: false,
      retryable: false,
      message: expect.stringMatching(/refused the secret key/),
    });
    expect(await refundRows(order.id)).toMatchObject([
      { status: "failed", lastError: expect.stringMatching(/secret key/) },
    ]);
    expect((await readPaymentsConfigurationError(getDb(), shop.store.id))?.message).toMatch(
      /secret key/,
    );
  });

  it("keeps a refund that met a 5xx due, and runDueRefunds retries it with backoff until Stripe accepts", async () => {
    const { order } = await paidOrder(yen);
    fake.failNext(1, { status: 500 });
    const start = new Date();
    const result = await requestRefund(
      getDb(),
      { storeId: yen.store.id, orderId: order.id, amountMinor: 500, requestedBy: yen.userId },
      config(),
    );
    expect(result).toMatchObject({ ok: false, retryable: true });
    const [due] = await refundRows(order.id);
    expect(due).toMatchObject({ status: "due", attempts: 1, stripeRefundId: null });
    expect(due!.nextAttemptAt!.getTime()).toBeGreaterThan(start.getTime());

    // Not yet due: nothing is asked.
    expect(await runDueRefunds(getDb(), config(), start)).toEqual({
      requested: 0,
      retrying: 0,
      failed: 0,
    });

    fake.failNext(1, { status: 500 });
    const second = new Date(due!.nextAttemptAt!.getTime() + 1000);
    expect(await runDueRefunds(getDb(), config(), second)).toEqual({
      requested: 0,
      retrying: 1,
      failed: 0,
    });
    const [retrying] = await refundRows(order.id);
    expect(retrying).toMatchObject({ status: "due", attempts: 2 });
    expect(retrying!.nextAttemptAt!.getTime()).toBe(second.getTime() + refundRetryDelayMs(2));

    const third = new Date(retrying!.nextAttemptAt!.getTime() + 1000);
    expect(await runDueRefunds(getDb(), config(), third)).toEqual({
      requested: 1,
      retrying: 0,
      failed: 0,
    });
    const [done] = await refundRows(order.id);
    expect(done).toMatchObject({ status: "requested", attempts: 3, lastError: null });
    expect(done!.stripeRefundId).toMatch(/^re_test_/);
    expect(new Set(refundCalls().map((call) => call.idempotencyKey))).toEqual(
      new Set([`refund:${order.id}:1`]),
    );
    expect(refundCalls()).toHaveLength(3);
  });

  it("in sandbox mode records the refund as requested without calling Stripe", async () => {
    const { order } = await paidOrder(yen);
    const result = await requestRefund(
      getDb(),
      { storeId: yen.store.id, orderId: order.id, amountMinor: 100, requestedBy: yen.userId },
      { ...config(), secretKey: undefined },
    );
    expect(result.ok).toBe(true);
    expect(fake.requests).toHaveLength(0);
    const [row] = await refundRows(order.id);
    expect(row).toMatchObject({ status: "requested" });
    expect(row!.stripeRefundId).toMatch(/^re_sandbox_/);
  });
});

describe(`double payments: runDueRefunds [${testDbBackend}]`, () => {
  async function dueDoubleRefund(shop: PayShop, amountMinor = 10800) {
    const { order } = await paidOrder(shop);
    const duplicate = `pi_dup_${order.id.slice(0, 8)}`;
    const [row] = await getDb()
      .insert(refunds)
      .values({
        storeId: shop.store.id,
        orderId: order.id,
        reason: "double_payment",
        paymentIntentId: duplicate,
        amountMinor,
        currency: shop.store.currency,
        status: "due",
        idempotencyKey: `double:${duplicate}`,
      })
      .returning();
    return { order, duplicate, row: row! };
  }

  it("refunds the duplicate payment with double:<payment_intent> as the idempotency key", async () => {
    const { duplicate, row } = await dueDoubleRefund(yen);
    const report = await runDueRefunds(getDb(), config(), new Date());
    expect(report.requested).toBeGreaterThanOrEqual(1);
    const call = refundCalls().find((request) => request.form.payment_intent === duplicate)!;
    expect(call.idempotencyKey).toBe(`double:${duplicate}`);
    expect(call.form.amount).toBe("10800");
    const [after] = await getDb().select().from(refunds).where(eq(refunds.id, row.id));
    expect(after).toMatchObject({ status: "requested", attempts: 1 });
  });

  it("two runs at once ask Stripe once per refund (FOR UPDATE SKIP LOCKED)", async () => {
    const made = await Promise.all([
      dueDoubleRefund(yen),
      dueDoubleRefund(yen),
      dueDoubleRefund(yen),
    ]);
    fake.setDelay(50);
    const now = new Date();
    const reports = await Promise.all([
      runDueRefunds(getDb(), config(), now),
      runDueRefunds(getDb(), config(), now),
    ]);
    expect(reports.reduce((sum, report) => sum + report.requested, 0)).toBe(3);
    for (const { duplicate } of made) {
      expect(refundCalls().filter((call) => call.form.payment_intent === duplicate)).toHaveLength(
        1,
      );
    }
  });

  it("runs as the tick's dueRefunds job", async () => {
    const { duplicate } = await dueDoubleRefund(yen, 500);
    const report = await tick(
      getDb(),
      {
        graphApiUrl: "http://127.0.0.1:9",
        platformAccessToken: undefined,
        platformAppSecret: undefined,
        platformPhoneNumbers: new Map(),
        sandbox: "on",
        nodeEnv: "test",
        encryptionKey: config().encryptionKey,
      },
      { ...DEFAULT_TICK_OPTIONS, budgetMs: 5_000, stripe: config() },
    );
    expect(report.dueRefunds).toMatchObject({ requested: 1 });
    expect(refundCalls().map((call) => call.form.payment_intent)).toContain(duplicate);
  });
});
