/**
 * The Loyalty page's KPIs as bench/loyalty.ts measures them.
 *
 * >>> SWAP POINT for the lead: once lib/loyalty/kpis.ts is merged, replace the body of
 * >>> pageKpis with `return loyaltyKpis(db, storeId, range);` (and delete standInKpis), so
 * >>> the bench measures the page's own code. Until then it measures the stand-in below:
 * >>> the same figures in two statements.
 */
import { sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";

export type KpiRange = { from: Date; to: Date };

export async function pageKpis(db: Database, storeId: string, range: KpiRange) {
  return standInKpis(db, storeId, range);
}

/**
 * Points issued, redeemed (net of returns) and expired in [from, to) from the ledger;
 * outstanding (cached balances, pending included) and members per tier from the accounts.
 */
async function standInKpis(db: Database, storeId: string, range: KpiRange) {
  const ledger = await db.execute(sql`select
      coalesce(sum(delta) filter (where reason in ('signup', 'earn', 'birthday', 'tier_reward',
        'first_order') or (reason = 'adjust' and delta > 0)), 0)::int as issued,
      coalesce(-sum(delta) filter (where reason in ('redeem', 'redeem_return')), 0)::int as redeemed,
      coalesce(-sum(delta) filter (where reason = 'expire'), 0)::int as expired
    from loyalty_ledger
    where store_id = ${storeId} and created_at >= ${range.from} and created_at < ${range.to}`);
  const accounts = await db.execute(sql`select tier, count(*)::int as members,
      sum(balance)::int as outstanding
    from loyalty_accounts where store_id = ${storeId} and joined_at is not null group by tier`);
  const tiers = (
    accounts as unknown as { rows: { tier: string; members: number; outstanding: number }[] }
  ).rows;
  return {
    ...(ledger as unknown as { rows: { issued: number; redeemed: number; expired: number }[] })
      .rows[0]!,
    outstanding: tiers.reduce((sum, row) => sum + row.outstanding, 0),
    membersByTier: Object.fromEntries(tiers.map((row) => [row.tier, row.members])),
  };
}
