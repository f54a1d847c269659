import "server-only";
import { and, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { customers, loyaltyAccounts, loyaltyLedger } from "@/db/schema";
import { loadEnabledProgrammes, type Programme } from "../program";

export type LoyaltyJobOptions = {
  now: Date;
  /** Epoch ms after which no new batch is claimed (tick's share of its budget). */
  deadline?: number;
  batchSize?: number;
};

export type LoyaltyJobReport = {
  /** Programmes that are on and had work to look at. */
  stores: number;
  accounts: number;
  points: number;
  queued: number;
  blocked: number;
  /** The deadline stopped it with work left: the next tick continues. */
  more: boolean;
};

export type BatchOutcome = { claimed: number } & Partial<
  Pick<LoyaltyJobReport, "accounts" | "points" | "queued" | "blocked">
>;

const DEFAULT_BATCH = 50;

/**
 * Runs a job over every programme that is on (and that `applies` to): each batch is one
 * transaction that claims its accounts with FOR UPDATE SKIP LOCKED, so concurrent ticks
 * share the work, and nothing new is claimed once the deadline has passed.
 */
export async function runForProgrammes(
  db: Database,
  options: LoyaltyJobOptions,
  applies: (programme: Programme) => boolean,
  batch: (tx: Database, programme: Programme, limit: number) => Promise<BatchOutcome>,
): Promise<LoyaltyJobReport> {
  const report: LoyaltyJobReport = {
    stores: 0,
    accounts: 0,
    points: 0,
    queued: 0,
    blocked: 0,
    more: false,
  };
  const limit = options.batchSize ?? DEFAULT_BATCH;
  const programmes = (await loadEnabledProgrammes(db)).filter(applies);
  for (const programme of programmes) {
    report.stores += 1;
    for (;;) {
      if (options.deadline !== undefined && Date.now() >= options.deadline) {
        report.more = true;
        return report;
      }
      const outcome = await db.transaction((tx) => batch(tx, programme, limit));
      report.accounts += outcome.accounts ?? 0;
      report.points += outcome.points ?? 0;
      report.queued += outcome.queued ?? 0;
      report.blocked += outcome.blocked ?? 0;
      // A full batch where nothing could be done (all pending) would be claimed again.
      if (outcome.claimed < limit || !outcome.accounts) break;
    }
  }
  return report;
}

/**
 * The account has points it could spend (or lose) at `now`: its balance is more than what is
 * still pending. Filtering on it in SQL keeps members whose points are all pending out of the
 * claim, so a batch of them can never hold up the members behind them.
 */
export function hasAvailablePoints(now: Date): SQL {
  return sql`${loyaltyAccounts.balance} > coalesce((select sum(${loyaltyLedger.delta}) from ${loyaltyLedger} where ${loyaltyLedger.storeId} = ${loyaltyAccounts.storeId} and ${loyaltyLedger.accountId} = ${loyaltyAccounts.id} and ${loyaltyLedger.availableAt} > ${now.toISOString()}::timestamptz), 0)`;
}

/**
 * Claims up to `limit` of a store's members (joined accounts) with their customer rows,
 * `FOR UPDATE OF` the account with SKIP LOCKED: a concurrent tick takes the others.
 */
export function claimMembers(
  tx: Database,
  storeId: string,
  input: { where: SQL[]; orderBy: SQL[]; limit: number },
) {
  return tx
    .select({ account: loyaltyAccounts, customer: customers })
    .from(loyaltyAccounts)
    .innerJoin(customers, eq(customers.id, loyaltyAccounts.customerId))
    .where(
      and(
        eq(loyaltyAccounts.storeId, storeId),
        eq(customers.storeId, storeId),
        isNotNull(loyaltyAccounts.joinedAt),
        ...input.where,
      ),
    )
    .orderBy(...input.orderBy)
    .limit(input.limit)
    .for("update", { of: loyaltyAccounts, skipLocked: true });
}
