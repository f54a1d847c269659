import "server-only";
import type { Database } from "@/db/drivers";
import { deliverOutbox } from "@/lib/jobs/tick";
import type { WhatsAppPlatformConfig } from "@/lib/whatsapp/channel";
import { processWebhookEvents } from "./processor";

/** How long a delivery's after() may work; tick picks up the rest. */
export const AFTER_DELIVERY_BUDGET_MS = 10_000;

/** Right after a webhook's response: apply what it stored (its lanes only), then send replies. */
export async function applyAndReply(
  db: Database,
  config: WhatsAppPlatformConfig,
  lanes: string[],
): Promise<void> {
  const deadline = Date.now() + AFTER_DELIVERY_BUDGET_MS;
  const report = await processWebhookEvents(db, { config, lanes, deadline });
  if (report.applied > 0) {
    await deliverOutbox(db, config, { deadline: Date.now() + AFTER_DELIVERY_BUDGET_MS });
  }
}
