import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loyaltyPrograms } from "@/db/schema";
import { addMonths } from "@/lib/loyalty/calculate";
import { grantBirthdayBonuses } from "@/lib/loyalty/jobs/birthday";
import { reviewTiers } from "@/lib/loyalty/jobs/tier-review";
import { joinProgramme } from "@/lib/loyalty/membership";
import { earnForPaidOrder } from "@/lib/loyalty/order-points";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  accountOf,
  createLoyaltyShop,
  type LoyaltyShop,
  orderOfTotal,
  pointsOf,
  setAccount,
  setPaid,
} from "./helpers";
import { chatWith, ledgerRows, messagesWithIntent } from "./job-helpers";

const getDb = setupTestDatabase();
// 1 July 00:00 in Tokyo (the fixture store's zone) while it is still June in UTC.
const JULY_IN_TOKYO = new Date("2025-06-30T15:00:00.000Z");
const T0 = new Date("2025-01-05T03:00:00.000Z");

async function birthdayShop(options: { birthdayMonth?: number } = {}) {
  const db = getDb();
  const shop = await createLoyaltyShop(db, { now: T0, rules: { birthdayBonus: 200 } });
  await setAccount(db, (await accountOf(db, shop)).id, {
    birthdayMonth: options.birthdayMonth ?? 7,
    birthdayDay: 20,
  });
  return shop;
}

async function pay(shop: LoyaltyShop, quantity: number, at: Date) {
  const db = getDb();
  const paid = await setPaid(db, (await orderOfTotal(db, shop, quantity)).order.id, at);
  return db.transaction((tx) => earnForPaidOrder(tx, paid, at));
}

describe(`loyalty birthday bonus [${testDbBackend}]`, () => {
  it("grants once a year in the birthday month of the store's time zone", async () => {
    const db = getDb();
    const shop = await birthdayShop();
    await chatWith(db, shop, { lastInboundAt: new Date(JULY_IN_TOKYO.getTime() - 60_000) });
    await grantBirthdayBonuses(db, { now: new Date(JULY_IN_TOKYO.getTime() - 1) });
    expect(await ledgerRows(db, shop, "birthday")).toHaveLength(0);

    await grantBirthdayBonuses(db, { now: JULY_IN_TOKYO });
    await grantBirthdayBonuses(db, { now: new Date("2025-07-25T00:00:00.000Z") });
    const account = await accountOf(db, shop);
    expect((await ledgerRows(db, shop, "birthday")).map((row) => row.causeKey)).toEqual([
      `birthday:${account.id}:2025`,
    ]);
    const [message] = await messagesWithIntent(db, shop, "loyalty_birthday");
    expect(message).toMatchObject({ status: "queued", type: "text" });
    expect(message!.body).toContain("200 Test Points points");

    await grantBirthdayBonuses(db, { now: new Date("2026-07-02T00:00:00.000Z") });
    expect(await ledgerRows(db, shop, "birthday")).toHaveLength(2);
    expect(await pointsOf(db, shop, new Date("2026-07-02T00:00:00.000Z"))).toMatchObject({
      balance: 500,
      sum: 500,
    });
  });

  it("outside the window without a template: the points, and a message recorded blocked", async () => {
    const db = getDb();
    const shop = await birthdayShop();
    await chatWith(db, shop, { language: "ko", lastInboundAt: null });
    await grantBirthdayBonuses(db, { now: JULY_IN_TOKYO });
    expect(await ledgerRows(db, shop, "birthday")).toHaveLength(1);
    const [message] = await messagesWithIntent(db, shop, "loyalty_birthday");
    expect(message).toMatchObject({ status: "blocked" });
    expect(message!.errorReason).toContain("No birthday template is set");
    expect(message!.body).toContain("생일 축하드립니다");
  });

  it("opted-out members keep the bonus and get no message; other months get nothing", async () => {
    const db = getDb();
    const stopped = await birthdayShop();
    await chatWith(db, stopped, { optedOut: true, lastInboundAt: JULY_IN_TOKYO });
    const august = await birthdayShop({ birthdayMonth: 8 });
    await grantBirthdayBonuses(db, { now: JULY_IN_TOKYO });
    expect(await ledgerRows(db, stopped, "birthday")).toHaveLength(1);
    expect(await messagesWithIntent(db, stopped, "loyalty_birthday")).toHaveLength(0);
    expect(await ledgerRows(db, august, "birthday")).toHaveLength(0);
  });
});

describe(`loyalty joining and tier review [${testDbBackend}]`, () => {
  it("joining twice grants the joining bonus once", async () => {
    const db = getDb();
    const shop = await createLoyaltyShop(db, { now: T0 });
    const again = await joinProgramme(db, {
      storeId: shop.store.id,
      customerId: shop.customer.id,
      now: new Date(T0.getTime() + 1000),
    });
    expect(again).toEqual({ ok: true, alreadyMember: true, bonus: 0 });
    const signups = (await ledgerRows(db, shop)).filter((row) => row.reason === "signup");
    expect(signups.map((row) => row.delta)).toEqual([100]);
  });

  it("moves a member down only at the review date, and sets the next review a year on", async () => {
    const db = getDb();
    const shop = await createLoyaltyShop(db, { now: T0 });
    // 11 × ¥4,800 = ¥52,800 ≥ ¥50,000: Silver at payment.
    const earned = await pay(shop, 11, T0);
    expect(earned?.tierChange?.to.key).toBe("silver");
    const reviewAt = addMonths(T0, 14);
    await setAccount(db, (await accountOf(db, shop)).id, { tierReviewAt: reviewAt });

    // The order left the 12-month window a month ago; the tier holds until the review.
    await reviewTiers(db, { now: addMonths(T0, 13) });
    expect((await accountOf(db, shop)).tier).toBe("silver");
    await reviewTiers(db, { now: reviewAt });
    const reviewed = await accountOf(db, shop);
    expect(reviewed.tier).toBe("member");
    expect(reviewed.tierReviewAt).toEqual(addMonths(reviewAt, 12));
    await reviewTiers(db, { now: reviewAt });
    expect((await accountOf(db, shop)).tierReviewAt).toEqual(addMonths(reviewAt, 12));
  });

  it("a review that finds a higher tier grants its reward once", async () => {
    const db = getDb();
    const shop = await createLoyaltyShop(db, { now: T0 });
    const account = await accountOf(db, shop);
    await setPaid(db, (await orderOfTotal(db, shop, 11)).order.id, T0);
    await setAccount(db, account.id, { tierReviewAt: addMonths(T0, 1) });
    const { rules } = shop;
    const rewarding = rules.tiers.map((tier) => ({ ...tier, rewardPoints: 50 }));
    await db
      .update(loyaltyPrograms)
      .set({ rules: { ...rules, tiers: rewarding } })
      .where(eq(loyaltyPrograms.storeId, shop.store.id));
    const at = addMonths(T0, 1);
    await reviewTiers(db, { now: at });
    await reviewTiers(db, { now: at });
    expect((await accountOf(db, shop)).tier).toBe("silver");
    const rewards = (await ledgerRows(db, shop)).filter((row) => row.reason === "tier_reward");
    expect(rewards.map((row) => row.delta)).toEqual([50]);
  });
});
