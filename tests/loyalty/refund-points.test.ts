import { describe, expect, it } from "vitest";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { deliver, reloadOrder, stripeEvent } from "../payments/stripe-helpers";
import type { Order } from "@/db/schema";
import {
  balanceOf,
  createLoyaltyChatShop,
  ledgerRows,
  type LoyaltyChatShop,
  orderWithPoints,
  payByWebhook,
} from "./pay-helpers";

const getDb = setupTestDatabase();

/** Stripe's charge.refunded: amount_refunded is the cumulative refunded amount (JPY). */
function chargeRefunded(order: Order, refunded: number) {
  return stripeEvent("charge.refunded", {
    id: `ch_${order.paymentIntentId}`,
    object: "charge",
    amount: order.totalMinor,
    amount_refunded: refunded,
    currency: "jpy",
    payment_intent: order.paymentIntentId,
    refunded: refunded >= order.totalMinor,
    metadata: { order_id: order.id, store_id: order.storeId },
  });
}

async function paid(shop: LoyaltyChatShop, points?: number) {
  const { order } = await orderWithPoints(getDb(), shop, { ...(points && { points }) });
  return (await payByWebhook(getDb(), order)).order;
}

/** The ledger as `reason:delta`, sorted (rows of one transaction share their time). */
async function reasons(shop: LoyaltyChatShop) {
  return (await ledgerRows(getDb(), shop.store.id, shop.customer.id))
    .map((row) => `${row.reason}:${row.delta}`)
    .sort();
}

const sorted = (rows: string[]) => [...rows].sort();

describe(`refunds and points [${testDbBackend}]`, () => {
  it("a full refund reverses everything the order earned, once, however often Stripe says so", async () => {
    const db = getDb();
    const shop = await createLoyaltyChatShop(db);
    const order = await paid(shop);
    expect(await balanceOf(db, shop)).toBe(164);
    const event = chargeRefunded(order, order.totalMinor);
    await deliver(db, event);
    await deliver(db, event);
    await deliver(db, chargeRefunded(order, order.totalMinor));
    expect((await reloadOrder(db, order.id)).status).toBe("refunded");
    expect(await reasons(shop)).toEqual(sorted(["signup:100", "earn:64", "reversal:-64"]));
    expect(await balanceOf(db, shop)).toBe(100);
  });

  it("partial refunds reverse in proportion, rounding down, and add up to what was earned", async () => {
    const db = getDb();
    const shop = await createLoyaltyChatShop(db);
    const order = await paid(shop);
    // ¥1,000 of ¥6,400: floor(64 × 1000 / 6400) = 10.
    await deliver(db, chargeRefunded(order, 1000));
    await deliver(db, chargeRefunded(order, 1000));
    expect(await reasons(shop)).toEqual(sorted(["signup:100", "earn:64", "reversal:-10"]));
    // An older event arriving late changes nothing.
    await deliver(db, chargeRefunded(order, 3000));
    await deliver(db, chargeRefunded(order, 1000));
    expect(await reasons(shop)).toEqual(
      sorted(["signup:100", "earn:64", "reversal:-10", "reversal:-20"]),
    );
    await deliver(db, chargeRefunded(order, order.totalMinor));
    await deliver(db, chargeRefunded(order, order.totalMinor));
    const rows = await ledgerRows(db, shop.store.id, shop.customer.id);
    const reversed = rows.filter((row) => row.reason === "reversal");
    expect(reversed.reduce((sum, row) => sum + row.delta, 0)).toBe(-64);
    expect(await balanceOf(db, shop)).toBe(100);
  });

  it("points redeemed on a refunded order come back in proportion, once", async () => {
    const db = getDb();
    const shop = await createLoyaltyChatShop(db);
    const order = await paid(shop, 100);
    // Paid ¥6,300 after 100 points; earned 63.
    expect(await balanceOf(db, shop)).toBe(63);
    const half = 3150;
    await deliver(db, chargeRefunded(order, half));
    await deliver(db, chargeRefunded(order, half));
    expect(await reasons(shop)).toEqual(
      sorted(["signup:100", "redeem:-100", "earn:63", "reversal:-31", "redeem_return:50"]),
    );
    await deliver(db, chargeRefunded(order, order.totalMinor));
    expect(await reasons(shop)).toEqual(
      sorted([
        "signup:100",
        "redeem:-100",
        "earn:63",
        "reversal:-31",
        "redeem_return:50",
        "reversal:-32",
        "redeem_return:50",
      ]),
    );
    expect(await balanceOf(db, shop)).toBe(100);
  });
});
