import "server-only";
import type { Database } from "@/db/drivers";
import { deliverOutbox } from "@/lib/jobs/tick";
import type { WhatsAppPlatformConfig } from "@/lib/whatsapp/channel";
import { processWebhookEvents } from "./processor";

/** How long one drain may work before it leaves the rest to the next delivery or tick. */
export const AFTER_DELIVERY_BUDGET_MS = 10_000;
/** Lanes one pass of the processor is given (they become one `lane in (…)` list). */
const LANES_PER_PASS = 100;

/**
 * One drain per server instance. A delivery adds its lanes and joins the drain that is
 * running, or starts one; the drain applies pending lanes pass by pass and sends the replies.
 * Under a burst the requests therefore stay a signature check and one insert each, and the
 * instance applies items with one processor instead of one per request, so acknowledging
 * keeps the CPU it needs (DESIGN §6). Nothing here is state that matters: lanes the drain
 * does not reach are still pending in webhook_events, and tick applies them.
 */
const drain: { pending: Set<string>; running: Promise<void> | null } = {
  pending: new Set(),
  running: null,
};

function takeLanes(): string[] {
  const lanes = [...drain.pending].slice(0, LANES_PER_PASS);
  for (const lane of lanes) drain.pending.delete(lane);
  return lanes;
}

async function runDrain(db: Database, config: WhatsAppPlatformConfig): Promise<void> {
  const deadline = Date.now() + AFTER_DELIVERY_BUDGET_MS;
  try {
    while (drain.pending.size > 0 && Date.now() < deadline) {
      const report = await processWebhookEvents(db, { config, lanes: takeLanes(), deadline });
      if (report.applied > 0) await deliverOutbox(db, config, { deadline });
    }
  } finally {
    // Synchronously after the last check: a delivery arriving later starts a new drain.
    drain.running = null;
  }
}

/** Right after a webhook's response: apply what it stored (its lanes), then send replies. */
export function applyAndReply(
  db: Database,
  config: WhatsAppPlatformConfig,
  lanes: string[],
): Promise<void> {
  for (const lane of lanes) drain.pending.add(lane);
  // With lanes pending, runDrain reaches its first await before its finally, so the
  // assignment below happens before the drain can clear it.
  if (drain.pending.size === 0) return drain.running ?? Promise.resolve();
  drain.running ??= runDrain(db, config);
  return drain.running;
}
