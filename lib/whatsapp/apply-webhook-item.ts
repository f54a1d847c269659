import type { Database } from "@/db/drivers";
import { applyTemplateStatusUpdate } from "@/lib/bot-settings/template-status";
import { applyBusinessEcho, applyCustomerPreference } from "@/lib/conversations/business-items";
import { applyInboundMessage, type ChatStore } from "@/lib/conversations/inbound";
import { applyStatus } from "./apply-status";
import type { ApplicableItem, WebhookItem } from "./webhook-items";

/**
 * One stored inbox item → its effect. Switch on the kind so TypeScript narrows each case.
 * Returns a note when the item was valid but changed nothing (shown with the event).
 */
export async function applyWebhookItem(
  tx: Database,
  store: ChatStore,
  item: ApplicableItem,
  now: Date,
): Promise<string | null> {
  switch (item.kind) {
    case "message":
      return applyInboundMessage(tx, store, item, now);
    case "status":
      await applyStatus(tx, store.id, item);
      return null;
    case "echo":
      return applyBusinessEcho(tx, store, item, now);
    case "preference":
      return applyCustomerPreference(tx, store, item);
    case "template_status":
      return applyTemplateStatusUpdate(tx, store.id, { ...item, at: now });
  }
}

/** Why an item is stored as failed without being applied, or null when it can be applied. */
export function rejectionOf(
  item: Exclude<WebhookItem, { kind: "ignored" }>,
  store: ChatStore | null,
  phoneNumberId: string | null,
): string | null {
  if (item.kind === "error") {
    const summary = item.errors.map((error) => `${error.code} ${error.title}`).join("; ");
    return `WhatsApp reported: ${summary || "an unspecified error"}`;
  }
  if (store) return null;
  if (item.kind === "template_status") {
    // A review names only the business account; it is applied where a store's own webhook
    // URL (?store=<slug>) says whose account it is.
    return `Template review for account ${item.accountId} came without ?store=; no store to apply it to`;
  }
  return `Unknown phone_number_id ${phoneNumberId ?? "(none)"}`;
}
