import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { type MessageTemplate, messageTemplates, type QuickReply, quickReplies } from "@/db/schema";

export type QuickReplyOption = Pick<QuickReply, "id" | "title" | "body">;
export type TemplateOption = Pick<
  MessageTemplate,
  "id" | "name" | "language" | "category" | "body" | "variableCount"
>;

/** The store's quick replies (owner-written snippets an agent inserts into a reply). */
export function listQuickReplies(db: Database, storeId: string): Promise<QuickReplyOption[]> {
  return db
    .select({ id: quickReplies.id, title: quickReplies.title, body: quickReplies.body })
    .from(quickReplies)
    .where(eq(quickReplies.storeId, storeId))
    .orderBy(asc(quickReplies.title), asc(quickReplies.id))
    .limit(100);
}

/**
 * The store's templates that Meta has approved: the only messages allowed outside the
 * 24-hour window. Pending, rejected, paused and disabled ones are not offered.
 */
export function listMessageTemplates(db: Database, storeId: string): Promise<TemplateOption[]> {
  return db
    .select({
      id: messageTemplates.id,
      name: messageTemplates.name,
      language: messageTemplates.language,
      category: messageTemplates.category,
      body: messageTemplates.body,
      variableCount: messageTemplates.variableCount,
    })
    .from(messageTemplates)
    .where(and(eq(messageTemplates.storeId, storeId), eq(messageTemplates.status, "approved")))
    .orderBy(asc(messageTemplates.name), asc(messageTemplates.language))
    .limit(100);
}
