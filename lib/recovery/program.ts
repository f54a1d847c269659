import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { recoveryPrograms, stores } from "@/db/schema";
import { readRecoverySettings, type RecoverySettings } from "./settings";

export type RecoveryProgram = {
  storeId: string;
  enabled: boolean;
  currency: string;
  timezone: string;
  defaultLanguage: string;
  settings: RecoverySettings;
  /** False until the owner first saves the sequence: the defaults are shown. */
  saved: boolean;
};

/**
 * The store's recovery sequence as it is now (settings are read at each step, so a change
 * applies to steps not yet decided). Off, with the defaults, until first saved; null for an
 * unknown store.
 */
export async function loadRecoveryProgram(
  db: Database,
  storeId: string,
): Promise<RecoveryProgram | null> {
  const [row] = await db
    .select({
      currency: stores.currency,
      timezone: stores.timezone,
      defaultLanguage: stores.defaultLanguage,
      enabled: recoveryPrograms.enabled,
      settings: recoveryPrograms.settings,
    })
    .from(stores)
    .leftJoin(recoveryPrograms, eq(recoveryPrograms.storeId, stores.id))
    .where(eq(stores.id, storeId));
  if (!row) return null;
  return {
    storeId,
    enabled: row.enabled ?? false,
    currency: row.currency,
    timezone: row.timezone,
    defaultLanguage: row.defaultLanguage,
    settings: readRecoverySettings(row.settings),
    saved: row.enabled !== null,
  };
}
