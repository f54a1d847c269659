import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { paymentLinks } from "@/db/schema";
import {
  applyRefundToPoints,
  earnForPaidOrder,
  returnRedeemedPoints,
} from "@/lib/loyalty/order-points";
import { joinProgramme } from "@/lib/loyalty/membership";
import { redeemOnOrder } from "@/lib/loyalty/redeem";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { createLoyaltyShop, orderOfTotal, pointsOf, setPaid, setRefunded } from "./helpers";

const getDb = setupTestDatabase();

describe(`loyalty ledger core [${testDbBackend}]`, () => {
  it("earns once per paid order, reverses in proportion, and returns redeemed points once", async () => {
    const db = getDb();
    const shop = await createLoyaltyShop(db);
    const now = new Date();
    // 3 × ¥4,800 = ¥14,400 → 144 points at 1 per ¥100.
    const created = await orderOfTotal(db, shop, 3);
    const paid = await setPaid(db, created.order.id, now);
    const earned = await db.transaction((tx) => earnForPaidOrder(tx, paid, now));
    expect(earned?.earned).toBe(144);
    expect(await db.transaction((tx) => earnForPaidOrder(tx, paid, now))).toBeNull();
    let points = await pointsOf(db, shop, now);
    expect(points).toMatchObject({ balance: 100 + 144, sum: 244, available: 244 });

    // Refund a third, then a third again, then all: 48 + 48 + 48.
    for (const refunded of [4800, 4800, 9600, 14_400, 14_400]) {
      const order = await setRefunded(db, paid.id, refunded);
      await db.transaction((tx) => applyRefundToPoints(tx, order, now));
    }
    points = await pointsOf(db, shop, now);
    expect(points).toMatchObject({ balance: 100, sum: 100 });

    const second = await orderOfTotal(db, shop, 1);
    const redeemed = await redeemOnOrder(db, {
      storeId: shop.store.id,
      customerId: shop.customer.id,
      orderId: second.order.id,
      points: 100,
      now,
    });
    expect(redeemed).toMatchObject({ ok: true, discountMinor: 100 });
    if (!redeemed.ok) return;
    expect(redeemed.order).toMatchObject({
      totalMinor: 4700,
      discountMinor: 100,
      pointsRedeemed: 100,
    });
    expect((await pointsOf(db, shop, now)).balance).toBe(0);
    expect(await db.transaction((tx) => returnRedeemedPoints(tx, redeemed.order, now))).toBe(100);
    expect(await db.transaction((tx) => returnRedeemedPoints(tx, redeemed.order, now))).toBe(0);
    points = await pointsOf(db, shop, now);
    expect(points).toMatchObject({ balance: 100, sum: 100 });
  });

  it("20 concurrent redemptions of the whole balance: exactly one succeeds", async () => {
    const db = getDb();
    const shop = await createLoyaltyShop(db, { rules: { signupBonus: 500 } });
    const now = new Date();
    const created = await Promise.all(Array.from({ length: 20 }, () => orderOfTotal(db, shop, 1)));
    const results = await Promise.all(
      created.map(({ order }) =>
        redeemOnOrder(db, {
          storeId: shop.store.id,
          customerId: shop.customer.id,
          orderId: order.id,
          points: 500,
          now,
        }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(
      results.filter((result) => !result.ok).map((result) => !result.ok && result.reason),
    ).toEqual(Array(19).fill("insufficient"));
    const points = await pointsOf(db, shop, now);
    expect(points).toMatchObject({ balance: 0, sum: 0 });
  });
});

describe(`joining [${testDbBackend}]`, () => {
  it("starts a customer who already spent enough in the tier their 12 months reach", async () => {
    const db = getDb();
    const now = new Date();
    const shop = await createLoyaltyShop(db, { join: false });
    // 11 × ¥4,800 = ¥52,800 paid last month: past Silver's ¥50,000.
    const created = await orderOfTotal(db, shop, 11);
    await setPaid(db, created.order.id, new Date(now.getTime() - 30 * 24 * 60 * 60 * 1000));
    const joined = await joinProgramme(db, {
      storeId: shop.store.id,
      customerId: shop.customer.id,
      now,
    });
    expect(joined).toEqual({ ok: true, alreadyMember: false, bonus: 100 });
    const { account } = await pointsOf(db, shop, now);
    expect(account.tier).toBe("silver");
    expect(account.tierReviewAt?.getUTCFullYear()).toBe(now.getUTCFullYear() + 1);
  });
});

describe(`redeeming after the link was opened [${testDbBackend}]`, () => {
  it("is refused: a Checkout Session for the full total may be on its way", async () => {
    const db = getDb();
    const shop = await createLoyaltyShop(db);
    const { order, link } = await orderOfTotal(db, shop, 1);
    await db
      .update(paymentLinks)
      .set({ openCount: 1, firstOpenedAt: new Date(), lastOpenedAt: new Date() })
      .where(eq(paymentLinks.id, link.id));
    const refused = await redeemOnOrder(db, {
      storeId: shop.store.id,
      customerId: shop.customer.id,
      orderId: order.id,
      points: 100,
      now: new Date(),
    });
    expect(refused).toEqual({ ok: false, reason: "checkout_open" });
    expect((await pointsOf(db, shop)).balance).toBe(100);
  });
});
