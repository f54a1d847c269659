import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { type FaqEntry, faqEntries } from "@/db/schema";
import type { FaqFields } from "./schemas";

/** The store's FAQ entries in the order the bot lists them. */
export function listFaqEntries(db: Database, storeId: string): Promise<FaqEntry[]> {
  return db
    .select()
    .from(faqEntries)
    .where(eq(faqEntries.storeId, storeId))
    .orderBy(asc(faqEntries.position), asc(faqEntries.createdAt), asc(faqEntries.id));
}

/** Adds an entry after the store's others (the bot's question list follows `position`). */
export async function createFaqEntry(
  db: Database,
  storeId: string,
  fields: FaqFields,
): Promise<FaqEntry> {
  const [entry] = await db
    .insert(faqEntries)
    .values({
      storeId,
      ...fields,
      position: sql`(select coalesce(max(${faqEntries.position}), -1) + 1 from ${faqEntries} where ${faqEntries.storeId} = ${storeId})`,
    })
    .returning();
  if (!entry) throw new Error("FAQ insert returned no row");
  return entry;
}

/** Changes one of the store's entries; another store's id changes nothing (null). */
export async function updateFaqEntry(
  db: Database,
  storeId: string,
  id: string,
  fields: FaqFields,
): Promise<FaqEntry | null> {
  const [entry] = await db
    .update(faqEntries)
    .set(fields)
    .where(and(eq(faqEntries.storeId, storeId), eq(faqEntries.id, id)))
    .returning();
  return entry ?? null;
}

/** Deletes one of the store's entries; false when the store has no such entry. */
export async function deleteFaqEntry(db: Database, storeId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(faqEntries)
    .where(and(eq(faqEntries.storeId, storeId), eq(faqEntries.id, id)))
    .returning({ id: faqEntries.id });
  return deleted.length > 0;
}
