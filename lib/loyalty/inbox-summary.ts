import "server-only";
import type { Database } from "@/db/drivers";
import { tierByKey } from "./calculate";
import { accountBalances, findAccount } from "./ledger";
import { loadProgramme } from "./program";

export type LoyaltySummary = {
  customerId: string;
  tierName: string;
  available: number;
  pending: number;
};

/** Beside a conversation: the customer's tier and balances, when they are a member. */
export async function loyaltySummary(
  db: Database,
  storeId: string,
  customerId: string,
  now: Date,
): Promise<LoyaltySummary | null> {
  const account = await findAccount(db, storeId, customerId);
  if (!account?.joinedAt) return null;
  const [programme, balances] = await Promise.all([
    loadProgramme(db, storeId),
    accountBalances(db, account, now),
  ]);
  if (!programme) return null;
  return {
    customerId,
    tierName: tierByKey(account.tier, programme.rules.tiers).name,
    available: balances.available,
    pending: balances.pending,
  };
}
