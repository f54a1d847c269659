import type { Database } from "@/db/drivers";
import type { WhatsAppPlatformConfig } from "@/lib/whatsapp/channel";
import { retryWebhookEvents } from "@/lib/whatsapp/receive-webhook";
import { sandboxStatusReporter } from "@/lib/whatsapp/sandbox";
import { type DrainReport, drainOutbox } from "@/lib/whatsapp/send-outbox";

export type TickReport = { outbox: DrainReport; webhooks: { retried: number; succeeded: number } };

/** Sends what the outbox holds for the WhatsApp platform, sandbox statuses included. */
export function deliverOutbox(db: Database, config: WhatsAppPlatformConfig): Promise<DrainReport> {
  return drainOutbox(db, { config, onSandboxSent: sandboxStatusReporter(db, config) });
}

/**
 * Scheduled work (DESIGN §5), from /api/cron/tick every minute and an interval in
 * `npm run dev`. Safe to run concurrently: every step claims its rows with SKIP LOCKED.
 */
export async function tick(db: Database, config: WhatsAppPlatformConfig): Promise<TickReport> {
  const webhooks = await retryWebhookEvents(db, config);
  const outbox = await deliverOutbox(db, config);
  return { outbox, webhooks };
}
