import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { type MessageTemplate, messageTemplates } from "@/db/schema";
import { matchLanguage } from "@/lib/i18n/languages";

type TemplateStatus = MessageTemplate["status"];

/** Meta's message_template_status_update events and the status each leaves a template in. */
const STATUS_BY_EVENT: Record<string, TemplateStatus> = {
  APPROVED: "approved",
  REINSTATED: "approved",
  PENDING: "pending",
  IN_APPEAL: "pending",
  REJECTED: "rejected",
  PAUSED: "paused",
  DISABLED: "disabled",
  PENDING_DELETION: "disabled",
  DELETED: "disabled",
};

export type TemplateStatusUpdate = {
  name: string;
  /** Meta's code ("en_US", "ja", "zh_CN"); our templates are stored by shopper language. */
  language: string;
  event: string;
  reason: string | null;
  at: Date;
};

/**
 * Records Meta's review of one of the store's templates, so the inbox offers only approved
 * ones. Returns a note when the event or the template is not one the store has.
 */
export async function applyTemplateStatusUpdate(
  db: Database,
  storeId: string,
  update: TemplateStatusUpdate,
): Promise<string | null> {
  const status = STATUS_BY_EVENT[update.event.toUpperCase()];
  if (!status) return `Template event "${update.event}" does not change what can be sent`;
  // Meta says "NONE" where there is no reason.
  const reason = update.reason && update.reason !== "NONE" ? update.reason : null;
  const languages = [...new Set([update.language, matchLanguage(update.language)])].filter(
    (language) => language !== null,
  );
  for (const language of languages) {
    const updated = await db
      .update(messageTemplates)
      .set({ status, statusReason: reason, statusUpdatedAt: update.at })
      .where(
        and(
          eq(messageTemplates.storeId, storeId),
          eq(messageTemplates.name, update.name),
          eq(messageTemplates.language, language),
        ),
      )
      .returning({ id: messageTemplates.id });
    if (updated.length > 0) return null;
  }
  return `No template ${update.name} (${update.language}) in this store`;
}
