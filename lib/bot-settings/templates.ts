import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { type MessageTemplate, messageTemplates } from "@/db/schema";
import type { TemplateFields } from "./schemas";

export type TemplateWriteResult =
  { ok: true; template: MessageTemplate } | { ok: false; fieldErrors: Record<string, string[]> };

/** The store's templates by name, then language. */
export function listMessageTemplates(db: Database, storeId: string): Promise<MessageTemplate[]> {
  return db
    .select()
    .from(messageTemplates)
    .where(eq(messageTemplates.storeId, storeId))
    .orderBy(asc(messageTemplates.name), asc(messageTemplates.language));
}

/**
 * Records a template the store has had approved. Meta names a template by name and
 * language, so a second one with both the same loses to the unique constraint.
 */
export async function createMessageTemplate(
  db: Database,
  storeId: string,
  fields: TemplateFields,
): Promise<TemplateWriteResult> {
  const [template] = await db
    .insert(messageTemplates)
    .values({ storeId, ...fields })
    .onConflictDoNothing({
      target: [messageTemplates.storeId, messageTemplates.name, messageTemplates.language],
    })
    .returning();
  if (!template) {
    return {
      ok: false,
      fieldErrors: { name: ["The store already has a template with this name in this language"] },
    };
  }
  return { ok: true, template };
}

/** Deletes one of the store's templates; false when the store has no such template. */
export async function deleteMessageTemplate(
  db: Database,
  storeId: string,
  id: string,
): Promise<boolean> {
  const deleted = await db
    .delete(messageTemplates)
    .where(and(eq(messageTemplates.storeId, storeId), eq(messageTemplates.id, id)))
    .returning({ id: messageTemplates.id });
  return deleted.length > 0;
}
