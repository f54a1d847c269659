import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { events, outbox, rateLimitBuckets, webhookEvents } from "@/db/schema";

/**
 * Prunes what only matters for a while (DESIGN §5): applied webhook items (raw payloads kept
 * for replay), delivered outbox rows, rate-limit windows long past, old analytics events.
 * Messages, orders and failed or pending items are never pruned here. Each table loses at
 * most `batch` rows per run, so one run stays short and a backlog drains across ticks.
 */

export type RetentionPolicy = {
  webhookDays: number;
  outboxDays: number;
  eventsDays: number;
  /** Rate-limit buckets older than this are expired (longer than any window in lib/rate-limit). */
  rateLimitHours?: number;
  batch?: number;
};

export type PruneReport = {
  webhookEvents: number;
  outbox: number;
  rateLimits: number;
  events: number;
};

const DAY_MS = 86_400_000;

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

async function deleted(db: Database, query: ReturnType<typeof sql>): Promise<number> {
  const result = await db.execute(query);
  return (result as unknown as { rows: unknown[] }).rows.length;
}

export async function pruneRetained(
  db: Database,
  policy: RetentionPolicy,
  now: Date = new Date(),
): Promise<PruneReport> {
  const batch = policy.batch ?? 1_000;
  const webhookCutoff = daysBefore(now, policy.webhookDays);
  const outboxCutoff = daysBefore(now, policy.outboxDays);
  const eventsCutoff = daysBefore(now, policy.eventsDays);
  const bucketCutoff = new Date(now.getTime() - (policy.rateLimitHours ?? 48) * 3_600_000);
  return {
    webhookEvents: await deleted(
      db,
      sql`delete from ${webhookEvents} where id in (
        select id from ${webhookEvents} where processed_at is not null and processed_at < ${webhookCutoff}
        order by processed_at limit ${batch}) returning id`,
    ),
    outbox: await deleted(
      db,
      sql`delete from ${outbox} where id in (
        select id from ${outbox} where sent_at is not null and sent_at < ${outboxCutoff}
        order by sent_at limit ${batch}) returning id`,
    ),
    rateLimits: await deleted(
      db,
      sql`delete from ${rateLimitBuckets} where key in (
        select key from ${rateLimitBuckets} where window_started_at < ${bucketCutoff}
        order by window_started_at limit ${batch}) returning key as id`,
    ),
    // Ids grow with time: the oldest rows come first in the primary key, no extra index needed.
    events: await deleted(
      db,
      sql`delete from ${events} where id in (
        select id from ${events} where created_at < ${eventsCutoff} order by id limit ${batch})
        returning id`,
    ),
  };
}
