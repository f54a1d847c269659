import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { loyaltyPrograms, stores } from "@/db/schema";
import { type LoyaltyRules, readLoyaltyRules } from "./rules";

export type Programme = {
  storeId: string;
  enabled: boolean;
  name: string;
  currency: string;
  timezone: string;
  rules: LoyaltyRules;
  /** False until the owner first saves the programme: the defaults are shown. */
  saved: boolean;
};

/** "Kyoto Tea Points": what a store's programme is called until the owner names it. */
export function defaultProgrammeName(storeName: string): string {
  return `${storeName} Points`;
}

const programmeColumns = {
  storeId: stores.id,
  storeName: stores.name,
  currency: stores.currency,
  timezone: stores.timezone,
  enabled: loyaltyPrograms.enabled,
  name: loyaltyPrograms.name,
  rules: loyaltyPrograms.rules,
};

function programmeOf(row: {
  storeId: string;
  storeName: string;
  currency: string;
  timezone: string;
  enabled: boolean | null;
  name: string | null;
  rules: Record<string, unknown> | null;
}): Programme {
  return {
    storeId: row.storeId,
    enabled: row.enabled ?? false,
    name: row.name ?? defaultProgrammeName(row.storeName),
    currency: row.currency,
    timezone: row.timezone,
    rules: readLoyaltyRules(row.rules, row.currency),
    saved: row.enabled !== null,
  };
}

/**
 * The store's programme as it is now (rules are read at each activity, so a change
 * applies to new activity only). Off, with the currency's defaults, until first saved;
 * null for an unknown store.
 */
export async function loadProgramme(db: Database, storeId: string): Promise<Programme | null> {
  const [row] = await db
    .select(programmeColumns)
    .from(stores)
    .leftJoin(loyaltyPrograms, eq(loyaltyPrograms.storeId, stores.id))
    .where(eq(stores.id, storeId));
  return row ? programmeOf(row) : null;
}

/** Every programme that is on: the stores tick's loyalty jobs work for. */
export async function loadEnabledProgrammes(db: Database): Promise<Programme[]> {
  const rows = await db
    .select(programmeColumns)
    .from(loyaltyPrograms)
    .innerJoin(stores, eq(stores.id, loyaltyPrograms.storeId))
    .where(eq(loyaltyPrograms.enabled, true))
    .orderBy(asc(loyaltyPrograms.storeId));
  return rows.map(programmeOf);
}
