import { beforeEach, describe, expect, it } from "vitest";
import { checkoutSessions, events, messages, orderItems, refunds } from "@/db/schema";
import { getOrderDetail } from "@/lib/orders/order-detail";
import { pendingRefundMinor } from "@/lib/orders/timeline";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { createOwnerWithStore } from "../support/fixtures";
import { addChat, addOrder, addProduct, type Shop } from "./helpers";

const db = setupTestDatabase();
const at = (minutes: number) => new Date(Date.parse("2026-12-06T01:00:00Z") + minutes * 60_000);

describe(`the order page's data [${testDbBackend}]`, () => {
  let alice: Shop;
  let bob: Shop;

  beforeEach(async () => {
    alice = await createOwnerWithStore(db());
    bob = await createOwnerWithStore(db());
  });

  it("assembles the payment timeline from the order, its events, sessions and refunds", async () => {
    const product = await addProduct(db(), alice.store.id, { name: "Uji Matcha" });
    const chat = await addChat(db(), alice.store.id, {
      source: "qr",
      ref: "K7Q2",
      qrName: "Counter card",
      productId: product.id,
    });
    const order = await addOrder(db(), alice.store.id, {
      customerId: chat.customer.id,
      conversationId: chat.conversation.id,
      source: "qr",
      qrCodeId: chat.conversation.qrCodeId,
      productId: product.id,
      ref: "K7Q2",
      status: "paid",
      totalMinor: 6400,
      subtotalMinor: 6400,
      refundedMinor: 1000,
      createdAt: at(0),
      paidAt: at(40),
      refundedAt: at(90),
      shippedAt: at(120),
      fulfillmentStatus: "shipped",
      shippingAddress: {
        name: "Hana Sato",
        line1: "1 Karasuma",
        line2: null,
        city: "Kyoto",
        state: null,
        postalCode: "600-8001",
        country: "JP",
      },
    });
    await db().insert(orderItems).values({
      storeId: alice.store.id,
      orderId: order.id,
      productId: product.id,
      name: "Uji Matcha",
      unitPriceMinor: 3200,
      quantity: 2,
      lineTotalMinor: 6400,
    });
    const event = (type: string, minutes: number, properties = {}) => ({
      storeId: alice.store.id,
      orderId: order.id,
      type,
      properties,
      createdAt: at(minutes),
    });
    await db()
      .insert(events)
      .values([
        event("link_sent", 1),
        event("link_opened", 5),
        event("link_opened", 35),
        event("order_paid", 40),
        event("order_refunded", 90, { amountMinor: 1000 }),
        // Another order's event and a click never show.
        { ...event("link_opened", 3), orderId: null },
      ]);
    await db()
      .insert(checkoutSessions)
      .values([
        {
          storeId: alice.store.id,
          orderId: order.id,
          sessionId: "cs_1",
          version: 1,
          url: "https://checkout.example/1",
          status: "expired",
          amountMinor: 6400,
          currency: "JPY",
          expiresAt: at(30),
        },
        {
          storeId: alice.store.id,
          orderId: order.id,
          sessionId: "cs_2",
          version: 2,
          url: "https://checkout.example/2",
          status: "complete",
          amountMinor: 6400,
          currency: "JPY",
          expiresAt: at(600),
        },
      ]);
    const refund = {
      storeId: alice.store.id,
      orderId: order.id,
      paymentIntentId: "pi_1",
      currency: "JPY",
    };
    await db()
      .insert(refunds)
      .values([
        {
          ...refund,
          reason: "owner",
          amountMinor: 1000,
          status: "succeeded",
          idempotencyKey: "a",
          createdAt: at(80),
        },
        {
          ...refund,
          reason: "owner",
          amountMinor: 2000,
          status: "requested",
          idempotencyKey: "b",
          createdAt: at(100),
        },
        {
          ...refund,
          reason: "double_payment",
          amountMinor: 6400,
          status: "due",
          idempotencyKey: "c",
          createdAt: at(60),
        },
      ]);
    const message = (
      dedupeKey: string,
      status: "failed" | "blocked" | "sent",
      minutes: number,
    ) => ({
      storeId: alice.store.id,
      conversationId: chat.conversation.id,
      customerId: chat.customer.id,
      direction: "outbound" as const,
      author: "system" as const,
      dedupeKey,
      type: "text",
      body: dedupeKey,
      content: {},
      status,
      errorReason: status === "sent" ? null : `why ${dedupeKey}`,
      createdAt: at(minutes),
    });
    await db()
      .insert(messages)
      .values([
        message(`order:${order.id}:link:1`, "sent", 1),
        message(`order:${order.id}:confirmation`, "blocked", 41),
        message(`order:${order.id}:shipped`, "failed", 121),
        message(`reply:order:${order.id}:x`, "failed", 122),
      ]);

    const detail = await getOrderDetail(db(), alice.store.id, order.number);
    expect(detail?.timeline).toEqual([
      { kind: "created", at: at(0) },
      { kind: "link_sent", at: at(1) },
      { kind: "link_opened", at: at(5) },
      { kind: "session_expired", at: at(30) },
      { kind: "link_opened", at: at(35) },
      { kind: "paid", at: at(40) },
      { kind: "refund_requested", at: at(80), amountMinor: 1000 },
      { kind: "refunded", at: at(90), amountMinor: 1000 },
      { kind: "refund_requested", at: at(100), amountMinor: 2000 },
      { kind: "shipped", at: at(120) },
    ]);
    expect(detail).toMatchObject({
      status: "shipped",
      items: [{ name: "Uji Matcha", quantity: 2, lineTotalMinor: 6400 }],
      customer: { name: chat.customer.name, phone: chat.customer.phone },
      conversationId: chat.conversation.id,
      qrCodeName: "Counter card",
      productName: "Uji Matcha",
      refundRequestedMinor: 2000,
      refundableMinor: 6400 - 1000 - 2000,
      order: { ref: "K7Q2", shippingAddress: { city: "Kyoto" } },
    });
    expect(detail?.undelivered).toMatchObject([
      { status: "blocked", errorReason: `why order:${order.id}:confirmation` },
      { status: "failed", errorReason: `why order:${order.id}:shipped` },
    ]);
  });

  it("falls back to the order's timestamps when no event was recorded, and marks cancellations", async () => {
    const order = await addOrder(db(), alice.store.id, {
      status: "cancelled",
      createdAt: at(0),
      cancelledAt: at(10),
    });
    const detail = await getOrderDetail(db(), alice.store.id, order.number);
    expect(detail?.timeline).toEqual([
      { kind: "created", at: at(0) },
      { kind: "cancelled", at: at(10) },
    ]);
    expect(detail).toMatchObject({ status: "cancelled", customer: null, conversationId: null });
    const paid = await addOrder(db(), alice.store.id, {
      status: "paid",
      createdAt: at(0),
      paidAt: at(5),
    });
    expect((await getOrderDetail(db(), alice.store.id, paid.number))?.timeline).toEqual([
      { kind: "created", at: at(0) },
      { kind: "paid", at: at(5) },
    ]);
  });

  it("says refund requested only until the order reflects it", () => {
    const requested = [
      { reason: "owner" as const, status: "requested" as const, amountMinor: 1500 },
    ];
    expect(pendingRefundMinor({ refundedMinor: 0 }, requested)).toBe(1500);
    // charge.refunded arrived (the order shows it) before refund.updated changed the row.
    expect(pendingRefundMinor({ refundedMinor: 1500 }, requested)).toBe(0);
    expect(
      pendingRefundMinor({ refundedMinor: 0 }, [
        { reason: "double_payment", status: "requested", amountMinor: 900 },
        { reason: "owner", status: "failed", amountMinor: 900 },
      ]),
    ).toBe(0);
  });

  it("finds no order of another store, nor shows another store's conversation", async () => {
    const theirs = await addOrder(db(), bob.store.id);
    expect(await getOrderDetail(db(), alice.store.id, theirs.number)).toBeNull();
    expect(await getOrderDetail(db(), alice.store.id, "no-such")).toBeNull();
    const bobChat = await addChat(db(), bob.store.id);
    // A (corrupt) row pointing at another store's conversation never links to it.
    const mine = await addOrder(db(), alice.store.id, {
      conversationId: bobChat.conversation.id,
      customerId: bobChat.customer.id,
    });
    expect(await getOrderDetail(db(), alice.store.id, mine.number)).toMatchObject({
      conversationId: null,
      customer: null,
    });
  });
});
