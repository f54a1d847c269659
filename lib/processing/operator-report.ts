import "server-only";
import { and, count, desc, isNotNull, isNull, like, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { webhookEvents } from "@/db/schema";

export type OperatorInboxReport = {
  pending: number;
  /** Given up: shown in the owning store's failed events. */
  failed: number;
  /** Stored, not applied, and no store owns them: only the operator sees these. */
  unroutable: number;
  /** Acknowledged and counted, never applied (other objects), in the last 24 hours. */
  ignoredLastDay: number;
  newestUnroutable: { id: string; kind: string; error: string | null; receivedAt: Date }[];
};

/** The platform operator's view of the inbox (GET /api/admin/inbox): counts, never payloads. */
export async function operatorInboxReport(
  db: Database,
  now: Date = new Date(),
): Promise<OperatorInboxReport> {
  const unapplied = isNull(webhookEvents.processedAt);
  const countWhere = async (where: ReturnType<typeof and>) =>
    (await db.select({ n: count() }).from(webhookEvents).where(where))[0]?.n ?? 0;
  const dayAgo = new Date(now.getTime() - 86_400_000);
  return {
    pending: await countWhere(and(unapplied, isNotNull(webhookEvents.nextAttemptAt))),
    failed: await countWhere(
      and(unapplied, isNull(webhookEvents.nextAttemptAt), isNotNull(webhookEvents.storeId)),
    ),
    unroutable: await countWhere(and(unapplied, isNull(webhookEvents.storeId))),
    ignoredLastDay: await countWhere(
      and(like(webhookEvents.kind, "ignored%"), sql`${webhookEvents.receivedAt} >= ${dayAgo}`),
    ),
    newestUnroutable: await db
      .select({
        id: webhookEvents.id,
        kind: webhookEvents.kind,
        error: webhookEvents.error,
        receivedAt: webhookEvents.receivedAt,
      })
      .from(webhookEvents)
      .where(and(unapplied, isNull(webhookEvents.storeId)))
      .orderBy(desc(webhookEvents.receivedAt))
      .limit(20),
  };
}
