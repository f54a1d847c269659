import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { recoveries, recoveryPrograms } from "@/db/schema";
import { readRecoverySettings } from "./settings";
import { cancelOpenSteps } from "./start";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Beyond any sequence: 30-day steps, waits and a 30-day attribution window. */
const LOST_LOOKBACK_MS = 120 * DAY_MS;

/**
 * The owner stops a recovery from the dashboard: stopped, its steps not yet decided
 * cancelled. Scoped by store; false when it is not this store's or not active. A step being
 * decided at that moment holds the recovery's row, so the two never interleave.
 */
export async function stopRecovery(
  db: Database,
  storeId: string,
  recoveryId: string,
  now: Date = new Date(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [stopped] = await tx
      .update(recoveries)
      .set({ status: "stopped", stopReason: "stopped_by_owner", endedAt: now, updatedAt: now })
      .where(
        and(
          eq(recoveries.storeId, storeId),
          eq(recoveries.id, recoveryId),
          eq(recoveries.status, "active"),
        ),
      )
      .returning({ id: recoveries.id });
    if (!stopped) return false;
    await cancelOpenSteps(tx, stopped.id, "stopped_by_owner", now);
    return true;
  });
}

/**
 * Active recoveries whose steps are all decided and whose last step is older than the
 * store's attribution window end as `lost` (a payment can no longer be attributed).
 * Per store, over the (store, abandoned_at) index, bounded below.
 */
export async function endLostRecoveries(
  db: Database,
  options: { now?: () => Date } = {},
): Promise<{ lost: number }> {
  const now = (options.now ?? (() => new Date()))();
  const programs = await db
    .select({ storeId: recoveryPrograms.storeId, settings: recoveryPrograms.settings })
    .from(recoveryPrograms);
  let lost = 0;
  for (const program of programs) {
    const { attributionDays } = readRecoverySettings(program.settings);
    const decidedBefore = new Date(now.getTime() - attributionDays * DAY_MS);
    const ended = await db
      .update(recoveries)
      .set({ status: "lost", endedAt: now, updatedAt: now })
      .where(
        and(
          eq(recoveries.storeId, program.storeId),
          eq(recoveries.status, "active"),
          sql`${recoveries.abandonedAt} > ${new Date(now.getTime() - LOST_LOOKBACK_MS)}`,
          sql`${recoveries.abandonedAt} <= ${decidedBefore}`,
          sql`not exists (select 1 from recovery_steps s where s.recovery_id = ${recoveries.id}
            and (s.status in ('scheduled', 'waiting') or s.decided_at > ${decidedBefore}))`,
        ),
      )
      .returning({ id: recoveries.id });
    lost += ended.length;
  }
  return { lost };
}
