import "server-only";
import { z } from "zod";
import type { Database } from "@/db/drivers";
import { processWebhookEvents } from "@/lib/processing/processor";
import { requeueWebhookEvent } from "@/lib/processing/requeue";
import type { WhatsAppPlatformConfig } from "@/lib/whatsapp/channel";

export const failedEventIdSchema = z.object({ eventId: z.uuid("Unknown event") });

export type RetryOutcome =
  { ok: true; applied: boolean; error: string | null } | { ok: false; reason: string };

/**
 * "Retry" on a failed event: requeue it (this store's only) and apply it at once through
 * today's code. If it fails again it stays on the list with the new error.
 */
export async function retryFailedWebhookEvent(
  db: Database,
  storeId: string,
  eventId: string,
  config: WhatsAppPlatformConfig,
): Promise<RetryOutcome> {
  const requeued = await requeueWebhookEvent(db, storeId, eventId);
  if (!requeued.ok) return requeued;
  const report = await processWebhookEvents(db, {
    config,
    lanes: [requeued.lane],
    deadline: Date.now() + 10_000,
  });
  if (report.applied > 0 && report.failed + report.gaveUp === 0) {
    return { ok: true, applied: true, error: null };
  }
  return { ok: true, applied: false, error: "It failed again; the new error is shown." };
}
