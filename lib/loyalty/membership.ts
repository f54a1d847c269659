import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { loyaltyAccounts } from "@/db/schema";
import { addMonths, tierForSpend } from "./calculate";
import { ensureAccount, postLedgerEntry } from "./ledger";
import { loadProgramme } from "./program";
import { twelveMonthSpend } from "./spend";

export type JoinResult =
  { ok: true; alreadyMember: boolean; bonus: number } | { ok: false; reason: "programme_off" };

/** Joins the programme (idempotent): the joining bonus is granted once, `signup:<account>`. */
export async function joinProgramme(
  db: Database,
  input: { storeId: string; customerId: string; now: Date },
): Promise<JoinResult> {
  return db.transaction(async (tx) => {
    const programme = await loadProgramme(tx, input.storeId);
    if (!programme?.enabled) return { ok: false, reason: "programme_off" } as const;
    const account = await ensureAccount(tx, input.storeId, input.customerId, input.now);
    if (account.joinedAt) return { ok: true, alreadyMember: true, bonus: 0 } as const;
    // A customer who already spent enough starts in the tier their 12 months reach.
    const spend = await twelveMonthSpend(tx, input.storeId, input.customerId, input.now);
    const tier = tierForSpend(spend, programme.rules.tiers);
    await tx
      .update(loyaltyAccounts)
      .set({
        joinedAt: input.now,
        lastActivityAt: input.now,
        tier: tier.key,
        tierReviewAt: addMonths(input.now, 12),
        updatedAt: input.now,
      })
      .where(eq(loyaltyAccounts.id, account.id));
    const bonus =
      programme.rules.signupBonus > 0
        ? await postLedgerEntry(tx, {
            storeId: input.storeId,
            account,
            delta: programme.rules.signupBonus,
            reason: "signup",
            causeKey: `signup:${account.id}`,
            now: input.now,
          })
        : null;
    return { ok: true, alreadyMember: false, bonus: bonus?.delta ?? 0 } as const;
  });
}

/**
 * Records that the customer was asked to join; true only the first time, so the question
 * is asked once. Call in the transaction that queues the question.
 */
export async function markInvited(
  tx: Database,
  input: { storeId: string; customerId: string; now: Date },
): Promise<boolean> {
  await ensureAccount(tx, input.storeId, input.customerId, input.now);
  const marked = await tx
    .update(loyaltyAccounts)
    .set({ invitedAt: input.now, updatedAt: input.now })
    .where(
      and(
        eq(loyaltyAccounts.storeId, input.storeId),
        eq(loyaltyAccounts.customerId, input.customerId),
        isNull(loyaltyAccounts.invitedAt),
        isNull(loyaltyAccounts.joinedAt),
      ),
    )
    .returning({ id: loyaltyAccounts.id });
  return marked.length > 0;
}
