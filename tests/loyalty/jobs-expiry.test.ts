import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { customers, loyaltyLedger, loyaltyPrograms, messageTemplates } from "@/db/schema";
import { adjustPoints } from "@/lib/loyalty/adjust";
import { addMonths } from "@/lib/loyalty/calculate";
import { expirePoints } from "@/lib/loyalty/jobs/expire";
import { warnExpiringPoints } from "@/lib/loyalty/jobs/expiry-warning";
import { joinProgramme } from "@/lib/loyalty/membership";
import { earnForPaidOrder } from "@/lib/loyalty/order-points";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { accountOf, createLoyaltyShop, orderOfTotal, pointsOf, setPaid } from "./helpers";
import { chatWith, ledgerRows, messagesWithIntent } from "./job-helpers";

const getDb = setupTestDatabase();
const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date("2025-03-10T09:00:00.000Z");

describe(`loyalty expiry [${testDbBackend}]`, () => {
  it("expires the available balance once, 12 months after the last activity", async () => {
    const db = getDb();
    const shop = await createLoyaltyShop(db, { now: T0 });
    const paid = await setPaid(db, (await orderOfTotal(db, shop, 1)).order.id, T0);
    await db.transaction((tx) => earnForPaidOrder(tx, paid, T0));
    const expiresAt = addMonths(T0, 12);

    await expirePoints(db, { now: new Date(expiresAt.getTime() - 1) });
    expect(await ledgerRows(db, shop, "expire")).toHaveLength(0);

    await expirePoints(db, { now: expiresAt });
    await expirePoints(db, { now: new Date(expiresAt.getTime() + DAY) });
    const expired = await ledgerRows(db, shop, "expire");
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({
      delta: -148,
      causeKey: `expire:${(await accountOf(db, shop)).id}:${T0.toISOString()}`,
    });
    expect(await pointsOf(db, shop, expiresAt)).toMatchObject({ balance: 0, sum: 0 });
  });

  it("agrees with addMonths at the month's end: 31 January + 1 month is 28 February", async () => {
    const db = getDb();
    const jan31 = new Date("2025-01-31T10:00:00.000Z");
    const shop = await createLoyaltyShop(db, { now: jan31, rules: { expiryMonths: 1 } });
    await expirePoints(db, { now: new Date("2025-02-28T09:59:59.999Z") });
    expect(await ledgerRows(db, shop, "expire")).toHaveLength(0);
    await expirePoints(db, { now: new Date("2025-02-28T10:00:00.000Z") });
    expect(await ledgerRows(db, shop, "expire")).toHaveLength(1);
  });

  it("is not held up by members whose points are all pending (one account per batch)", async () => {
    const db = getDb();
    const shop = await createLoyaltyShop(db, {
      now: T0,
      rules: { expiryMonths: 1, pendingDays: 60, signupBonus: 0 },
    });
    // The first in line: every point still pending when its expiry comes.
    const paid = await setPaid(db, (await orderOfTotal(db, shop, 1)).order.id, T0);
    await db.transaction((tx) => earnForPaidOrder(tx, paid, T0));
    // Behind it: a member with 100 available points, due a day later.
    const later = new Date(T0.getTime() + DAY);
    const [other] = await db
      .insert(customers)
      .values({ storeId: shop.store.id, waId: `8170${Date.now() % 1e8}`, name: "Ben" })
      .returning();
    await joinProgramme(db, { storeId: shop.store.id, customerId: other!.id, now: later });
    await adjustPoints(db, {
      storeId: shop.store.id,
      customerId: other!.id,
      delta: 100,
      note: "welcome gift",
      memberId: shop.userId,
      now: later,
    });
    await expirePoints(db, { now: addMonths(later, 1), batchSize: 1 });
    const expired = await db.select().from(loyaltyLedger).where(eq(loyaltyLedger.reason, "expire"));
    expect(expired.filter((row) => row.storeId === shop.store.id)).toEqual([
      expect.objectContaining({ customerId: other!.id, delta: -100 }),
    ]);
  });

  it("never expires pending points, and leaves them alone once the rest has expired", async () => {
    const db = getDb();
    const shop = await createLoyaltyShop(db, {
      now: T0,
      rules: { expiryMonths: 1, pendingDays: 60 },
    });
    const paidAt = new Date(T0.getTime() + 10 * DAY);
    const paid = await setPaid(db, (await orderOfTotal(db, shop, 1)).order.id, paidAt);
    await db.transaction((tx) => earnForPaidOrder(tx, paid, paidAt));
    const due = addMonths(paidAt, 1);
    await expirePoints(db, { now: due });
    await expirePoints(db, { now: due });
    expect((await ledgerRows(db, shop, "expire")).map((row) => row.delta)).toEqual([-100]);
    expect(await pointsOf(db, shop, due)).toMatchObject({ balance: 48, sum: 48, pending: 48 });
  });

  it("two concurrent runs expire once", async () => {
    const db = getDb();
    const shop = await createLoyaltyShop(db, { now: T0, rules: { signupBonus: 700 } });
    const due = addMonths(T0, 12);
    await Promise.all([expirePoints(db, { now: due }), expirePoints(db, { now: due })]);
    expect((await ledgerRows(db, shop, "expire")).map((row) => row.delta)).toEqual([-700]);
    expect(await pointsOf(db, shop, due)).toMatchObject({ balance: 0, sum: 0 });
  });

  it("does nothing for a store whose programme is off", async () => {
    const db = getDb();
    const shop = await createLoyaltyShop(db, { now: T0 });
    await db
      .update(loyaltyPrograms)
      .set({ enabled: false })
      .where(eq(loyaltyPrograms.storeId, shop.store.id));
    await expirePoints(db, { now: addMonths(T0, 24) });
    expect(await ledgerRows(db, shop, "expire")).toHaveLength(0);
  });

  it("a positive adjustment restarts the clock, so given points do not expire at the next tick", async () => {
    const db = getDb();
    const shop = await createLoyaltyShop(db, { now: T0, rules: { signupBonus: 0 } });
    const later = addMonths(T0, 13);
    const adjusted = await adjustPoints(db, {
      storeId: shop.store.id,
      customerId: shop.customer.id,
      delta: 300,
      note: "Goodwill",
      memberId: shop.userId,
      now: later,
    });
    expect(adjusted.ok).toBe(true);
    await expirePoints(db, { now: new Date(later.getTime() + 60_000) });
    expect(await ledgerRows(db, shop, "expire")).toHaveLength(0);
    expect((await pointsOf(db, shop, later)).available).toBe(300);
  });
});

describe(`loyalty expiry warning [${testDbBackend}]`, () => {
  const warnAt = (shopNow: Date) => new Date(addMonths(shopNow, 12).getTime() - 14 * DAY);

  it("warns once, free-form inside the 24-hour window, in the customer's language", async () => {
    const db = getDb();
    const shop = await createLoyaltyShop(db, { now: T0 });
    const now = warnAt(T0);
    await chatWith(db, shop, { language: "ja", lastInboundAt: new Date(now.getTime() - 3600_000) });
    await warnExpiringPoints(db, { now: new Date(now.getTime() - 1) });
    expect(await messagesWithIntent(db, shop, "loyalty_expiry_warning")).toHaveLength(0);
    await warnExpiringPoints(db, { now });
    await warnExpiringPoints(db, { now: new Date(now.getTime() + DAY) });
    const sent = await messagesWithIntent(db, shop, "loyalty_expiry_warning");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ status: "queued", type: "text" });
    expect(sent[0]!.body).toContain("100ポイントが");
    expect(sent[0]!.body).toContain("Test Points");
  });

  it("outside the window without a template: recorded blocked with the reason", async () => {
    const db = getDb();
    const shop = await createLoyaltyShop(db, { now: T0 });
    await chatWith(db, shop, { lastInboundAt: null });
    await warnExpiringPoints(db, { now: warnAt(T0) });
    await warnExpiringPoints(db, { now: warnAt(T0) });
    const blocked = await messagesWithIntent(db, shop, "loyalty_expiry_warning");
    expect(blocked).toHaveLength(1);
    expect(blocked[0]!.status).toBe("blocked");
    expect(blocked[0]!.errorReason).toContain("No points expiry template is set");
  });

  it("outside the window with the programme's template: a template message", async () => {
    const db = getDb();
    const shop = await createLoyaltyShop(db, {
      now: T0,
      rules: { expiryWarningTemplate: "points_expiring" },
    });
    await db.insert(messageTemplates).values({
      storeId: shop.store.id,
      name: "points_expiring",
      language: "en",
      body: "{{1}} {{3}} points expire on {{2}}.",
      variableCount: 3,
    });
    await chatWith(db, shop, { lastInboundAt: null });
    await warnExpiringPoints(db, { now: warnAt(T0) });
    const [sent] = await messagesWithIntent(db, shop, "loyalty_expiry_warning");
    expect(sent).toMatchObject({ status: "queued", type: "template" });
    expect(sent!.content).toMatchObject({
      name: "points_expiring",
      bodyParameters: ["100", "Mar 10, 2026", "Test Points"],
    });
  });

  it("does not message members who opted out (STOP)", async () => {
    const db = getDb();
    const shop = await createLoyaltyShop(db, { now: T0 });
    await chatWith(db, shop, { optedOut: true, lastInboundAt: warnAt(T0) });
    await warnExpiringPoints(db, { now: warnAt(T0) });
    expect(await messagesWithIntent(db, shop, "loyalty_expiry_warning")).toHaveLength(0);
  });
});
