import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { loyaltyLedger, type LoyaltyLedgerRow } from "@/db/schema";
import { accountBalances, lockAccount, postLedgerEntry } from "./ledger";
import { LOYALTY_LIMITS } from "./rules";

export type AdjustResult =
  | { ok: true; row: LoyaltyLedgerRow }
  | {
      ok: false;
      reason: "no_account" | "out_of_range" | "below_available" | "duplicate";
      available?: number;
    };

/**
 * An owner's manual adjustment, with who and why: a whole number of points, not zero,
 * within ±1,000,000, and never taking more than the available balance.
 */
export async function adjustPoints(
  db: Database,
  input: {
    storeId: string;
    customerId: string;
    delta: number;
    note: string;
    memberId: string;
    /** From the form: a resubmitted form adjusts once. */
    requestKey?: string;
    now: Date;
  },
): Promise<AdjustResult> {
  const { delta } = input;
  if (!Number.isSafeInteger(delta) || delta === 0 || Math.abs(delta) > LOYALTY_LIMITS.maxPoints) {
    return { ok: false, reason: "out_of_range" };
  }
  const causeKey = `adjust:${input.requestKey ?? randomUUID()}`;
  return db.transaction(async (tx) => {
    const account = await lockAccount(tx, input.storeId, input.customerId);
    if (!account) return { ok: false, reason: "no_account" } as const;
    // A resubmitted form whose first submission took the whole balance is a duplicate, not a
    // deduction beyond the balance. Under the account lock; the unique key stays the guard.
    if (await causeApplied(tx, input.storeId, causeKey)) {
      return { ok: false, reason: "duplicate" } as const;
    }
    const { available } = await accountBalances(tx, account, input.now);
    if (delta < 0 && -delta > available) {
      return { ok: false, reason: "below_available", available } as const;
    }
    const row = await postLedgerEntry(tx, {
      storeId: input.storeId,
      account,
      delta,
      reason: "adjust",
      causeKey,
      adjustedBy: input.memberId,
      note: input.note,
      now: input.now,
    });
    if (!row) return { ok: false, reason: "duplicate" } as const;
    return { ok: true, row } as const;
  });
}

async function causeApplied(tx: Database, storeId: string, causeKey: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: loyaltyLedger.id })
    .from(loyaltyLedger)
    .where(and(eq(loyaltyLedger.storeId, storeId), eq(loyaltyLedger.causeKey, causeKey)));
  return Boolean(row);
}
