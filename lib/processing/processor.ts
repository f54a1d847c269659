import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { type WebhookEvent, webhookEvents } from "@/db/schema";
import { applyStripeEvent } from "@/lib/payments/apply-stripe-event";
import type { WhatsAppPlatformConfig } from "@/lib/whatsapp/channel";
import {
  type AppliedItem,
  applyStoredWhatsAppItem,
  ApplyError,
} from "@/lib/whatsapp/apply-stored-item";

/**
 * The processor (DESIGN §4.1): applies stored webhook items, each in its own transaction,
 * each exactly once, each lane (a customer of a business number) in the order the provider
 * timestamped its items. Safe with any number of processors at once — after() in every
 * serverless instance and overlapping ticks: a claim is a row lock taken with SKIP LOCKED,
 * and an item is only claimable when no earlier untried item of its lane is still pending,
 * so a second processor never overtakes the first inside a lane while other lanes proceed.
 */

export const MAX_WEBHOOK_ATTEMPTS = 8;

export function webhookRetryDelayMs(attempts: number): number {
  return Math.min(60 * 60_000, 15_000 * 2 ** Math.max(0, attempts - 1));
}

export type ProcessOptions = {
  config: WhatsAppPlatformConfig;
  /** Stop claiming new items after this time (ms since epoch). */
  deadline?: number;
  /** Only these lanes (the after() of a delivery applies what it stored). */
  lanes?: string[];
  /** "fresh": never tried; "retry": failed before and due again; default both. */
  only?: "fresh" | "retry";
  now?: () => Date;
  /** Tests: runs after an item's effects and before it is marked, inside its transaction. */
  afterApply?: (event: WebhookEvent) => Promise<void>;
};

export type ProcessReport = { applied: number; failed: number; gaveUp: number };

type Handler = (
  tx: Database,
  event: WebhookEvent,
  options: ProcessOptions,
  now: Date,
) => Promise<AppliedItem>;

const HANDLERS: Record<WebhookEvent["provider"], Handler> = {
  whatsapp: (tx, event, options, now) => applyStoredWhatsAppItem(tx, event, options.config, now),
  stripe: (tx, event, _options, now) => applyStripeEvent(tx, event, now),
};

const DEFAULT_BUDGET_MS = 10_000;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function claimNext(
  tx: Database,
  options: ProcessOptions,
  now: Date,
): Promise<WebhookEvent | null> {
  const lanes = options.lanes;
  const laneFilter =
    lanes && lanes.length > 0
      ? sql`and e.lane in (${sql.join(
          lanes.map((lane) => sql`${lane}`),
          sql`, `,
        )})`
      : sql``;
  const triedFilter =
    options.only === "fresh"
      ? sql`and e.attempts = 0`
      : options.only === "retry"
        ? sql`and e.attempts > 0`
        : sql``;
  const [event] = await tx
    .select()
    .from(webhookEvents)
    .where(
      sql`${webhookEvents.id} = (
        select e.id from ${webhookEvents} e
        where e.processed_at is null and e.next_attempt_at is not null and e.next_attempt_at <= ${now}
          ${laneFilter} ${triedFilter}
          and not exists (
            select 1 from ${webhookEvents} earlier
            where e.lane <> '' and earlier.lane = e.lane and earlier.processed_at is null
              and earlier.attempts = 0 and earlier.next_attempt_at is not null
              and (earlier.occurred_at, earlier.sequence) < (e.occurred_at, e.sequence)
          )
        order by e.next_attempt_at, e.sequence
        limit 1
        for update of e skip locked
      )`,
    );
  return event ?? null;
}

async function markApplied(tx: Database, event: WebhookEvent, applied: AppliedItem, now: Date) {
  await tx
    .update(webhookEvents)
    .set({
      processedAt: now,
      error: null,
      nextAttemptAt: null,
      note: applied.note,
      storeId: applied.storeId ?? event.storeId,
    })
    .where(sql`${webhookEvents.id} = ${event.id}`);
}

async function markFailed(tx: Database, event: WebhookEvent, error: unknown, now: Date) {
  const attempts = event.attempts + 1;
  const permanent = error instanceof ApplyError && error.permanent;
  const retry = !permanent && attempts < MAX_WEBHOOK_ATTEMPTS;
  await tx
    .update(webhookEvents)
    .set({
      error: errorText(error),
      attempts,
      nextAttemptAt: retry ? new Date(now.getTime() + webhookRetryDelayMs(attempts)) : null,
      ...(error instanceof ApplyError && error.storeId && { storeId: error.storeId }),
    })
    .where(sql`${webhookEvents.id} = ${event.id}`);
  const storeId = (error instanceof ApplyError && error.storeId) || event.storeId;
  if (!retry && !storeId) {
    // No store's dashboard will show it: the operator's log and /api/admin/inbox do.
    console.warn(
      `[processor] webhook item ${event.id} (${event.kind}) has no store: ${errorText(error)}`,
    );
  }
  return retry ? "failed" : "gaveUp";
}

/** Claims and applies one item; null when there is nothing claimable. */
async function processOne(
  db: Database,
  options: ProcessOptions,
): Promise<"applied" | "failed" | "gaveUp" | null> {
  const now = options.now?.() ?? new Date();
  return db.transaction(async (tx) => {
    const event = await claimNext(tx, options, now);
    if (!event) return null;
    try {
      // A savepoint: a failure rolls back the item's effects but keeps the claim to record it.
      const applied = await tx.transaction(async (savepoint) => {
        const result = await HANDLERS[event.provider](savepoint, event, options, now);
        try {
          await options.afterApply?.(event);
        } catch (error) {
          if (error instanceof ProcessorCrash) throw error;
          throw new ApplyError(errorText(error), result.storeId, false);
        }
        return result;
      });
      await markApplied(tx, event, applied, now);
      return "applied";
    } catch (error) {
      if (error instanceof ProcessorCrash) throw error;
      return markFailed(tx, event, error, now);
    }
  });
}

/** Tests: thrown from afterApply, it aborts the whole transaction as a killed process would. */
export class ProcessorCrash extends Error {
  override name = "ProcessorCrash";
}

/** Applies claimable items until none is left or the deadline passes. */
export async function processWebhookEvents(
  db: Database,
  options: ProcessOptions,
): Promise<ProcessReport> {
  const deadline = options.deadline ?? Date.now() + DEFAULT_BUDGET_MS;
  const report: ProcessReport = { applied: 0, failed: 0, gaveUp: 0 };
  while (Date.now() < deadline) {
    const outcome = await processOne(db, options);
    if (outcome === null) break;
    report[outcome]++;
  }
  return report;
}
