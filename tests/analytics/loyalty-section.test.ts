import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/drivers";
import { loyaltyAccounts, loyaltyLedger, orders } from "@/db/schema";
import { loyaltySection, loyaltySummary } from "@/lib/analytics/loyalty";
import type { AnalyticsWindow } from "@/lib/analytics/range";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { seedLoyaltyStore } from "./loyalty-fixtures";
import { seededRandom, TEST_WINDOWS, type TestStore, twoStores } from "./sections-fixtures";

const db = setupTestDatabase();
const ISSUING = new Set(["signup", "earn", "first_order", "birthday", "tier_reward", "adjust"]);

/** Every figure by brute force from the store's raw rows, read back with plain selects. */
async function reference(
  database: Database,
  store: TestStore,
  window: AnalyticsWindow,
  pointValueMinor: number,
  now: Date,
) {
  const [accounts, ledger, sales] = await Promise.all([
    database.select().from(loyaltyAccounts).where(eq(loyaltyAccounts.storeId, store.id)),
    database.select().from(loyaltyLedger).where(eq(loyaltyLedger.storeId, store.id)),
    database.select().from(orders).where(eq(orders.storeId, store.id)),
  ]);
  const inWindow = (at: Date | null) => at !== null && at >= window.start && at < window.end;
  const moved = ledger.filter((row) => inWindow(row.createdAt));
  const total = (rows: typeof ledger) => rows.reduce((sum, row) => sum + row.delta, 0);
  const taken = (rows: typeof ledger) => 0 - total(rows) || 0; // never -0
  const balances = accounts.map((a) => total(ledger.filter((row) => row.accountId === a.id)));
  const outstanding = balances.filter((b) => b > 0).reduce((a, b) => a + b, 0);
  const joined = accounts.filter((a) => a.joinedAt !== null);
  const memberOf = (customerId: string | null) =>
    accounts.some(
      (a) => a.customerId === customerId && a.joinedAt !== null && a.joinedAt < window.end,
    );
  const paid = sales.filter(
    (o) => (o.status === "paid" || o.status === "refunded") && o.currency === store.currency,
  );
  const group = (member: boolean) => {
    const inPeriod = paid.filter((o) => inWindow(o.paidAt) && memberOf(o.customerId) === member);
    const buyers = [...new Set(inPeriod.flatMap((o) => (o.customerId ? [o.customerId] : [])))];
    const repeat = buyers.filter(
      (id) => paid.filter((o) => o.customerId === id && o.paidAt! < window.end).length >= 2,
    );
    return {
      customers: buyers.length,
      repeatCustomers: repeat.length,
      repeatRate: buyers.length === 0 ? null : repeat.length / buyers.length,
      paidOrders: inPeriod.length,
      revenueMinor: inPeriod.reduce((sum, o) => sum + o.totalMinor - o.refundedMinor, 0),
    };
  };
  const tierCount = (key: string) => joined.filter((a) => a.tier === key).length;
  return {
    enabled: true,
    members: joined.filter((a) => a.joinedAt! < window.end).length,
    newMembers: joined.filter((a) => inWindow(a.joinedAt)).length,
    issued: total(moved.filter((row) => row.delta > 0 && ISSUING.has(row.reason))),
    redeemed: taken(
      moved.filter((row) => row.reason === "redeem" || row.reason === "redeem_return"),
    ),
    expired: taken(moved.filter((row) => row.reason === "expire")),
    reversed: taken(
      moved.filter(
        (row) => row.reason === "reversal" || (row.reason === "adjust" && row.delta < 0),
      ),
    ),
    outstanding,
    pending: total(ledger.filter((row) => row.availableAt > now)),
    negativeAccounts: balances.filter((b) => b < 0).length,
    pointValueMinor,
    liabilityMinor: outstanding * pointValueMinor,
    tiers: [
      { key: "member", name: "Member", members: tierCount("member") },
      { key: "silver", name: "Silver", members: tierCount("silver") },
      { key: "gold", name: "Gold", members: tierCount("gold") },
      { key: "retired_tier", name: null, members: tierCount("retired_tier") },
    ],
    memberOrders: group(true),
    nonMemberOrders: group(false),
  };
}

describe(`analytics loyalty section [${testDbBackend}]`, () => {
  it("equals a brute-force count over random ledgers and orders, per store, across DST and the window's edges", async () => {
    const stores = await twoStores(db());
    const pointValues = [3, 7];
    // Between the two windows: the first one's late earnings are still pending.
    const now = new Date(TEST_WINDOWS[0]!.end.getTime() + 2 * 86_400_000);
    for (const [w, window] of TEST_WINDOWS.entries()) {
      for (const [index, store] of stores.entries()) {
        await seedLoyaltyStore(db(), store, window, seededRandom(50 + 10 * w + index), {
          pointValueMinor: pointValues[index]!,
        });
      }
    }
    for (const window of TEST_WINDOWS) {
      for (const [index, store] of stores.entries()) {
        const section = await loyaltySection(db(), store, window, now);
        const expected = await reference(db(), store, window, pointValues[index]!, now);
        expect(section).toEqual(expected);
        // The Overview card's figures, asked for alone.
        expect(await loyaltySummary(db(), store, window, now)).toEqual({
          enabled: expected.enabled,
          members: expected.members,
          newMembers: expected.newMembers,
          outstanding: expected.outstanding,
          pointValueMinor: expected.pointValueMinor,
          liabilityMinor: expected.liabilityMinor,
        });
      }
    }
    // The data exercised what it should.
    const first = await loyaltySection(db(), stores[0], TEST_WINDOWS[0]!, now);
    expect(first.newMembers).toBeGreaterThan(0);
    expect(first.pending).toBeGreaterThan(0);
    expect(first.memberOrders.repeatCustomers).toBeGreaterThan(0);
    expect(first.nonMemberOrders.customers).toBeGreaterThan(0);
    expect(first.issued * first.redeemed * first.expired * first.reversed).not.toBe(0);
  });
});
