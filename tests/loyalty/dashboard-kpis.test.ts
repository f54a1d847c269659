import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/drivers";
import { customers, type LoyaltyReason, loyaltyAccounts, loyaltyReason, orders } from "@/db/schema";
import { parseKpiRange } from "@/lib/loyalty/kpi-range";
import { loyaltyKpis } from "@/lib/loyalty/kpis";
import { ensureAccount, postLedgerEntry } from "@/lib/loyalty/ledger";
import { createPendingOrder } from "../payments/helpers";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { createLoyaltyShop, type LoyaltyShop } from "./helpers";

const getDb = setupTestDatabase();
const DAY = 86_400_000;
const REASONS: readonly LoyaltyReason[] = loyaltyReason.enumValues;
const NEGATIVE: ReadonlySet<LoyaltyReason> = new Set(["redeem", "reversal", "expire"]);

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return (below: number) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state % below;
  };
}

type Written = {
  accountId: string;
  delta: number;
  reason: LoyaltyReason;
  at: Date;
  availableAt: Date;
};

/** Customers, accounts (some joined), random ledger rows and orders for one store. */
async function populate(db: Database, shop: LoyaltyShop, seed: number, now: Date) {
  const pick = random(seed);
  const people = [];
  for (let index = 0; index < 7; index += 1) {
    const [customer] = await db
      .insert(customers)
      .values({ storeId: shop.store.id, waId: `81${seed}${index}${pick(1e6)}`, name: `C${index}` })
      .returning();
    people.push(customer!);
  }
  const accounts = [];
  for (const customer of people.slice(0, 5)) {
    const account = await db.transaction((tx) =>
      ensureAccount(tx, shop.store.id, customer.id, now),
    );
    const joinedAt = pick(4) === 0 ? null : new Date(now.getTime() - pick(120) * DAY);
    const tier = ["member", "silver", "gold"][pick(3)]!;
    await db
      .update(loyaltyAccounts)
      .set({ joinedAt, tier })
      .where(eq(loyaltyAccounts.id, account.id));
    accounts.push({ ...account, joinedAt, tier });
  }
  const written: Written[] = [];
  for (let index = 0; index < 150; index += 1) {
    const account = accounts[pick(accounts.length)]!;
    const reason = REASONS[pick(REASONS.length)]!;
    const size = 1 + pick(500);
    const delta = NEGATIVE.has(reason) || (reason === "adjust" && pick(2) === 0) ? -size : size;
    const at = new Date(now.getTime() - pick(120 * 24) * 3_600_000 - pick(3_600_000));
    const availableAt =
      reason === "earn" && pick(3) === 0 ? new Date(now.getTime() + (1 + pick(20)) * DAY) : at;
    await db.transaction((tx) =>
      postLedgerEntry(tx, {
        storeId: shop.store.id,
        account,
        delta,
        reason,
        causeKey: `test:${seed}:${index}`,
        availableAt,
        now: at,
      }),
    );
    written.push({ accountId: account.id, delta, reason, at, availableAt });
  }
  const paid = [];
  for (let index = 0; index < 25; index += 1) {
    const customer = people[pick(people.length)]!;
    const created = await createPendingOrder(
      db,
      { ...shop, customer },
      {
        lines: [{ productId: shop.matcha.id, quantity: 1 + pick(3) }],
      },
    );
    const status = (["paid", "paid", "refunded", "pending"] as const)[pick(4)];
    const paidAt =
      status === "pending" ? null : new Date(now.getTime() - pick(100 * 24) * 3_600_000);
    const total = created.order.totalMinor;
    const refundedMinor = status === "refunded" ? total : pick(4) === 0 ? 1200 : 0;
    await db
      .update(orders)
      .set({ status, paidAt, refundedMinor })
      .where(eq(orders.id, created.order.id));
    if (paidAt) paid.push({ customerId: customer.id, paidAt, revenue: total - refundedMinor });
  }
  return { accounts, written, paid };
}

/** Tokyo has no daylight saving: a calendar day there starts at 15:00 UTC the day before. */
const tokyoStart = (day: string) => new Date(`${day}T00:00:00+09:00`);

describe(`loyalty KPIs against a brute-force count [${testDbBackend}]`, () => {
  for (const seed of [7, 2026]) {
    it(`agrees with the rows it was given (seed ${seed}), and sees no other store's`, async () => {
      const db = getDb();
      const now = new Date();
      const shop = await createLoyaltyShop(db, { join: false });
      const other = await createLoyaltyShop(db, { join: false });
      const { accounts, written, paid } = await populate(db, shop, seed, now);
      await populate(db, other, seed + 1, now);

      for (const period of ["7", "30", "90"]) {
        const { range } = parseKpiRange({ period }, "Asia/Tokyo", now);
        const start = tokyoStart(range.from);
        const end = new Date(tokyoStart(range.to).getTime() + DAY);
        const inRange = written.filter((row) => row.at >= start && row.at < end);
        const sum = (rows: Written[]) => rows.reduce((total, row) => total + row.delta, 0);
        const issuedReasons = [
          "signup",
          "earn",
          "first_order",
          "birthday",
          "tier_reward",
          "adjust",
        ];
        const balances = accounts.map((account) =>
          sum(written.filter((row) => row.accountId === account.id)),
        );
        const outstanding = balances.filter((b) => b > 0).reduce((a, b) => a + b, 0);
        const joined = accounts.filter((account) => account.joinedAt);
        const byTier: Record<string, number> = {};
        for (const account of joined) byTier[account.tier] = (byTier[account.tier] ?? 0) + 1;
        const group = (member: boolean) => {
          const inPeriod = paid.filter((order) => order.paidAt >= start && order.paidAt < end);
          const perCustomer = new Map<string, { orders: number; revenue: number }>();
          for (const order of inPeriod) {
            const account = accounts.find((a) => a.customerId === order.customerId);
            const isMember = Boolean(account?.joinedAt && account.joinedAt < end);
            if (isMember !== member) continue;
            const entry = perCustomer.get(order.customerId) ?? { orders: 0, revenue: 0 };
            entry.orders += 1;
            entry.revenue += order.revenue;
            perCustomer.set(order.customerId, entry);
          }
          const entries = [...perCustomer.values()];
          return {
            customers: entries.length,
            repeatCustomers: entries.filter((entry) => entry.orders >= 2).length,
            orders: entries.reduce((total, entry) => total + entry.orders, 0),
            revenueMinor: entries.reduce((total, entry) => total + entry.revenue, 0),
          };
        };

        const kpis = await loyaltyKpis(db, shop.store.id, range, now);
        expect(kpis, period).toEqual({
          currency: "JPY",
          pointValueMinor: 1,
          issued: sum(inRange.filter((r) => r.delta > 0 && issuedReasons.includes(r.reason))),
          redeemed:
            0 - sum(inRange.filter((r) => r.reason === "redeem" || r.reason === "redeem_return")),
          expired: 0 - sum(inRange.filter((r) => r.reason === "expire")),
          reversed:
            0 -
            sum(
              inRange.filter(
                (r) => r.reason === "reversal" || (r.reason === "adjust" && r.delta < 0),
              ),
            ),
          outstanding,
          pending: sum(written.filter((row) => row.availableAt > now)),
          liabilityMinor: outstanding,
          negativeAccounts: balances.filter((b) => b < 0).length,
          members: joined.length,
          membersByTier: byTier,
          memberOrders: group(true),
          nonMemberOrders: group(false),
        });
      }
    });
  }

  it("is null for an unknown store", async () => {
    const range = { from: "2026-01-01", to: "2026-01-31" };
    expect(await loyaltyKpis(getDb(), "00000000-0000-4000-8000-000000000000", range)).toBeNull();
  });
});
