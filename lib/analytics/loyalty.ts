import "server-only";
import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { loyaltyAccounts, loyaltyPrograms } from "@/db/schema";
import {
  type GroupFigures,
  type LedgerMovements,
  ledgerMovements,
  memberOrderGroups,
  membersByTierNow,
  type PointBalances,
  pointBalances,
} from "@/lib/loyalty/kpis";
import { readLoyaltyRules } from "@/lib/loyalty/rules";
import type { AnalyticsWindow } from "./range";
import type { AnalyticsStore } from "./store";

/**
 * The analytics Loyalty section. Ledger movements, balances and tiers come from the Loyalty
 * page's own queries (lib/loyalty/kpis.ts), so the two pages cannot disagree; what is added
 * here is what the analytics definitions need (lib/analytics contract):
 *
 * - Members: accounts that joined before the window ended; new members: joined in it.
 * - Movements: ledger rows written in the window. Redeemed is net of points given back from
 *   refunded or never-paid orders; reversed (earned points taken back on a refund, negative
 *   adjustments) is its own figure; issued − redeemed − expired − reversed = net change.
 * - Now (the same for every window): outstanding points (positive balances, pending
 *   included), pending points, members per tier, and the liability = outstanding × what one
 *   point takes off an order under the store's current rules.
 * - Members vs non-members: paid orders (paid or refunded, the store's currency) paid in the
 *   window, net revenue. A customer counts as a member when they joined before the window
 *   ended. Repeat customers: of the customers who paid in the window, those with two or more
 *   paid orders ever (paid before the window's end). Orders without a customer count in the
 *   non-members' orders and revenue, not in their customers.
 */

export type LoyaltyGroupFigures = {
  /** Distinct customers with a paid order in the window. */
  customers: number;
  /** Of them, those with two or more paid orders up to the window's end. */
  repeatCustomers: number;
  /** repeatCustomers / customers; null when nobody paid. */
  repeatRate: number | null;
  paidOrders: number;
  revenueMinor: number;
};

export type LoyaltyTierCount = {
  key: string;
  /** The tier's name in the current rules; null for a key the rules no longer have. */
  name: string | null;
  members: number;
};

export type LoyaltySection = LedgerMovements &
  PointBalances & {
    /** The programme is switched on now. */
    enabled: boolean;
    members: number;
    newMembers: number;
    pointValueMinor: number;
    liabilityMinor: number;
    /** Members now by tier, in the rules' order, then any other key. */
    tiers: LoyaltyTierCount[];
    memberOrders: LoyaltyGroupFigures;
    nonMemberOrders: LoyaltyGroupFigures;
  };

function withRate({ orders, ...group }: GroupFigures): LoyaltyGroupFigures {
  const { customers, repeatCustomers } = group;
  return {
    ...group,
    repeatRate: customers === 0 ? null : repeatCustomers / customers,
    paidOrders: orders,
  };
}

async function memberVersusOthers(db: Database, store: AnalyticsStore, window: AnalyticsWindow) {
  const { members, others } = await memberOrderGroups(db, store.id, window.start, window.end, {
    currency: store.currency,
    repeatOver: "ever",
  });
  return { memberOrders: withRate(members), nonMemberOrders: withRate(others) };
}

async function memberCounts(db: Database, store: AnalyticsStore, window: AnalyticsWindow) {
  const [row] = await db
    .select({
      members: sql<number>`count(*)::int`,
      newMembers: sql<number>`(count(*) filter (where ${gte(loyaltyAccounts.joinedAt, window.start)}))::int`,
    })
    .from(loyaltyAccounts)
    .where(and(eq(loyaltyAccounts.storeId, store.id), lt(loyaltyAccounts.joinedAt, window.end)));
  return { members: row?.members ?? 0, newMembers: row?.newMembers ?? 0 };
}

async function programmeRules(db: Database, store: AnalyticsStore) {
  const [row] = await db
    .select({ enabled: loyaltyPrograms.enabled, rules: loyaltyPrograms.rules })
    .from(loyaltyPrograms)
    .where(eq(loyaltyPrograms.storeId, store.id));
  return { enabled: row?.enabled ?? false, rules: readLoyaltyRules(row?.rules, store.currency) };
}

/** The Loyalty section's figures for `window`; balances, tiers and liability are as of `now`. */
export async function loyaltySection(
  db: Database,
  store: AnalyticsStore,
  window: AnalyticsWindow,
  now: Date = new Date(),
): Promise<LoyaltySection> {
  const [programme, counts, movements, balances, byTier, groups] = await Promise.all([
    programmeRules(db, store),
    memberCounts(db, store, window),
    ledgerMovements(db, store.id, window.start, window.end),
    pointBalances(db, store.id, now),
    membersByTierNow(db, store.id),
    memberVersusOthers(db, store, window),
  ]);
  const { rules } = programme;
  const known = new Set(rules.tiers.map((tier) => tier.key as string));
  const tiers: LoyaltyTierCount[] = [
    ...rules.tiers.map((tier) => ({
      key: tier.key,
      name: tier.name,
      members: byTier[tier.key] ?? 0,
    })),
    ...Object.keys(byTier)
      .filter((key) => !known.has(key))
      .sort()
      .map((key) => ({ key, name: null, members: byTier[key]! })),
  ];
  return {
    enabled: programme.enabled,
    ...counts,
    ...movements,
    ...balances,
    pointValueMinor: rules.pointValueMinor,
    liabilityMinor: balances.outstanding * rules.pointValueMinor,
    tiers,
    ...groups,
  };
}

export type LoyaltySummary = Pick<
  LoyaltySection,
  "enabled" | "members" | "newMembers" | "outstanding" | "pointValueMinor" | "liabilityMinor"
>;

/** What the Overview's card shows: members and the liability now (no ledger movements). */
export async function loyaltySummary(
  db: Database,
  store: AnalyticsStore,
  window: AnalyticsWindow,
  now: Date = new Date(),
): Promise<LoyaltySummary> {
  const [programme, counts, balances] = await Promise.all([
    programmeRules(db, store),
    memberCounts(db, store, window),
    pointBalances(db, store.id, now),
  ]);
  const { pointValueMinor } = programme.rules;
  return {
    enabled: programme.enabled,
    ...counts,
    outstanding: balances.outstanding,
    pointValueMinor,
    liabilityMinor: balances.outstanding * pointValueMinor,
  };
}
