import "server-only";
import { and, asc, eq, isNotNull, lte } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { loyaltyAccounts } from "@/db/schema";
import { addMonths, tierByKey, tierForSpend } from "../calculate";
import { grantTierReward } from "../order-points";
import { twelveMonthSpend } from "../spend";
import { type LoyaltyJobOptions, type LoyaltyJobReport, runForProgrammes } from "./run";

/** The first anniversary of `reviewAt` that is still ahead of `now`. */
export function nextReviewAt(reviewAt: Date, now: Date): Date {
  let years = 1;
  while (addMonths(reviewAt, 12 * years) <= now) years += 1;
  return addMonths(reviewAt, 12 * years);
}

/**
 * The anniversary review: at `tier_review_at` the tier is recomputed from the 12-month
 * spend. It is the only place a member moves down (moving up happens when they pay); a
 * review that finds a higher tier grants its reward (once per tier per year). The next
 * review is a year on.
 */
export function reviewTiers(db: Database, options: LoyaltyJobOptions): Promise<LoyaltyJobReport> {
  const { now } = options;
  return runForProgrammes(
    db,
    options,
    () => true,
    async (tx, programme, limit) => {
      const { tiers } = programme.rules;
      const due = await tx
        .select()
        .from(loyaltyAccounts)
        .where(
          and(
            eq(loyaltyAccounts.storeId, programme.storeId),
            isNotNull(loyaltyAccounts.joinedAt),
            isNotNull(loyaltyAccounts.tierReviewAt),
            lte(loyaltyAccounts.tierReviewAt, now),
          ),
        )
        .orderBy(asc(loyaltyAccounts.tierReviewAt), asc(loyaltyAccounts.id))
        .limit(limit)
        .for("update", { skipLocked: true });
      let points = 0;
      for (const account of due) {
        const spend = await twelveMonthSpend(tx, programme.storeId, account.customerId, now);
        const held = tierByKey(account.tier, tiers);
        const reached = tierForSpend(spend, tiers);
        await tx
          .update(loyaltyAccounts)
          .set({
            tier: reached.key,
            tierReviewAt: nextReviewAt(account.tierReviewAt!, now),
            updatedAt: now,
          })
          .where(eq(loyaltyAccounts.id, account.id));
        if (reached.thresholdMinor > held.thresholdMinor) {
          points += await grantTierReward(tx, {
            storeId: programme.storeId,
            account,
            tier: reached,
            now,
          });
        }
      }
      return { claimed: due.length, accounts: due.length, points };
    },
  );
}
