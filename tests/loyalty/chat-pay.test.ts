import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkoutSessions, orders } from "@/db/schema";
import { redeemOnOrder } from "@/lib/loyalty/redeem";
import { LOYALTY_CHAT_IDS } from "@/lib/loyalty/chat-ids";
import { freshWaId } from "../processing/helpers";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  type OrderStore,
  ordersOf,
  restoreEnv,
  say,
  send,
  tapButton,
  tapRow,
  usePaymentEnv,
} from "../orders/bot-order-helpers";
import {
  balanceChecked,
  bodyOf,
  buttonsOf,
  createLoyaltyChatStore,
  customerOf,
  ledgerOf,
  post,
} from "./chat-helpers";

const getDb = setupTestDatabase();
let shop: OrderStore;

beforeAll(async () => {
  shop = await createLoyaltyChatStore(getDb());
});
beforeEach(() => usePaymentEnv());
afterAll(() => restoreEnv());

/** A member with `points` available (the 100-point welcome bonus plus an adjustment). */
async function member(points = 480) {
  const waId = freshWaId();
  await send(getDb(), shop, waId, say("points"));
  if (points !== 100) {
    await post(getDb(), shop, waId, {
      delta: points - 100,
      reason: "adjust",
      causeKey: `t:${waId}:adjust`,
      at: new Date(Date.now() - 1000),
    });
  }
  return waId;
}

/** One Uji Matcha (¥3,200) through Buy's quantity row. */
const buyOne = (waId: string) => send(getDb(), shop, waId, tapRow(`qty:${shop.matcha.id}:1`, "1"));

async function onlyOrder(waId: string) {
  const [found] = await ordersOf(getDb(), shop, waId);
  if (!found) throw new Error("no order");
  return found.order;
}

const redeemRows = async (waId: string) =>
  (await ledgerOf(getDb(), shop, waId)).filter((row) => row.reason === "redeem");

describe(`paying with points in the chat [${testDbBackend}]`, () => {
  it("Buy → offer before the link → Use → discount line, redeem row, link for the reduced total", async () => {
    const waId = await member(480);
    const offered = await buyOne(waId);
    expect(offered).toHaveLength(1);
    expect(offered[0]).toMatchObject({ intent: "loyalty-offer", type: "buttons" });
    const order = await onlyOrder(waId);
    expect(buttonsOf(offered[0])).toEqual([
      { id: `${LOYALTY_CHAT_IDS.usePointsPrefix}${order.id}:480`, title: "Use 480 points" },
      { id: `${LOYALTY_CHAT_IDS.payFullPrefix}${order.id}`, title: "Pay full price" },
    ]);
    expect(bodyOf(offered[0])).toContain(
      `You have 480 points. Use 480 points to take ¥480 off order #${order.number}? You'd pay ¥2,720 instead of ¥3,200.`,
    );

    const [use] = buttonsOf(offered[0]);
    const paid = await send(getDb(), shop, waId, tapButton(use!.id, use!.title));
    expect(paid.map((message) => [message.intent, message.type])).toEqual([
      ["loyalty-pay", "text"],
      ["loyalty-pay", "cta_url"],
    ]);
    expect(bodyOf(paid[0])).toBe("480 points used: ¥480 off. You have 0 points left.");
    expect(bodyOf(paid[1])).toContain(
      "1 × Uji Matcha — ¥3,200\nKyoto Tea Points — −¥480\nTotal: ¥2,720",
    );
    expect(paid[1]!.content).toMatchObject({ displayText: "Pay ¥2,720" });

    const after = await onlyOrder(waId);
    expect(after).toMatchObject({
      status: "pending",
      subtotalMinor: 3200,
      discountMinor: 480,
      totalMinor: 2720,
      pointsRedeemed: 480,
    });
    expect(after.expiresAt).not.toBeNull();
    expect(after.discountLines).toMatchObject([{ kind: "loyalty", amountMinor: 480 }]);
    const redeemed = await redeemRows(waId);
    expect(redeemed.map((row) => [row.delta, row.orderId])).toEqual([[-480, order.id]]);
    expect(await balanceChecked(getDb(), shop, waId)).toBe(0);

    // A second tap on the same button: told, sent the link again, never redeemed twice.
    const again = await send(getDb(), shop, waId, tapButton(use!.id, use!.title));
    expect(bodyOf(again[0])).toBe("Points are already applied to this order.");
    expect(again[1]).toMatchObject({ type: "cta_url" });
    expect(bodyOf(again[1])).toContain("Total: ¥2,720");
    expect(await redeemRows(waId)).toHaveLength(1);
    expect((await onlyOrder(waId)).totalMinor).toBe(2720);
    expect(await balanceChecked(getDb(), shop, waId)).toBe(0);
  });

  it("Pay full price sends the link as today and takes no points", async () => {
    const waId = await member(480);
    const offered = await buyOne(waId);
    const full = buttonsOf(offered[0])[1]!;
    const replies = await send(getDb(), shop, waId, tapButton(full.id, full.title));
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ type: "cta_url", intent: "loyalty-pay" });
    expect(replies[0]!.content).toMatchObject({ displayText: "Pay ¥3,200" });
    expect(bodyOf(replies[0])).not.toContain("−¥");
    expect((await onlyOrder(waId)).totalMinor).toBe(3200);
    expect(await redeemRows(waId)).toHaveLength(0);
    expect(await balanceChecked(getDb(), shop, waId)).toBe(480);
  });

  it("a tap after the balance changed offers again; the new offer redeems once", async () => {
    const waId = await member(480);
    const offered = await buyOne(waId);
    await post(getDb(), shop, waId, {
      delta: 100,
      reason: "adjust",
      causeKey: `t:${waId}:more`,
      at: new Date(Date.now() - 500),
    });
    const [use] = buttonsOf(offered[0]);
    const changed = await send(getDb(), shop, waId, tapButton(use!.id, use!.title));
    expect(bodyOf(changed[0])).toBe("Your points balance has changed since then.");
    const order = await onlyOrder(waId);
    const [fresh] = buttonsOf(changed[1]);
    expect(fresh!.id).toBe(`${LOYALTY_CHAT_IDS.usePointsPrefix}${order.id}:580`);
    expect(await redeemRows(waId)).toHaveLength(0);

    await send(getDb(), shop, waId, tapButton(fresh!.id, fresh!.title));
    await send(getDb(), shop, waId, tapButton(use!.id, use!.title));
    expect((await redeemRows(waId)).map((row) => row.delta)).toEqual([-580]);
    expect((await onlyOrder(waId)).totalMinor).toBe(3200 - 580);
  });

  it("a tap on an order no longer awaiting payment is told so and redeems nothing", async () => {
    const waId = await member(480);
    const offered = await buyOne(waId);
    const order = await onlyOrder(waId);
    await getDb().update(orders).set({ status: "cancelled" }).where(eq(orders.id, order.id));
    const [use] = buttonsOf(offered[0]);
    const replies = await send(getDb(), shop, waId, tapButton(use!.id, use!.title));
    expect(replies).toHaveLength(1);
    expect(bodyOf(replies[0])).toBe(
      `Order #${order.number} is no longer awaiting payment (Cancelled).`,
    );
    expect(await redeemRows(waId)).toHaveLength(0);
    expect(await balanceChecked(getDb(), shop, waId)).toBe(480);
  });

  it("no offer for a non-member or a negative balance: the link goes at once", async () => {
    const stranger = freshWaId();
    await send(getDb(), shop, stranger, say("hello"));
    const straight = await buyOne(stranger);
    expect(straight[0]).toMatchObject({ type: "cta_url", intent: "buy" });

    const owing = await member(480);
    await post(getDb(), shop, owing, {
      delta: -600,
      reason: "reversal",
      causeKey: `t:${owing}:reversal`,
      at: new Date(Date.now() - 500),
    });
    const link = await buyOne(owing);
    expect(link[0]).toMatchObject({ type: "cta_url", intent: "buy" });
  });

  it("an opted-out member gets no points offer, but is answered when they ask for points", async () => {
    const waId = await member(480);
    const stopped = await send(getDb(), shop, waId, say("STOP"));
    expect(stopped[0]).toMatchObject({ intent: "opt_out" });
    const link = await buyOne(waId);
    expect(link.map((message) => message.type)).toEqual(["cta_url"]);
    expect(link.some((message) => message.intent?.startsWith("loyalty"))).toBe(false);
    expect(await redeemRows(waId)).toHaveLength(0);

    const asked = await send(getDb(), shop, waId, say("points"));
    expect(asked[0]).toMatchObject({ intent: "loyalty-points" });
    expect(bodyOf(asked[0])).toContain("Available: 480 points");
  });

  it("a redemption refused inside the processor's transaction undoes only its savepoint", async () => {
    const waId = await member(480);
    await buyOne(waId);
    const order = await onlyOrder(waId);
    const customer = await customerOf(getDb(), shop, waId);
    // A Checkout Session opened for the full total: the discount line is refused after the
    // ledger row was written, so the savepoint must take that row (and the balance) back.
    await getDb()
      .insert(checkoutSessions)
      .values({
        storeId: shop.store.id,
        orderId: order.id,
        sessionId: `cs_test_${order.id.slice(0, 8)}`,
        version: 1,
        url: "https://checkout.test/cs",
        amountMinor: order.totalMinor,
        currency: "JPY",
        expiresAt: new Date(Date.now() + 3_600_000),
      });
    const result = await getDb().transaction(async (tx) => {
      const refused = await redeemOnOrder(tx, {
        storeId: shop.store.id,
        customerId: customer.id,
        orderId: order.id,
        points: 480,
        now: new Date(),
      });
      await tx.update(orders).set({ note: "still written" }).where(eq(orders.id, order.id));
      return refused;
    });
    expect(result).toEqual({ ok: false, reason: "checkout_open" });
    expect(await onlyOrder(waId)).toMatchObject({ note: "still written", totalMinor: 3200 });
    expect(await redeemRows(waId)).toHaveLength(0);
    expect(await balanceChecked(getDb(), shop, waId)).toBe(480);

    // In the chat, the same order gets no offer while its session is open: the link instead.
    const replies = await buyOne(waId);
    expect(replies.map((message) => message.type)).toEqual(["text", "cta_url"]);
  });
});
