import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { rateLimitBuckets } from "@/db/schema";

export type RateLimitResult = { allowed: boolean; count: number; resetAt: Date };

/**
 * Fixed-window counter in Postgres: one atomic upsert per call, so it holds across
 * serverless instances and concurrent requests.
 */
export async function consumeRateLimit(
  db: Database,
  key: string,
  options: { limit: number; windowSeconds: number; now?: Date },
): Promise<RateLimitResult> {
  const now = options.now ?? new Date();
  const windowStart = new Date(now.getTime() - options.windowSeconds * 1000);
  const expired = sql`${rateLimitBuckets.windowStartedAt} <= ${windowStart.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(rateLimitBuckets)
    .values({ key, windowStartedAt: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimitBuckets.count} + 1 end`,
        windowStartedAt: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${rateLimitBuckets.windowStartedAt} end`,
      },
    })
    .returning({
      count: rateLimitBuckets.count,
      windowStartedAt: rateLimitBuckets.windowStartedAt,
    });
  if (!row) throw new Error("rate limit upsert returned no row");
  return {
    allowed: row.count <= options.limit,
    count: row.count,
    resetAt: new Date(row.windowStartedAt.getTime() + options.windowSeconds * 1000),
  };
}
