import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { loyaltyAccounts } from "@/db/schema";
import { isValidBirthday } from "./birthday-date";

export type SaveBirthdayResult = { ok: true } | { ok: false; reason: "invalid" | "not_member" };

/**
 * Keeps a member's birthday, month and day only (no year: nothing else is needed for the
 * birthday bonus, so nothing else is stored). A date that does not exist is refused.
 */
export async function saveBirthday(
  db: Database,
  input: { storeId: string; customerId: string; month: number; day: number; now: Date },
): Promise<SaveBirthdayResult> {
  if (!isValidBirthday(input.month, input.day)) return { ok: false, reason: "invalid" };
  const saved = await db
    .update(loyaltyAccounts)
    .set({ birthdayMonth: input.month, birthdayDay: input.day, updatedAt: input.now })
    .where(
      and(
        eq(loyaltyAccounts.storeId, input.storeId),
        eq(loyaltyAccounts.customerId, input.customerId),
        isNotNull(loyaltyAccounts.joinedAt),
      ),
    )
    .returning({ id: loyaltyAccounts.id });
  return saved.length > 0 ? { ok: true } : { ok: false, reason: "not_member" };
}
