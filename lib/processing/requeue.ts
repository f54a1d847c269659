import "server-only";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { webhookEvents } from "@/db/schema";

/**
 * "Retry" from the dashboard's failed events: the item becomes pending again with a fresh
 * set of attempts, and the processor re-applies its stored raw payload through today's code.
 * Only the store's own items that have not been applied can be requeued.
 */
export async function requeueWebhookEvent(
  db: Database,
  storeId: string,
  eventId: string,
  now: Date = new Date(),
): Promise<{ ok: true; lane: string } | { ok: false; reason: string }> {
  const [row] = await db
    .update(webhookEvents)
    .set({ attempts: 0, nextAttemptAt: now })
    .where(
      and(
        eq(webhookEvents.id, eventId),
        eq(webhookEvents.storeId, storeId),
        isNull(webhookEvents.processedAt),
        isNotNull(webhookEvents.error),
      ),
    )
    .returning({ lane: webhookEvents.lane });
  return row ? { ok: true, lane: row.lane } : { ok: false, reason: "Not found or already applied" };
}
