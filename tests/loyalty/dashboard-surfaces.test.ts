import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loyaltyPrograms } from "@/db/schema";
import { loyaltySummary } from "@/lib/loyalty/inbox-summary";
import { productEarnPoints } from "@/lib/loyalty/storefront-points";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { createLoyaltyShop } from "./helpers";

const getDb = setupTestDatabase();

describe(`loyalty beside the chat and on the storefront [${testDbBackend}]`, () => {
  it("shows a member's tier and balances in the inbox, nothing for a non-member or another store", async () => {
    const db = getDb();
    const shop = await createLoyaltyShop(db);
    const stranger = await createLoyaltyShop(db, { join: false });
    const now = new Date();
    expect(await loyaltySummary(db, shop.store.id, shop.customer.id, now)).toEqual({
      customerId: shop.customer.id,
      tierName: "Member",
      available: 100,
      pending: 0,
    });
    expect(await loyaltySummary(db, stranger.store.id, stranger.customer.id, now)).toBeNull();
    expect(await loyaltySummary(db, stranger.store.id, shop.customer.id, now)).toBeNull();
  });

  it("says 'Earn N points' at the first tier's rate only while the programme is on", async () => {
    const db = getDb();
    const shop = await createLoyaltyShop(db, { rules: { earnPoints: 3 } });
    expect(await productEarnPoints(db, shop.store.id, 4800)).toBe(144);
    expect(await productEarnPoints(db, shop.store.id, 33)).toBeNull();
    await db
      .update(loyaltyPrograms)
      .set({ enabled: false })
      .where(eq(loyaltyPrograms.storeId, shop.store.id));
    expect(await productEarnPoints(db, shop.store.id, 4800)).toBeNull();
  });
});
