import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { customers, loyaltyPrograms } from "@/db/schema";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { deliver, stripeEvent } from "../payments/stripe-helpers";
import {
  balanceOf,
  confirmationOf,
  createLoyaltyChatShop,
  eventsOf,
  ledgerRows,
  orderWithPoints,
  payByWebhook,
} from "./pay-helpers";

const getDb = setupTestDatabase();

describe(`points earned on payment [${testDbBackend}]`, () => {
  it("a replayed checkout.session.completed earns once; the confirmation names the points and balance", async () => {
    const db = getDb();
    const shop = await createLoyaltyChatShop(db);
    const { order } = await orderWithPoints(db, shop);
    const { event, delivered, order: paid } = await payByWebhook(db, order);
    expect(delivered.status).toBe(200);
    expect(paid.status).toBe("paid");

    // The same event again (Stripe's retry), and the same payment under a new event id.
    await deliver(db, event);
    await deliver(
      db,
      stripeEvent("checkout.session.completed", {
        ...(event.data.object as Record<string, unknown>),
      }),
    );

    const earned = (await ledgerRows(db, shop.store.id, shop.customer.id)).filter(
      (row) => row.reason === "earn",
    );
    // ¥6,400 at 1 point per ¥100.
    expect(earned.map((row) => [row.delta, row.orderId])).toEqual([[64, order.id]]);
    expect(await balanceOf(db, shop)).toBe(164);
    const confirmation = await confirmationOf(db, order.id);
    expect(confirmation?.status).toBe("queued");
    expect(confirmation?.body).toContain("You earned 64 points.");
    expect(confirmation?.body).toContain("Points balance: 164.");
    const recorded = await eventsOf(db, order.id, "points_earned");
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.properties).toMatchObject({ points: 64, bonus: 0, balance: 164 });
  });

  it("earns on the reduced total of an order partly paid with points", async () => {
    const db = getDb();
    const shop = await createLoyaltyChatShop(db);
    const { order } = await orderWithPoints(db, shop, { points: 100 });
    expect(order).toMatchObject({ totalMinor: 6300, discountMinor: 100, pointsRedeemed: 100 });
    await payByWebhook(db, order);
    const rows = await ledgerRows(db, shop.store.id, shop.customer.id);
    expect(rows.map((row) => [row.reason, row.delta])).toEqual([
      ["signup", 100],
      ["redeem", -100],
      ["earn", 63],
    ]);
    expect(await balanceOf(db, shop)).toBe(63);
  });

  it("a non-member earns nothing and is never told about points", async () => {
    const db = getDb();
    const shop = await createLoyaltyChatShop(db, { join: false, optedIn: false });
    const { order } = await orderWithPoints(db, shop);
    const { order: paid } = await payByWebhook(db, order);
    expect(paid.status).toBe("paid");
    expect(await ledgerRows(db, shop.store.id, shop.customer.id)).toEqual([]);
    expect(await eventsOf(db, order.id, "points_earned")).toEqual([]);
    expect((await confirmationOf(db, order.id))?.body).not.toMatch(/point/i);
  });

  it("an opted-out member keeps earning, but the confirmation says nothing about points", async () => {
    const db = getDb();
    const shop = await createLoyaltyChatShop(db);
    await db
      .update(customers)
      .set({ optedOutAt: new Date() })
      .where(eq(customers.id, shop.customer.id));
    const { order } = await orderWithPoints(db, shop);
    await payByWebhook(db, order);
    expect(await balanceOf(db, shop)).toBe(164);
    const confirmation = await confirmationOf(db, order.id);
    expect(confirmation?.body).toContain(order.number);
    expect(confirmation?.body).not.toMatch(/point/i);
  });

  it("the programme off: no points, even for a member", async () => {
    const db = getDb();
    const shop = await createLoyaltyChatShop(db);
    await db
      .update(loyaltyPrograms)
      .set({ enabled: false })
      .where(eq(loyaltyPrograms.storeId, shop.store.id));
    const { order } = await orderWithPoints(db, shop);
    await payByWebhook(db, order);
    expect(await balanceOf(db, shop)).toBe(100);
    expect((await confirmationOf(db, order.id))?.body).not.toMatch(/point/i);
  });

  it("names pending points with their date, and announces a tier change once, in the order's language", async () => {
    const db = getDb();
    const shop = await createLoyaltyChatShop(db, {
      language: "ja",
      rules: {
        pendingDays: 14,
        tiers: [
          {
            key: "member",
            name: "Member",
            thresholdMinor: 0,
            multiplierPercent: 100,
            rewardPoints: 0,
          },
          {
            key: "silver",
            name: "Silver",
            thresholdMinor: 5000,
            multiplierPercent: 125,
            rewardPoints: 50,
          },
        ],
      },
    });
    const { order } = await orderWithPoints(db, shop, { language: "ja" });
    await payByWebhook(db, order);
    const first = (await confirmationOf(db, order.id))?.body ?? "";
    // Earned at the tier held when paying (Member), then moved up with Silver's reward.
    expect(first).toContain("64ポイントを獲得しました（");
    expect(first).toContain("まで保留中）");
    expect(first).toContain("ボーナス: 50ポイント");
    expect(first).toContain("Silverになりました");
    expect(first).toContain("ポイント残高: 214（うち保留中 64）");

    const { order: second } = await orderWithPoints(db, shop, { language: "ja" });
    await payByWebhook(db, second);
    const next = (await confirmationOf(db, second.id))?.body ?? "";
    // 1.25 × 64 = 80 at Silver; no second announcement.
    expect(next).toContain("80ポイントを獲得しました");
    expect(next).not.toContain("になりました");
    expect(await balanceOf(db, shop)).toBe(294);
  });
});
