import "server-only";
import type { Database } from "@/db/drivers";
import { loyaltyPrograms } from "@/db/schema";
import type { ProgrammeInput } from "./rules-form";

/**
 * Stores the programme (on/off, name, rules) for `storeId`. Nothing already in the ledger
 * is recomputed: rules are read at each activity, so a change applies to new activity only.
 */
export async function saveProgramme(
  db: Database,
  storeId: string,
  input: ProgrammeInput,
  memberId: string,
  now = new Date(),
): Promise<void> {
  const values = {
    enabled: input.enabled,
    name: input.name,
    rules: input.rules as unknown as Record<string, unknown>,
    updatedBy: memberId,
    updatedAt: now,
  };
  await db
    .insert(loyaltyPrograms)
    .values({ storeId, ...values, createdAt: now })
    .onConflictDoUpdate({ target: loyaltyPrograms.storeId, set: values });
}
