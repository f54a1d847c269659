import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { carts, checkoutSessions, orders, refunds } from "@/db/schema";
import { createCart } from "@/lib/cart/cart";
import { listFailedWebhookEvents } from "@/lib/inbox/failed-events";
import { saveCredential } from "@/lib/stores/credentials";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  createPaymentShop,
  deliver,
  newOrder,
  orderMessages,
  outboxOfMessages,
  paidEvents,
  reloadOrder,
  sessionObject,
  storedEvent,
  stripeEvent,
  whatsappConfig,
} from "./stripe-helpers";

const getDb = setupTestDatabase();

async function sessionRow(sessionId: string, orderId: string, storeId: string) {
  await getDb()
    .insert(checkoutSessions)
    .values({
      storeId,
      orderId,
      sessionId,
      version: 1,
      url: `https://checkout.stripe.test/${sessionId}`,
      amountMinor: 6400,
      currency: "JPY",
      expiresAt: new Date(Date.now() + 3_600_000),
    });
}

async function sessionStatus(sessionId: string) {
  const [row] = await getDb()
    .select({ status: checkoutSessions.status })
    .from(checkoutSessions)
    .where(eq(checkoutSessions.sessionId, sessionId));
  return row?.status;
}

describe(`Stripe events applied to orders [${testDbBackend}]`, () => {
  it("checkout.session.completed (paid) → paid with intent, address, cart converted, order_paid, one confirmation", async () => {
    const shop = await createPaymentShop(getDb());
    const cart = await createCart(getDb(), shop.store.id);
    const { order } = await newOrder(getDb(), shop, { cartId: cart.id, language: "ja" });
    const session = sessionObject(order);
    await sessionRow(session.id as string, order.id, shop.store.id);
    const outcome = await deliver(getDb(), stripeEvent("checkout.session.completed", session));
    expect(outcome.applied).toEqual({ applied: 1, failed: 0, gaveUp: 0 });

    const paid = await reloadOrder(getDb(), order.id);
    expect(paid).toMatchObject({
      status: "paid",
      paymentIntentId: session.payment_intent,
      awaitingAsyncPaymentAt: null,
      shippingAddress: {
        name: "Aiko Tanaka",
        line1: "1-1 Kyoto",
        line2: null,
        city: "Kyoto",
        state: "Kyoto",
        postalCode: "600-8001",
        country: "JP",
      },
    });
    expect(paid.paidAt).not.toBeNull();
    expect(await sessionStatus(session.id as string)).toBe("complete");
    const [cartRow] = await getDb().select().from(carts).where(eq(carts.id, cart.id));
    expect(cartRow!.status).toBe("converted");
    const analytics = await paidEvents(getDb(), order.id);
    expect(analytics).toHaveLength(1);
    expect(analytics[0]).toMatchObject({ source: "desktop_qr", orderId: order.id });

    const sent = await orderMessages(getDb(), order.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      dedupeKey: `order:${order.id}:confirmation`,
      status: "queued",
      type: "text",
    });
    expect(sent[0]!.body).toContain(order.number);
    expect(sent[0]!.body).toContain("ご注文");
    expect(sent[0]!.body).toContain("2 × Uji Matcha");
    expect(sent[0]!.body).toMatch(/6,400/);
    expect(await outboxOfMessages(getDb(), [sent[0]!.id])).toHaveLength(1);
  });

  it("the shipping address also comes from a session's top-level shipping_details", async () => {
    const shop = await createPaymentShop(getDb());
    const { order } = await newOrder(getDb(), shop);
    const session = sessionObject(order, {
      collected_information: null,
      shipping_details: { name: "Old API", address: { line1: "5 Main St", country: "US" } },
    });
    await deliver(getDb(), stripeEvent("checkout.session.completed", session));
    expect((await reloadOrder(getDb(), order.id)).shippingAddress).toMatchObject({
      name: "Old API",
      line1: "5 Main St",
      country: "US",
      city: null,
    });
  });

  it("unpaid completion waits for the asynchronous payment; async_payment_succeeded pays it", async () => {
    const shop = await createPaymentShop(getDb());
    const { order } = await newOrder(getDb(), shop);
    const session = sessionObject(order, { payment_status: "unpaid" });
    await deliver(getDb(), stripeEvent("checkout.session.completed", session));
    const waiting = await reloadOrder(getDb(), order.id);
    expect(waiting.status).toBe("pending");
    expect(waiting.awaitingAsyncPaymentAt).not.toBeNull();
    expect(await orderMessages(getDb(), order.id)).toHaveLength(0);

    await deliver(
      getDb(),
      stripeEvent("checkout.session.async_payment_succeeded", {
        ...session,
        payment_status: "paid",
      }),
    );
    const paid = await reloadOrder(getDb(), order.id);
    expect(paid).toMatchObject({ status: "paid", awaitingAsyncPaymentAt: null });
    expect(await paidEvents(getDb(), order.id)).toHaveLength(1);
    expect(await orderMessages(getDb(), order.id)).toHaveLength(1);
  });

  it("async_payment_failed clears the wait, leaves the order unpaid and its session spent", async () => {
    const shop = await createPaymentShop(getDb());
    const { order } = await newOrder(getDb(), shop);
    const session = sessionObject(order, { payment_status: "unpaid" });
    await sessionRow(session.id as string, order.id, shop.store.id);
    await deliver(getDb(), stripeEvent("checkout.session.completed", session));
    expect(await sessionStatus(session.id as string)).toBe("complete");
    const failed = stripeEvent("checkout.session.async_payment_failed", session);
    await deliver(getDb(), failed);
    expect(await reloadOrder(getDb(), order.id)).toMatchObject({
      status: "pending",
      awaitingAsyncPaymentAt: null,
      paidAt: null,
    });
    expect((await storedEvent(getDb(), failed.id))[0]!.note).toMatch(/failed/);
    // Expired, not complete: the link's next open makes a new session (the order stays payable).
    expect(await sessionStatus(session.id as string)).toBe("expired");
  });

  it("checkout.session.expired expires the session row and never touches a paid order", async () => {
    const shop = await createPaymentShop(getDb());
    const { order } = await newOrder(getDb(), shop);
    const old = sessionObject(order);
    await sessionRow(old.id as string, order.id, shop.store.id);
    await deliver(getDb(), stripeEvent("checkout.session.expired", { ...old, status: "expired" }));
    expect(await sessionStatus(old.id as string)).toBe("expired");
    expect((await reloadOrder(getDb(), order.id)).status).toBe("pending");

    const paying = sessionObject(order);
    await deliver(getDb(), stripeEvent("checkout.session.completed", paying));
    await deliver(
      getDb(),
      stripeEvent("checkout.session.expired", { ...paying, status: "expired" }),
    );
    expect((await reloadOrder(getDb(), order.id)).status).toBe("paid");
  });

  it.each([
    ["an amount", { amount_total: 6300 }, /Amount paid .*6,300 differs from order .*6,400/],
    ["a currency", { currency: "usd" }, /Currency USD differs from order .* JPY/],
  ])(
    "%s that differs from the total fails with the reason and leaves the order unpaid",
    async (_, change, reason) => {
      const shop = await createPaymentShop(getDb());
      const { order } = await newOrder(getDb(), shop);
      const event = stripeEvent("checkout.session.completed", sessionObject(order, change));
      const outcome = await deliver(getDb(), event);
      expect(outcome.status).toBe(200);
      expect(outcome.applied).toEqual({ applied: 0, failed: 0, gaveUp: 1 });
      const [row] = await storedEvent(getDb(), event.id);
      expect(row!.error).toMatch(reason);
      expect(row).toMatchObject({ storeId: shop.store.id, processedAt: null, nextAttemptAt: null });
      // The owner sees it in the dashboard's failed events, with the reason.
      const failed = await listFailedWebhookEvents(getDb(), shop.store.id);
      expect(failed).toMatchObject([
        { provider: "stripe", externalId: event.id, error: row!.error },
      ]);
      expect(await reloadOrder(getDb(), order.id)).toMatchObject({
        status: "pending",
        paidAt: null,
      });
      expect(await orderMessages(getDb(), order.id)).toHaveLength(0);
    },
  );

  it("an event for an order we do not know fails with the reason", async () => {
    const shop = await createPaymentShop(getDb());
    const { order } = await newOrder(getDb(), shop);
    const ghost = "00000000-0000-4000-8000-000000000000";
    const event = stripeEvent(
      "checkout.session.completed",
      sessionObject(order, {
        metadata: { order_id: ghost, store_id: shop.store.id },
        client_reference_id: ghost,
      }),
    );
    await deliver(getDb(), event);
    // Shown in the failed events of the store the event names.
    expect((await storedEvent(getDb(), event.id))[0]).toMatchObject({
      error: `Unknown order ${ghost}`,
      storeId: shop.store.id,
    });
    expect((await reloadOrder(getDb(), order.id)).status).toBe("pending");
  });

  it("tenancy: an event signed with store A's secret cannot pay store B's order", async () => {
    const a = await createPaymentShop(getDb(), { ownWebhookSecret: "whsec_storeAtenancy0123456" });
    const b = await createPaymentShop(getDb());
    const { order } = await newOrder(getDb(), b);
    const event = stripeEvent("checkout.session.completed", sessionObject(order));
    const outcome = await deliver(getDb(), event, {
      secret: "whsec_storeAtenancy0123456",
      storeSlug: a.store.slug,
    });
    expect(outcome.status).toBe(200);
    const [row] = await storedEvent(getDb(), event.id);
    expect(row!.storeId).toBe(a.store.id);
    expect(row!.error).toMatch(/another store/);
    expect(await listFailedWebhookEvents(getDb(), b.store.id)).toHaveLength(0);
    expect((await reloadOrder(getDb(), order.id)).status).toBe("pending");
  });

  it("tenancy: a platform-signed event cannot pay an order of a store with its own Stripe key", async () => {
    const shop = await createPaymentShop(getDb());
    await saveCredential(
      getDb(),
      shop.store.id,
      "stripe_secret_key",
      "sk_test_ownKey0123456789",
      whatsappConfig.encryptionKey,
    );
    const { order } = await newOrder(getDb(), shop);
    const event = stripeEvent("checkout.session.completed", sessionObject(order));
    await deliver(getDb(), event);
    expect((await storedEvent(getDb(), event.id))[0]!.error).toMatch(/platform's secret/);
    expect((await reloadOrder(getDb(), order.id)).status).toBe("pending");
  });

  it("a second, different payment of a paid order records one due refund; the same payment replayed does nothing", async () => {
    const shop = await createPaymentShop(getDb());
    const { order } = await newOrder(getDb(), shop);
    const first = sessionObject(order);
    await deliver(getDb(), stripeEvent("checkout.session.completed", first));
    // A new event id for the same session and payment intent (e.g. completed + async succeeded).
    await deliver(getDb(), stripeEvent("checkout.session.async_payment_succeeded", first));
    expect(await getDb().select().from(refunds).where(eq(refunds.orderId, order.id))).toHaveLength(
      0,
    );

    const second = sessionObject(order);
    const now = Date.now();
    await deliver(getDb(), stripeEvent("checkout.session.completed", second));
    await deliver(getDb(), stripeEvent("checkout.session.completed", second));
    const due = await getDb().select().from(refunds).where(eq(refunds.orderId, order.id));
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({
      reason: "double_payment",
      status: "due",
      paymentIntentId: second.payment_intent,
      idempotencyKey: `double:${second.payment_intent}`,
      amountMinor: 6400,
      currency: "JPY",
    });
    expect(due[0]!.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(now - 1000);
    const paid = await reloadOrder(getDb(), order.id);
    expect(paid).toMatchObject({ status: "paid", paymentIntentId: first.payment_intent });
    expect(await paidEvents(getDb(), order.id)).toHaveLength(1);
    expect(await orderMessages(getDb(), order.id)).toHaveLength(1);
  });

  it("a payment after the order was cancelled is not applied to it: the payment is due a refund", async () => {
    const shop = await createPaymentShop(getDb());
    const { order } = await newOrder(getDb(), shop);
    await getDb()
      .update(orders)
      .set({ status: "cancelled", cancelledAt: new Date() })
      .where(eq(orders.id, order.id));
    const session = sessionObject(order);
    await deliver(getDb(), stripeEvent("checkout.session.completed", session));
    expect(await reloadOrder(getDb(), order.id)).toMatchObject({
      status: "cancelled",
      paidAt: null,
    });
    const due = await getDb().select().from(refunds).where(eq(refunds.orderId, order.id));
    expect(due).toMatchObject([
      { reason: "double_payment", status: "due", paymentIntentId: session.payment_intent },
    ]);
  });
});
