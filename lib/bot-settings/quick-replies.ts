import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { type QuickReply, quickReplies } from "@/db/schema";
import type { QuickReplyFields } from "./schemas";

/** The store's quick replies, alphabetically by title (how an agent looks for one). */
export function listQuickReplies(db: Database, storeId: string): Promise<QuickReply[]> {
  return db
    .select()
    .from(quickReplies)
    .where(eq(quickReplies.storeId, storeId))
    .orderBy(asc(quickReplies.title), asc(quickReplies.createdAt));
}

export async function createQuickReply(
  db: Database,
  storeId: string,
  fields: QuickReplyFields,
): Promise<QuickReply> {
  const [reply] = await db
    .insert(quickReplies)
    .values({ storeId, ...fields })
    .returning();
  if (!reply) throw new Error("quick reply insert returned no row");
  return reply;
}

/** Deletes one of the store's quick replies; false when the store has no such reply. */
export async function deleteQuickReply(
  db: Database,
  storeId: string,
  id: string,
): Promise<boolean> {
  const deleted = await db
    .delete(quickReplies)
    .where(and(eq(quickReplies.storeId, storeId), eq(quickReplies.id, id)))
    .returning({ id: quickReplies.id });
  return deleted.length > 0;
}
