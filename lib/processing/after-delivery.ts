import "server-only";
import type { Database } from "@/db/drivers";
import { deliverOutbox } from "@/lib/jobs/tick";
import type { WhatsAppPlatformConfig } from "@/lib/whatsapp/channel";
import { processWebhookEvents } from "./processor";

/** How long a delivery's after() waits for the drain; the drain itself goes on while it has work. */
export const AFTER_DELIVERY_BUDGET_MS = 10_000;
/** How long one pass of the processor may take before the drain looks at new lanes. */
const PASS_BUDGET_MS = 5_000;
/** Lanes one pass of the processor is given (they become one `lane in (…)` list). */
const LANES_PER_PASS = 100;
/**
 * Processors one drain runs side by side over a pass's lanes.
 * Applying is mostly waiting for the database, so a few overlap well; they share the claim
 * (SKIP LOCKED and the lane rule), so each item is still applied once and in order.
 */
export const DRAIN_WORKERS = 4;

function sideBySide<T>(work: () => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: DRAIN_WORKERS }, work));
}

/**
 * One drain per server instance. A delivery adds its lanes and joins the drain that is
 * running, or starts one; the drain applies pending lanes pass by pass and sends the replies.
 * Under a burst the requests therefore stay a signature check and one insert each, and the
 * instance applies items with a fixed few processors (DRAIN_WORKERS) instead of one per
 * request, so acknowledging keeps the CPU it needs (DESIGN §6). The drain goes on until its lanes are applied; each
 * after() waits for it at most AFTER_DELIVERY_BUDGET_MS. Nothing here is state that matters:
 * where an instance is frozen or recycled, its lanes are still pending in webhook_events and
 * tick applies them.
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
  try {
    while (drain.pending.size > 0) {
      const lanes = takeLanes();
      const deadline = Date.now() + PASS_BUDGET_MS;
      const reports = await sideBySide(() => processWebhookEvents(db, { config, lanes, deadline }));
      // A pass that ran out of time leaves its lanes for the next pass.
      if (Date.now() >= deadline) for (const lane of lanes) drain.pending.add(lane);
      // The outbox sends its claimed batch concurrently already.
      if (reports.some((report) => report.applied > 0))
        await deliverOutbox(db, config, { deadline: Date.now() + PASS_BUDGET_MS });
    }
  } finally {
    // Synchronously after the last check: a delivery arriving later starts a new drain.
    drain.running = null;
  }
}

/** The instance's running drain, if any (the same one for every delivery while it runs). */
export function activeDrain(): Promise<void> | null {
  return drain.running;
}

/**
 * Right after a webhook's response: adds the delivery's lanes to the instance's drain (or
 * starts one) and waits for it to finish, at most `waitMs`.
 */
export function applyAndReply(
  db: Database,
  config: WhatsAppPlatformConfig,
  lanes: string[],
  waitMs: number = AFTER_DELIVERY_BUDGET_MS,
): Promise<void> {
  for (const lane of lanes) drain.pending.add(lane);
  // With lanes pending, runDrain reaches its first await before its finally clears this.
  if (drain.pending.size > 0) drain.running ??= runDrain(db, config);
  if (!drain.running) return Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
  return Promise.race([drain.running, waited]).finally(() => clearTimeout(timer));
}
