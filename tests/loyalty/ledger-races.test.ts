import { describe, expect, it } from "vitest";
import { tick } from "@/lib/jobs/tick";
import { addMonths } from "@/lib/loyalty/calculate";
import { expirePoints } from "@/lib/loyalty/jobs/expire";
import { applyRefundToPoints, earnForPaidOrder } from "@/lib/loyalty/order-points";
import { redeemOnOrder } from "@/lib/loyalty/redeem";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { testPlatformConfig } from "../whatsapp/fixtures";
import {
  accountOf,
  createLoyaltyShop,
  orderOfTotal,
  pointsOf,
  setAccount,
  setPaid,
  setRefunded,
} from "./helpers";
import { ledgerRows } from "./job-helpers";

const getDb = setupTestDatabase();
const T0 = new Date("2025-02-01T00:00:00.000Z");

describe(`loyalty races [${testDbBackend}]`, () => {
  it("redemption, a full refund's reversal and the expiry job at once end as one of their serial orders", async () => {
    const db = getDb();
    const due = addMonths(T0, 12);
    // Each serial order of redeem 400 (R), reverse 144 (F) and expire (E) from 644 available:
    // R first (or F, R) → 100 and R succeeded; F, E, R → 0; E first → −144. R restarts
    // the expiry clock, so E after R expires nothing.
    for (let round = 0; round < 6; round++) {
      const shop = await createLoyaltyShop(db, { now: T0, rules: { signupBonus: 500 } });
      const paid = await setPaid(db, (await orderOfTotal(db, shop, 3)).order.id, T0);
      await db.transaction((tx) => earnForPaidOrder(tx, paid, T0));
      const { order: next } = await orderOfTotal(db, shop, 1);
      const refunded = await setRefunded(db, paid.id, paid.totalMinor);

      const [redeemed] = await Promise.all([
        redeemOnOrder(db, {
          storeId: shop.store.id,
          customerId: shop.customer.id,
          orderId: next.id,
          points: 400,
          now: due,
        }),
        db.transaction((tx) => applyRefundToPoints(tx, refunded, due)),
        expirePoints(db, { now: due }),
      ]);

      const points = await pointsOf(db, shop, due);
      expect(points.balance).toBe(points.sum);
      expect([100, 0, -144]).toContain(points.balance);
      expect(redeemed.ok).toBe(points.balance === 100);
      const reversals = (await ledgerRows(db, shop)).filter((row) => row.reason === "reversal");
      expect(reversals.map((row) => row.delta)).toEqual([-144]);
    }
  });

  it("20 redemptions of the whole balance racing replays of one refund: one redemption, one reversal", async () => {
    const db = getDb();
    const shop = await createLoyaltyShop(db, { now: T0, rules: { signupBonus: 400 } });
    const paid = await setPaid(db, (await orderOfTotal(db, shop, 2)).order.id, T0);
    await db.transaction((tx) => earnForPaidOrder(tx, paid, T0));
    const refunded = await setRefunded(db, paid.id, 4_800);
    const orders = await Promise.all(Array.from({ length: 10 }, () => orderOfTotal(db, shop, 1)));
    const now = new Date(T0.getTime() + 60_000);
    const results = await Promise.all([
      ...orders.map(({ order }) =>
        redeemOnOrder(db, {
          storeId: shop.store.id,
          customerId: shop.customer.id,
          orderId: order.id,
          points: 400,
          now,
        }),
      ),
      ...orders.map(() => db.transaction((tx) => applyRefundToPoints(tx, refunded, now))),
    ]);
    const redemptions = results.slice(0, 10).filter((result) => "ok" in result && result.ok);
    expect(redemptions).toHaveLength(1);
    const reversals = (await ledgerRows(db, shop)).filter((row) => row.reason === "reversal");
    expect(reversals.map((row) => row.delta)).toEqual([-48]);
    // 400 + 96 earned − 400 redeemed − 48 reversed.
    expect(await pointsOf(db, shop, now)).toMatchObject({ balance: 48, sum: 48 });
  });

  it("two ticks at once expire a dormant member's points once", async () => {
    const db = getDb();
    const shop = await createLoyaltyShop(db, { now: T0, rules: { signupBonus: 250 } });
    const account = await accountOf(db, shop);
    const longAgo = addMonths(new Date(), -13);
    await setAccount(db, account.id, { lastActivityAt: longAgo });
    const config = testPlatformConfig();
    const reports = await Promise.all([tick(db, config), tick(db, config)]);
    expect(reports.map((report) => report.loyaltyExpiry)).not.toContainEqual(
      expect.objectContaining({ error: expect.anything() }),
    );
    expect((await ledgerRows(db, shop, "expire")).map((row) => row.delta)).toEqual([-250]);
    expect(await pointsOf(db, shop)).toMatchObject({ balance: 0, sum: 0 });
  });
});
