import "server-only";
import { and, asc, eq, gte, isNotNull, lte, notExists, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { loyaltyAccounts, loyaltyLedger } from "@/db/schema";
import { addMonths, pointsExpireAt } from "../calculate";
import { accountBalances, postLedgerEntry } from "../ledger";
import {
  hasAvailablePoints,
  type LoyaltyJobOptions,
  type LoyaltyJobReport,
  runForProgrammes,
} from "./run";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `last_activity_at + months` in SQL, as UTC wall time: PostgreSQL clamps the day to the
 * month's end exactly as addMonths does, so SQL and pointsExpireAt agree to the millisecond.
 */
export function expiresAtSql(months: number): SQL {
  return sql`((${loyaltyAccounts.lastActivityAt} at time zone 'UTC') + make_interval(months => ${months}::int))`;
}

export function utcWallTimeSql(date: Date): SQL {
  return sql`(${date.toISOString()}::timestamptz at time zone 'UTC')`;
}

/**
 * An index-friendly upper bound on `last_activity_at` for points expiring by `at`: month
 * arithmetic clamps the day by at most three days (31 → 28).
 */
export function lastActivityUpTo(at: Date, months: number): Date {
  return new Date(addMonths(at, -months).getTime() + 4 * DAY_MS);
}

/**
 * Expires the available points of accounts whose `last_activity_at + expiryMonths` has
 * passed: one `expire` row of −available (pending points never expire), cause
 * `expire:<account>:<last activity>`, so a second run, or a concurrent tick, expires
 * nothing more. An account already expired since its last activity is not looked at again.
 */
export function expirePoints(db: Database, options: LoyaltyJobOptions): Promise<LoyaltyJobReport> {
  const { now } = options;
  return runForProgrammes(
    db,
    options,
    (programme) => programme.rules.expiryMonths > 0,
    async (tx, programme, limit) => {
      const months = programme.rules.expiryMonths;
      const due = await tx
        .select()
        .from(loyaltyAccounts)
        .where(
          and(
            eq(loyaltyAccounts.storeId, programme.storeId),
            hasAvailablePoints(now),
            isNotNull(loyaltyAccounts.lastActivityAt),
            lte(loyaltyAccounts.lastActivityAt, lastActivityUpTo(now, months)),
            sql`${expiresAtSql(months)} <= ${utcWallTimeSql(now)}`,
            notExists(
              tx
                .select({ one: sql`1` })
                .from(loyaltyLedger)
                .where(
                  and(
                    eq(loyaltyLedger.accountId, loyaltyAccounts.id),
                    eq(loyaltyLedger.reason, "expire"),
                    gte(loyaltyLedger.createdAt, loyaltyAccounts.lastActivityAt),
                  ),
                ),
            ),
          ),
        )
        .orderBy(asc(loyaltyAccounts.lastActivityAt), asc(loyaltyAccounts.id))
        .limit(limit)
        .for("update", { of: loyaltyAccounts, skipLocked: true });
      let accounts = 0;
      let points = 0;
      for (const account of due) {
        const expiresAt = pointsExpireAt(account.lastActivityAt, programme.rules);
        if (!expiresAt || expiresAt > now) continue;
        const { available } = await accountBalances(tx, account, now);
        if (available <= 0) continue;
        const row = await postLedgerEntry(tx, {
          storeId: programme.storeId,
          account,
          delta: -available,
          reason: "expire",
          causeKey: `expire:${account.id}:${account.lastActivityAt!.toISOString()}`,
          now,
        });
        if (!row) continue;
        accounts += 1;
        points += available;
      }
      return { claimed: due.length, accounts, points };
    },
  );
}
