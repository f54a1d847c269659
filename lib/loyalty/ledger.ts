import "server-only";
import { and, desc, eq, gt, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import {
  type LoyaltyAccount,
  loyaltyAccounts,
  loyaltyLedger,
  type LoyaltyLedgerRow,
  type LoyaltyReason,
} from "@/db/schema";

/**
 * Reasons that count as "earning or redeeming": they restart the expiry clock. So does an
 * owner's positive adjustment (below), or points given to a dormant member would expire
 * at the next tick.
 */
const ACTIVITY_REASONS: ReadonlySet<LoyaltyReason> = new Set([
  "signup",
  "earn",
  "first_order",
  "birthday",
  "tier_reward",
  "redeem",
]);

export type LedgerEntry = {
  storeId: string;
  account: Pick<LoyaltyAccount, "id" | "customerId">;
  delta: number;
  reason: LoyaltyReason;
  /** Unique per store: a second entry with the same cause inserts nothing. */
  causeKey: string;
  orderId?: string | null;
  /** In the future: pending until then. Defaults to `now`. */
  availableAt?: Date;
  adjustedBy?: string | null;
  note?: string | null;
  now: Date;
};

/**
 * Writes one ledger row and moves the account's cached balance by the same delta, in the
 * caller's transaction. Returns null when the cause was already applied (nothing changes).
 * Callers that must not go below zero lock the account first (lockAccount) and check.
 */
export async function postLedgerEntry(
  tx: Database,
  entry: LedgerEntry,
): Promise<LoyaltyLedgerRow | null> {
  if (!Number.isSafeInteger(entry.delta) || entry.delta === 0) {
    throw new RangeError(`A ledger delta must be a non-zero integer, not ${entry.delta}`);
  }
  const [row] = await tx
    .insert(loyaltyLedger)
    .values({
      storeId: entry.storeId,
      accountId: entry.account.id,
      customerId: entry.account.customerId,
      delta: entry.delta,
      reason: entry.reason,
      causeKey: entry.causeKey,
      orderId: entry.orderId ?? null,
      availableAt: entry.availableAt ?? entry.now,
      adjustedBy: entry.adjustedBy ?? null,
      note: entry.note ?? null,
      createdAt: entry.now,
    })
    .onConflictDoNothing({ target: [loyaltyLedger.storeId, loyaltyLedger.causeKey] })
    .returning();
  if (!row) return null;
  await tx
    .update(loyaltyAccounts)
    .set({
      balance: sql`${loyaltyAccounts.balance} + ${entry.delta}`,
      updatedAt: entry.now,
      ...((ACTIVITY_REASONS.has(entry.reason) ||
        (entry.reason === "adjust" && entry.delta > 0)) && {
        lastActivityAt: entry.now,
      }),
    })
    .where(
      and(eq(loyaltyAccounts.id, entry.account.id), eq(loyaltyAccounts.storeId, entry.storeId)),
    );
  return row;
}

export async function findAccount(
  db: Database,
  storeId: string,
  customerId: string,
): Promise<LoyaltyAccount | null> {
  const [row] = await db
    .select()
    .from(loyaltyAccounts)
    .where(and(eq(loyaltyAccounts.storeId, storeId), eq(loyaltyAccounts.customerId, customerId)));
  return row ?? null;
}

/** The account row under `FOR UPDATE`: redemptions and reversals of one customer take turns. */
export async function lockAccount(
  tx: Database,
  storeId: string,
  customerId: string,
): Promise<LoyaltyAccount | null> {
  const [row] = await tx
    .select()
    .from(loyaltyAccounts)
    .where(and(eq(loyaltyAccounts.storeId, storeId), eq(loyaltyAccounts.customerId, customerId)))
    .for("update");
  return row ?? null;
}

/** The customer's account, made (not joined) when missing, and locked. */
export async function ensureAccount(
  tx: Database,
  storeId: string,
  customerId: string,
  now: Date,
): Promise<LoyaltyAccount> {
  await tx
    .insert(loyaltyAccounts)
    .values({ storeId, customerId, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: [loyaltyAccounts.storeId, loyaltyAccounts.customerId] });
  const account = await lockAccount(tx, storeId, customerId);
  if (!account) throw new Error("The loyalty account vanished while it was being made");
  return account;
}

export type Balances = {
  /** Every point, pending ones included: the ledger's sum. */
  balance: number;
  /** Earned but inside the return window: not redeemable yet, never expiring. */
  pending: number;
  /** What can be redeemed (or expire) now; negative after a reversal of spent points. */
  available: number;
};

/** Balances of an account at `now`, from its cached balance and its pending rows. */
export async function accountBalances(
  db: Database,
  account: Pick<LoyaltyAccount, "id" | "storeId" | "balance">,
  now: Date,
): Promise<Balances> {
  const [row] = await db
    .select({ pending: sql<string | null>`sum(${loyaltyLedger.delta})` })
    .from(loyaltyLedger)
    .where(
      and(
        eq(loyaltyLedger.storeId, account.storeId),
        eq(loyaltyLedger.accountId, account.id),
        gt(loyaltyLedger.availableAt, now),
      ),
    );
  const pending = Math.max(0, Number(row?.pending ?? 0));
  return { balance: account.balance, pending, available: account.balance - pending };
}

/** The ledger's own sum for an account: what `balance` must always equal. */
export async function ledgerSum(db: Database, accountId: string): Promise<number> {
  const [row] = await db
    .select({ sum: sql<string | null>`sum(${loyaltyLedger.delta})` })
    .from(loyaltyLedger)
    .where(eq(loyaltyLedger.accountId, accountId));
  return Number(row?.sum ?? 0);
}

export async function recentLedgerRows(
  db: Database,
  storeId: string,
  accountId: string,
  limit: number,
): Promise<LoyaltyLedgerRow[]> {
  return db
    .select()
    .from(loyaltyLedger)
    .where(and(eq(loyaltyLedger.storeId, storeId), eq(loyaltyLedger.accountId, accountId)))
    .orderBy(desc(loyaltyLedger.createdAt), desc(loyaltyLedger.id))
    .limit(limit);
}
