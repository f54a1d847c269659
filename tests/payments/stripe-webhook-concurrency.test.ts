import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { refunds } from "@/db/schema";
import { receiveStripeWebhook } from "@/lib/payments/receive-stripe-webhook";
import { processWebhookEvents } from "@/lib/processing/processor";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  createPaymentShop,
  newOrder,
  orderMessages,
  outboxOfMessages,
  paidEvents,
  PLATFORM_WEBHOOK_SECRET,
  reloadOrder,
  sessionObject,
  signed,
  storedEvent,
  stripeEvent,
  stripeTestConfig,
  whatsappConfig,
} from "./stripe-helpers";

const getDb = setupTestDatabase();
const config = stripeTestConfig();

/** One delivery as the route and its after() make it: receive, then apply what it stored. */
async function deliverOnce(event: unknown) {
  const { rawBody, signature } = signed(event, PLATFORM_WEBHOOK_SECRET);
  const outcome = await receiveStripeWebhook(
    getDb(),
    { rawBody, signature, storeSlug: null },
    config,
  );
  // Every delivery also runs a processor over the order's lane, as a busy instance would.
  await processWebhookEvents(getDb(), {
    config: whatsappConfig,
    lanes: [
      `stripe:order:${(event as { data: { object: { metadata: { order_id: string } } } }).data.object.metadata.order_id}`,
    ],
  });
  return outcome;
}

describe(`Concurrent deliveries [${testDbBackend}]`, () => {
  it("20 concurrent deliveries of one event: one row, one paid transition, one confirmation, one order_paid", async () => {
    const shop = await createPaymentShop(getDb());
    const { order } = await newOrder(getDb(), shop);
    const event = stripeEvent("checkout.session.completed", sessionObject(order));
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => deliverOnce(event)));
    expect(outcomes.every((outcome) => outcome.status === 200)).toBe(true);
    expect(outcomes.filter((outcome) => outcome.stored === 1)).toHaveLength(1);
    expect(await storedEvent(getDb(), event.id)).toHaveLength(1);
    expect((await storedEvent(getDb(), event.id))[0]!.processedAt).not.toBeNull();
    expect((await reloadOrder(getDb(), order.id)).status).toBe("paid");
    expect(await paidEvents(getDb(), order.id)).toHaveLength(1);
    const sent = await orderMessages(getDb(), order.id);
    expect(sent).toHaveLength(1);
    expect(
      await outboxOfMessages(
        getDb(),
        sent.map((message) => message.id),
      ),
    ).toHaveLength(1);
  });

  it("20 different events paying one order at once with one payment intent: paid once, nothing to refund", async () => {
    const shop = await createPaymentShop(getDb());
    const { order } = await newOrder(getDb(), shop);
    const session = sessionObject(order);
    const many = Array.from({ length: 20 }, (_, index) =>
      stripeEvent(
        index % 2 ? "checkout.session.async_payment_succeeded" : "checkout.session.completed",
        session,
      ),
    );
    await Promise.all(many.map((event) => deliverOnce(event)));
    const paid = await reloadOrder(getDb(), order.id);
    expect(paid).toMatchObject({ status: "paid", paymentIntentId: session.payment_intent });
    expect(await paidEvents(getDb(), order.id)).toHaveLength(1);
    expect(await orderMessages(getDb(), order.id)).toHaveLength(1);
    expect(await getDb().select().from(refunds).where(eq(refunds.orderId, order.id))).toHaveLength(
      0,
    );
    for (const event of many) {
      expect((await storedEvent(getDb(), event.id))[0]).toMatchObject({ error: null });
    }
  });
});
