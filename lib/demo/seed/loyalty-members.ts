import "server-only";
import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { customers, loyaltyAccounts } from "@/db/schema";
import { ensureAccount, postLedgerEntry } from "@/lib/loyalty/ledger";

const DAY = 86_400_000;

/**
 * A few demo customers who joined the (still switched off) programme, each with the joining
 * bonus, so the Loyalty page has members from the start. Idempotent by cause key
 * (`signup:<account>`, the same one joining uses), so a fuller loyalty seed can run as well.
 */
export async function seedLoyaltyMembers(tx: Database, storeId: string, now: Date, count = 3) {
  const people = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.storeId, storeId), isNotNull(customers.name)))
    .orderBy(asc(customers.createdAt), asc(customers.id))
    .limit(count);
  for (const [index, person] of people.entries()) {
    const joinedAt = new Date(now.getTime() - (30 + index * 7) * DAY);
    const account = await ensureAccount(tx, storeId, person.id, joinedAt);
    await tx
      .update(loyaltyAccounts)
      .set({ joinedAt, lastActivityAt: joinedAt })
      .where(and(eq(loyaltyAccounts.id, account.id), isNull(loyaltyAccounts.joinedAt)));
    await postLedgerEntry(tx, {
      storeId,
      account,
      delta: 100,
      reason: "signup",
      causeKey: `signup:${account.id}`,
      now: joinedAt,
    });
  }
}
