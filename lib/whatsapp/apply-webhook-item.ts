import type { Database } from "@/db/drivers";
import { applyInboundMessage, type ChatStore } from "@/lib/conversations/inbound";
import { applyStatus } from "./apply-status";
import type { WebhookItem } from "./webhook-payload";

/** One stored inbox item → its effect. Switch on the kind so TypeScript narrows each case. */
export async function applyWebhookItem(
  tx: Database,
  store: ChatStore | null,
  item: Extract<WebhookItem, { kind: "message" | "status" }>,
  now: Date,
): Promise<void> {
  switch (item.kind) {
    case "message":
      if (!store) throw new Error("no store for this message");
      return applyInboundMessage(tx, store, item, now);
    case "status":
      if (!store) throw new Error("no store for this status");
      return applyStatus(tx, store.id, item);
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
  return store ? null : `Unknown phone_number_id ${phoneNumberId ?? "(none)"}`;
}
