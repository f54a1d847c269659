import "server-only";
import { and, asc, eq, notExists, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { loyaltyAccounts, loyaltyLedger } from "@/db/schema";
import { postLedgerEntry } from "../ledger";
import { formatPoints, queueLoyaltyNotice } from "./notice";
import {
  claimMembers,
  type LoyaltyJobOptions,
  type LoyaltyJobReport,
  runForProgrammes,
} from "./run";

/** The calendar year and month (1–12) at `at` in `timezone`. */
export function yearMonthIn(at: Date, timezone: string): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: timezone,
    year: "numeric",
    month: "numeric",
  }).formatToParts(at);
  const part = (type: "year" | "month") =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  return { year: part("year"), month: part("month") };
}

export function birthdayCauseKey(accountId: string, year: number): string {
  return `birthday:${accountId}:${year}`;
}

/**
 * The birthday bonus, once a year in the member's birthday month (the store's time zone),
 * cause `birthday:<account>:<year>`; opted-in members also get a short message (free-form
 * in the window, else the birthday template, else recorded blocked). Opted-out members
 * keep the points and get no message.
 */
export function grantBirthdayBonuses(
  db: Database,
  options: LoyaltyJobOptions,
): Promise<LoyaltyJobReport> {
  const { now } = options;
  return runForProgrammes(
    db,
    options,
    (programme) => programme.rules.birthdayBonus > 0,
    async (tx, programme, limit) => {
      const { rules } = programme;
      const { year, month } = yearMonthIn(now, programme.timezone);
      const due = await claimMembers(tx, programme.storeId, {
        where: [
          eq(loyaltyAccounts.birthdayMonth, month),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(loyaltyLedger)
              .where(
                and(
                  eq(loyaltyLedger.storeId, programme.storeId),
                  eq(
                    loyaltyLedger.causeKey,
                    sql`'birthday:' || ${loyaltyAccounts.id}::text || ':' || ${String(year)}`,
                  ),
                ),
              ),
          ),
        ],
        orderBy: [asc(loyaltyAccounts.id)],
        limit,
      });
      const outcome = { claimed: due.length, accounts: 0, points: 0, queued: 0, blocked: 0 };
      for (const { account, customer } of due) {
        const row = await postLedgerEntry(tx, {
          storeId: programme.storeId,
          account,
          delta: rules.birthdayBonus,
          reason: "birthday",
          causeKey: birthdayCauseKey(account.id, year),
          now,
        });
        if (!row) continue;
        outcome.accounts += 1;
        outcome.points += row.delta;
        if (!customer.optedInAt || customer.optedOutAt) continue;
        const balance = account.balance + row.delta;
        const result = await queueLoyaltyNotice(tx, {
          storeId: programme.storeId,
          customer,
          kind: "birthday",
          words: (language) => {
            const values = {
              points: formatPoints(row.delta, language),
              balance: formatPoints(balance, language),
              programme: programme.name,
            };
            return { values, parameters: [values.points, values.programme] };
          },
          templateName: rules.birthdayTemplate ?? null,
          dedupeKey: `loyalty:${birthdayCauseKey(account.id, year)}`,
          now,
        });
        if (result === "queued" || result === "blocked") outcome[result] += 1;
      }
      return outcome;
    },
  );
}
