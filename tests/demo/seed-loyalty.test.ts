import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DatabaseHandle } from "@/db/drivers";
import { seedDemo } from "@/lib/demo/seed";
import { planHistory } from "@/lib/demo/seed/history";
import { demoLoyaltyRows, planDemoLoyalty } from "@/lib/demo/seed/loyalty";
import { planPayments } from "@/lib/demo/seed/payments";
import { createRng } from "@/lib/demo/seed/random";
import { pointsForPayment, tierByKey, tierForSpend } from "@/lib/loyalty/calculate";
import { accountBalances, findAccount, ledgerSum } from "@/lib/loyalty/ledger";
import { loadProgramme } from "@/lib/loyalty/program";
import { LOYALTY_DISCOUNT_KIND } from "@/lib/loyalty/redeem";
import type { LoyaltyRules } from "@/lib/loyalty/rules";
import { twelveMonthSpend } from "@/lib/loyalty/spend";
import { createTestDatabase, queryRows, testDbBackend } from "../support/database";

const NOW = new Date("2025-06-15T10:23:45Z");
const HOUR = 3_600_000;
const DEMO_NOW = new Date(Math.floor(NOW.getTime() / HOUR) * HOUR);

type Account = { id: string; customerId: string; balance: number; tier: string; joined: boolean };
type PaidOrder = {
  id: string;
  customerId: string;
  totalMinor: number;
  refundedMinor: number;
  paidAt: Date;
  refundedAt: Date | null;
};
type LedgerRow = { accountId: string; orderId: string | null; reason: string; delta: number };

/** The demo programme's members, their orders and ledger agree with lib/loyalty's rules. */
describe(`demo seed: loyalty [${testDbBackend}]`, () => {
  let handle: DatabaseHandle;
  let db: Database;
  let storeId: string;
  let rules: LoyaltyRules;
  let accounts: Account[];
  let ledger: LedgerRow[];

  beforeAll(async () => {
    handle = await createTestDatabase();
    db = handle.db;
    storeId = (await seedDemo(db, { now: NOW })).storeId;
    const programme = await loadProgramme(db, storeId);
    expect(programme).toMatchObject({ enabled: true, name: "Kyoto Tea Points", saved: true });
    rules = programme!.rules;
    accounts = await queryRows<Account>(
      db,
      sql`select id, customer_id as "customerId", balance, tier, joined_at is not null as joined
        from loyalty_accounts where store_id = ${storeId}`,
    );
    ledger = await queryRows<LedgerRow>(
      db,
      sql`select account_id as "accountId", order_id as "orderId", reason::text, delta
        from loyalty_ledger where store_id = ${storeId}`,
    );
    // Seeding 90 days of a store takes a while on a busy machine.
  }, 180_000);

  afterAll(async () => {
    await handle?.close();
  });

  it("makes some customers members, not all, with every balance the sum of its ledger", async () => {
    const members = accounts.filter((account) => account.joined);
    const [customers] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from customers where store_id = ${storeId}`,
    );
    expect(members.length).toBeGreaterThan(20);
    expect(members.length).toBeLessThan(customers!.n / 2);
    for (const account of accounts) {
      expect(account.balance).toBe(await ledgerSum(db, account.id));
      if (!account.joined) expect(account.balance).toBe(0);
    }
    const badRows = sql`select 1 from loyalty_ledger l join loyalty_accounts a on a.id = l.account_id
      left join orders o on o.id = l.order_id
      where l.customer_id <> a.customer_id or l.store_id <> a.store_id or l.created_at < a.joined_at
        or l.created_at > ${DEMO_NOW} or l.available_at < l.created_at
        or (l.order_id is not null and (o.customer_id <> l.customer_id or o.store_id <> l.store_id))`;
    expect(await queryRows(db, badRows)).toEqual([]);
    const signups = ledger.filter((row) => row.reason === "signup");
    expect(signups).toHaveLength(members.length);
    expect(signups.every((row) => row.delta === rules.signupBonus)).toBe(true);
  });

  it("earns on every paid order of a member at the tier held, and tiers follow the spend", async () => {
    const orders = await queryRows<PaidOrder>(
      db,
      sql`select id, customer_id as "customerId", total_minor as "totalMinor",
        refunded_minor as "refundedMinor", paid_at as "paidAt", refunded_at as "refundedAt"
        from orders where store_id = ${storeId} and paid_at is not null order by paid_at`,
    );
    const earnOf = new Map(
      ledger.filter((row) => row.reason === "earn").map((row) => [row.orderId, row.delta]),
    );
    let earns = 0;
    for (const account of accounts.filter((row) => row.joined)) {
      const own = orders.filter((order) => order.customerId === account.customerId);
      // Replays earnForPaidOrder: earn at the tier held, then move up on the spend so far.
      let held = tierByKey("member", rules.tiers);
      for (const order of own) {
        const earned = earnOf.get(order.id);
        if (earned === undefined) continue;
        earns++;
        expect(earned).toBe(pointsForPayment(order.totalMinor, rules, held));
        const paidAt = new Date(order.paidAt).getTime();
        const spend = own
          .filter((other) => new Date(other.paidAt).getTime() <= paidAt)
          .reduce((sum, other) => {
            const refunded = other.refundedAt && new Date(other.refundedAt).getTime() <= paidAt;
            return sum + other.totalMinor - (refunded ? other.refundedMinor : 0);
          }, 0);
        const reached = tierForSpend(spend, rules.tiers);
        if (reached.thresholdMinor > held.thresholdMinor) held = reached;
      }
      expect(account.tier).toBe(held.key);
      const spendNow = await twelveMonthSpend(db, storeId, account.customerId, DEMO_NOW);
      expect(account.tier).toBe(tierForSpend(spendNow, rules.tiers).key);
    }
    expect(earns).toBe(earnOf.size);
    expect(new Set(accounts.map((account) => account.tier))).toContain("silver");
    const wrongCustomerTier = sql`select 1 from customers c join loyalty_accounts a
      on a.customer_id = c.id and a.joined_at is not null where c.tier <> a.tier`;
    expect(await queryRows(db, wrongCustomerTier)).toEqual([]);
  });

  it("takes redeemed points off the order's total, with the loyalty discount line", async () => {
    const redeemed = await queryRows<{
      subtotal: number;
      discount: number;
      total: number;
      points: number;
      lines: { kind: string; amountMinor: number; reference: string }[];
      redeemId: string;
      redeemDelta: number;
      sessionAmounts: number[];
    }>(
      db,
      sql`select o.subtotal_minor as subtotal, o.discount_minor as discount, o.total_minor as total,
        o.points_redeemed as points, o.discount_lines as lines, l.id as "redeemId", l.delta as "redeemDelta",
        array(select s.amount_minor from checkout_sessions s where s.order_id = o.id) as "sessionAmounts"
        from orders o left join loyalty_ledger l on l.order_id = o.id and l.reason = 'redeem'
        where o.store_id = ${storeId} and (o.points_redeemed > 0 or l.id is not null)`,
    );
    expect(redeemed.length).toBeGreaterThanOrEqual(3);
    for (const order of redeemed) {
      expect(order.subtotal - order.discount).toBe(order.total);
      expect(order.discount).toBe(order.points * rules.pointValueMinor);
      expect(order.redeemDelta).toBe(-order.points);
      expect(order.lines).toEqual([
        expect.objectContaining({
          kind: LOYALTY_DISCOUNT_KIND,
          amountMinor: order.discount,
          reference: order.redeemId,
        }),
      ]);
      expect(order.sessionAmounts.every((amount) => Number(amount) === order.total)).toBe(true);
    }
    const undiscounted = sql`select 1 from orders where store_id = ${storeId} and points_redeemed = 0
      and (discount_minor <> 0 or total_minor <> subtotal_minor or discount_lines <> '[]'::jsonb)`;
    expect(await queryRows(db, undiscounted)).toEqual([]);
  });

  it("reverses a refund, holds recent points pending, expires once and adjusts once", async () => {
    const count = (reason: string) => ledger.filter((row) => row.reason === reason).length;
    expect(count("reversal")).toBeGreaterThanOrEqual(1);
    expect(count("expire")).toBe(1);
    expect(count("adjust")).toBe(1);
    const reversals = await queryRows<{ reversed: number; earned: number; due: number }>(
      db,
      sql`select -sum(r.delta)::int as reversed, e.delta as earned,
        (e.delta::bigint * o.refunded_minor / o.total_minor)::int as due
        from loyalty_ledger r join loyalty_ledger e on e.order_id = r.order_id and e.reason = 'earn'
        join orders o on o.id = r.order_id where r.reason = 'reversal' group by e.delta, o.id`,
    );
    for (const row of reversals) {
      expect(row.reversed).toBeLessThanOrEqual(row.earned);
      expect(row.reversed).toBe(row.due);
    }
    const [adjustment] = await queryRows<{ email: string; note: string | null; delta: number }>(
      db,
      sql`select u.email, l.note, l.delta from loyalty_ledger l join users u on u.id = l.adjusted_by
        where l.reason = 'adjust' and l.store_id = ${storeId}`,
    );
    expect(adjustment).toMatchObject({ email: "owner@demo.chatcart.dev", delta: 300 });
    expect(adjustment!.note).toBeTruthy();

    let pendingMembers = 0;
    for (const account of accounts.filter((row) => row.joined)) {
      const found = await findAccount(db, storeId, account.customerId);
      const balances = await accountBalances(db, found!, DEMO_NOW);
      if (balances.pending > 0) pendingMembers++;
      expect(balances.balance).toBe(account.balance);
    }
    expect(pendingMembers).toBeGreaterThanOrEqual(2);
    // The expired member's points were all available, and nothing was earned since.
    const [expired] = await queryRows<{ balance: number; later: number }>(
      db,
      sql`select a.balance, (select count(*)::int from loyalty_ledger l2 where l2.account_id = a.id
          and l2.created_at > l.created_at) as later
        from loyalty_ledger l join loyalty_accounts a on a.id = l.account_id where l.reason = 'expire'`,
    );
    expect(expired).toEqual({ balance: 0, later: 0 });
  });

  it("plans the same members and points for the same hour", () => {
    const plan = () => {
      const history = planHistory(createRng(7), DEMO_NOW);
      const payments = planPayments(
        createRng(7).fork("payments"),
        history,
        () => ({ handedOffAt: null }),
        DEMO_NOW,
      );
      const ids = {
        storeId: "store",
        currency: "JPY",
        origin: "https://demo.example",
        customerIds: history.customers.map((_, i) => `customer-${i}`),
        productIds: [],
        orderIds: history.orders.map((_, i) => `order-${i}`),
        ownerId: "owner",
        agentUserIds: [],
        conversationId: (chat: number) => `conversation-${chat}`,
        newId: (kind: string, key: string | number) => `${kind}-${key}`,
      };
      const loyalty = planDemoLoyalty(createRng(7).fork("loyalty"), history, payments, DEMO_NOW);
      return { rows: demoLoyaltyRows(loyalty, payments, ids, DEMO_NOW), orders: history.orders };
    };
    expect(JSON.stringify(plan())).toBe(JSON.stringify(plan()));
  });
});
