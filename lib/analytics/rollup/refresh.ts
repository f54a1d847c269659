import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { dayOf, dayStart } from "./local-days";
import {
  ACTIVITY_COLUMNS,
  daysOf,
  PRODUCT_COLUMNS,
  rawActivityDays,
  rawProductDays,
} from "./raw-days";

export type RollupRefreshReport = {
  /** Stores whose rollups were built from scratch (new, or their time zone changed). */
  built: number;
  /** Stores whose changed days were recomputed. */
  refreshed: number;
  days: number;
  /** Stores left for the next tick (deadline reached, or another tick holds them). */
  left: number;
  /** Stores whose refresh failed (logged); the next tick tries again. */
  failed: number;
};

const rowsOf = <Row>(result: unknown) => (result as { rows: Row[] }).rows;

/**
 * The analytics rollups' job in `tick`: for every store with change rows (or whose rollups
 * are not built in its current time zone), recompute the local days those rows name from the
 * raw rows, a batch of days per transaction, until none are left or the deadline passes.
 * Idempotent, and safe beside other ticks: a store's state row is claimed with SKIP LOCKED,
 * and a change row is deleted before its day is recomputed, so a write committed meanwhile
 * leaves its own change row for the next batch (and readers compute that day from the raw
 * rows until then).
 */
export async function refreshAnalyticsRollups(
  db: Database,
  options: { deadline?: number } = {},
): Promise<RollupRefreshReport> {
  // Rows of stores deleted since (their orders' triggers wrote them on the way out).
  await db.execute(sql`delete from analytics_changes c
    where not exists (select 1 from stores s where s.id = c.store_id)`);
  // Least recently refreshed first, so a store that keeps failing cannot starve the others.
  const due = rowsOf<{ id: string }>(
    await db.execute(sql`
      select s.id from stores s
      left join analytics_rollup_state r on r.store_id = s.id
      where r.store_id is null or r.timezone <> s.timezone
        or exists (select 1 from analytics_changes c where c.store_id = s.id)
      order by r.refreshed_at nulls first, s.id`),
  );
  const report: RollupRefreshReport = { built: 0, refreshed: 0, days: 0, left: 0, failed: 0 };
  for (const { id } of due) {
    if (options.deadline !== undefined && Date.now() >= options.deadline) {
      report.left += 1;
      continue;
    }
    let outcome: StoreRefresh;
    try {
      outcome = await refreshStoreRollups(db, id, options);
    } catch (error) {
      // One store's failure must not hold up the others; its days stay raw (still exact).
      console.error(`[analytics] rollups of store ${id} failed`, error);
      report.failed += 1;
      continue;
    }
    if (outcome.built) report.built += 1;
    else if (outcome.days > 0) report.refreshed += 1;
    report.days += outcome.days;
    if (!outcome.done) report.left += 1;
  }
  return report;
}

/** Days recomputed per transaction: a month of a busy store is a second or so. */
const BATCH_DAYS = 31;

export type StoreRefresh = {
  /** Its rollups were started over (new store, or its time zone changed). */
  built: boolean;
  days: number;
  /** No change row was left; false when another tick holds the store or time ran out. */
  done: boolean;
};

/** One store's rollups brought up to date, a batch of days per transaction. */
export async function refreshStoreRollups(
  db: Database,
  storeId: string,
  options: { deadline?: number } = {},
): Promise<StoreRefresh> {
  const total: StoreRefresh = { built: false, days: 0, done: false };
  for (;;) {
    const step = await db.transaction(async (tx) => {
      await tx.execute(sql`insert into analytics_rollup_state (store_id, timezone)
        values (${storeId}, '') on conflict (store_id) do nothing`);
      const [state] = rowsOf<{ built_in: string; timezone: string }>(
        await tx.execute(sql`
          select r.timezone as built_in, s.timezone from analytics_rollup_state r
          join stores s on s.id = r.store_id
          where r.store_id = ${storeId}
          for update of r skip locked`),
      );
      if (!state) return null;
      const tz = state.timezone;
      const built = state.built_in !== tz;
      if (built) await startOver(tx, storeId, tz);
      const days = await takeChangedDays(tx, storeId, tz);
      if (days.length > 0) await replaceDays(tx, storeId, tz, days);
      await tx.execute(
        sql`update analytics_rollup_state set refreshed_at = now() where store_id = ${storeId}`,
      );
      const [more] = rowsOf<{ more: boolean }>(
        await tx.execute(sql`select exists (select 1 from analytics_changes
          where store_id = ${storeId}) as more`),
      );
      return { built, days: days.length, more: Boolean(more?.more) };
    });
    if (!step) return total;
    total.built ||= step.built;
    total.days += step.days;
    if (!step.more) return { ...total, done: true };
    if (options.deadline !== undefined && Date.now() >= options.deadline) return total;
  }
}

/**
 * Rollups started over in `timezone`: every row dropped and a change row written for every
 * local day from the store's first activity to its last (or today), so readers compute those
 * days from the raw rows until the batches have rolled them up again.
 */
async function startOver(tx: Database, storeId: string, timezone: string): Promise<void> {
  for (const table of ["analytics_activity_days", "analytics_product_days", "analytics_changes"])
    await tx.execute(sql`delete from ${sql.raw(table)} where store_id = ${storeId}`);
  const bound = (fn: "min" | "max") =>
    sql.join(
      [
        ["clicks", "created_at"],
        ["conversations", "created_at"],
        ["orders", "created_at"],
        ["orders", "paid_at"],
      ].map(
        ([table, column]) =>
          sql`(select ${sql.raw(`${fn}(${column})`)} from ${sql.raw(table!)} where store_id = ${storeId})`,
      ),
      sql`, `,
    );
  await tx.execute(sql`insert into analytics_changes (store_id, at)
    select ${storeId}, ${dayStart(timezone, sql`g::date`)}
    from generate_series(${dayOf(timezone, sql`least(${bound("min")}, now())`)},
      ${dayOf(timezone, sql`greatest(${bound("max")}, now())`)}, interval '1 day') g`);
  await tx.execute(sql`update analytics_rollup_state
    set timezone = ${timezone}, built_at = now() where store_id = ${storeId}`);
}

/** Takes the change rows of the earliest BATCH_DAYS days that have any; returns those days. */
async function takeChangedDays(tx: Database, storeId: string, timezone: string) {
  const rows = rowsOf<{ day: string }>(
    await tx.execute(sql`
      with bound as (
        select ${dayOf(timezone, sql`min(at)`)} + ${sql.raw(String(BATCH_DAYS))} as day
        from analytics_changes where store_id = ${storeId}
      ), taken as (
        delete from analytics_changes
        where store_id = ${storeId} and at < (select ${dayStart(timezone, sql`day`)} from bound)
        returning at
      )
      select distinct to_char(${dayOf(timezone, sql`at`)}, 'YYYY-MM-DD') as day from taken`),
  );
  return rows.map((row) => row.day);
}

async function replaceDays(
  tx: Database,
  storeId: string,
  timezone: string,
  days: string[],
): Promise<void> {
  const list = sql`${`{${days.join(",")}}`}::date[]`;
  for (const table of ["analytics_activity_days", "analytics_product_days"])
    await tx.execute(
      sql`delete from ${sql.raw(table)} where store_id = ${storeId} and day = any(${list})`,
    );
  const relation = daysOf(timezone, sql`select unnest(${list})`);
  await tx.execute(sql`insert into analytics_activity_days (store_id, ${ACTIVITY_COLUMNS})
    select ${storeId}, raw.* from (${rawActivityDays(storeId, relation)}) raw`);
  await tx.execute(sql`insert into analytics_product_days (store_id, ${PRODUCT_COLUMNS})
    select ${storeId}, raw.* from (${rawProductDays(storeId, relation)}) raw`);
}
