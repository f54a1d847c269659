import "server-only";
import { and, asc, eq, gt, gte, isNotNull, isNull, lte, notExists, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { customers, loyaltyAccounts, messages } from "@/db/schema";
import { formatDate } from "@/lib/bot/format";
import { addMonths, pointsExpireAt } from "../calculate";
import { accountBalances } from "../ledger";
import { expiresAtSql, lastActivityUpTo, utcWallTimeSql } from "./expire";
import { formatPoints, queueLoyaltyNotice } from "./notice";
import {
  claimMembers,
  hasAvailablePoints,
  type LoyaltyJobOptions,
  type LoyaltyJobReport,
  runForProgrammes,
} from "./run";

export const EXPIRY_WARNING_DAYS = 14;
const WARNING_INTENT = "loyalty_expiry_warning";

export function expiryWarningDedupeKey(accountId: string, expiresAt: Date): string {
  return `loyalty:expiry_warning:${accountId}:${expiresAt.toISOString()}`;
}

/**
 * Warns opted-in members 14 days before their available points expire, once per expiry
 * date: free-form inside the 24-hour window, else the programme's expiry-warning template
 * ({{1}} points, {{2}} date, {{3}} programme name), else recorded blocked with the reason.
 * Members who opted out (STOP) are not messaged at all.
 */
export function warnExpiringPoints(
  db: Database,
  options: LoyaltyJobOptions,
): Promise<LoyaltyJobReport> {
  const { now } = options;
  const warnFrom = new Date(now.getTime() + EXPIRY_WARNING_DAYS * 24 * 60 * 60 * 1000);
  return runForProgrammes(
    db,
    options,
    (programme) => programme.rules.expiryMonths > 0,
    async (tx, programme, limit) => {
      const { rules } = programme;
      const months = rules.expiryMonths;
      const due = await claimMembers(tx, programme.storeId, {
        where: [
          hasAvailablePoints(now),
          isNotNull(customers.optedInAt),
          isNull(customers.optedOutAt),
          gt(loyaltyAccounts.lastActivityAt, addMonths(now, -months)),
          lte(loyaltyAccounts.lastActivityAt, lastActivityUpTo(warnFrom, months)),
          sql`${expiresAtSql(months)} > ${utcWallTimeSql(now)}`,
          sql`${expiresAtSql(months)} <= ${utcWallTimeSql(warnFrom)}`,
          notExists(
            tx
              .select({ one: sql`1` })
              .from(messages)
              .where(
                and(
                  eq(messages.customerId, loyaltyAccounts.customerId),
                  eq(messages.intent, WARNING_INTENT),
                  gte(messages.createdAt, loyaltyAccounts.lastActivityAt),
                ),
              ),
          ),
        ],
        orderBy: [asc(loyaltyAccounts.lastActivityAt), asc(loyaltyAccounts.id)],
        limit,
      });
      const outcome = { claimed: due.length, accounts: 0, points: 0, queued: 0, blocked: 0 };
      for (const { account, customer } of due) {
        const expiresAt = pointsExpireAt(account.lastActivityAt, rules);
        if (!expiresAt || expiresAt <= now || expiresAt > warnFrom) continue;
        const { available } = await accountBalances(tx, account, now);
        if (available <= 0) continue;
        const result = await queueLoyaltyNotice(tx, {
          storeId: programme.storeId,
          customer,
          kind: "expiry_warning",
          words: (language) => {
            const values = {
              points: formatPoints(available, language),
              date: formatDate(expiresAt, programme.timezone, language),
              programme: programme.name,
            };
            return { values, parameters: [values.points, values.date, values.programme] };
          },
          templateName: rules.expiryWarningTemplate,
          dedupeKey: expiryWarningDedupeKey(account.id, expiresAt),
          now,
        });
        if (result !== "queued" && result !== "blocked") continue;
        outcome[result] += 1;
        outcome.accounts += 1;
        outcome.points += available;
      }
      return outcome;
    },
  );
}
