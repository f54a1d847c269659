import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
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
 * raw rows, in one transaction per store. Idempotent, and safe beside other ticks: a store's
 * state row is claimed with SKIP LOCKED, and a change row is deleted before its day is
 * recomputed, so a write committed meanwhile leaves its own change row for the next tick (and
 * readers compute that day from the raw rows until then).
 */
export async function refreshAnalyticsRollups(
  db: Database,
  options: { deadline?: number } = {},
): Promise<RollupRefreshReport> {
  // Rows of stores deleted since (their orders' triggers wrote them on the way out).
  await db.execute(sql`delete from analytics_changes c
    where not exists (select 1 from stores s where s.id = c.store_id)`);
  const due = rowsOf<{ id: string }>(
    await db.execute(sql`
      select s.id from stores s
      left join analytics_rollup_state r on r.store_id = s.id
      where r.store_id is null or r.timezone <> s.timezone
        or exists (select 1 from analytics_changes c where c.store_id = s.id)
      order by s.id`),
  );
  const report: RollupRefreshReport = { built: 0, refreshed: 0, days: 0, left: 0, failed: 0 };
  for (const { id } of due) {
    if (options.deadline !== undefined && Date.now() >= options.deadline) {
      report.left += 1;
      continue;
    }
    let outcome: Awaited<ReturnType<typeof refreshStoreRollups>>;
    try {
      outcome = await refreshStoreRollups(db, id);
    } catch (error) {
      // One store's failure must not hold up the others; its days stay raw (still exact).
      console.error(`[analytics] rollups of store ${id} failed`, error);
      report.failed += 1;
      continue;
    }
    if (outcome === "busy") report.left += 1;
    else if (outcome === "built") report.built += 1;
    else {
      report.refreshed += 1;
      report.days += outcome.days;
    }
  }
  return report;
}

/** One store's rollups brought up to date; "busy" when another tick holds the store. */
export async function refreshStoreRollups(
  db: Database,
  storeId: string,
): Promise<"built" | "busy" | { days: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`insert into analytics_rollup_state (store_id, timezone)
      values (${storeId}, '') on conflict (store_id) do nothing`);
    const [state] = rowsOf<{ built_in: string; timezone: string }>(
      await tx.execute(sql`
        select r.timezone as built_in, s.timezone from analytics_rollup_state r
        join stores s on s.id = r.store_id
        where r.store_id = ${storeId}
        for update of r skip locked`),
    );
    if (!state) return "busy";
    const tz = state.timezone;
    if (state.built_in !== tz) {
      await tx.execute(sql`delete from analytics_changes where store_id = ${storeId}`);
      await replaceDays(tx, storeId, tz, everyDayWithActivity(storeId, tz), "all");
      await tx.execute(sql`update analytics_rollup_state
        set timezone = ${tz}, built_at = now(), refreshed_at = now() where store_id = ${storeId}`);
      return "built";
    }
    const days = rowsOf<{ day: string }>(
      await tx.execute(sql`
        with taken as (delete from analytics_changes where store_id = ${storeId} returning at)
        select distinct to_char((at at time zone ${tz})::date, 'YYYY-MM-DD') as day from taken`),
    ).map((row) => row.day);
    if (days.length > 0) {
      const list = sql`select unnest(${`{${days.join(",")}}`}::date[])`;
      await replaceDays(tx, storeId, tz, list, days);
    }
    await tx.execute(
      sql`update analytics_rollup_state set refreshed_at = now() where store_id = ${storeId}`,
    );
    return { days: days.length };
  });
}

async function replaceDays(
  tx: Database,
  storeId: string,
  timezone: string,
  list: SQL,
  days: string[] | "all",
): Promise<void> {
  for (const table of ["analytics_activity_days", "analytics_product_days"]) {
    const which = days === "all" ? sql`` : sql`and day = any(${`{${days.join(",")}}`}::date[])`;
    await tx.execute(sql`delete from ${sql.raw(table)} where store_id = ${storeId} ${which}`);
  }
  const relation = daysOf(timezone, list);
  await tx.execute(sql`insert into analytics_activity_days (store_id, ${ACTIVITY_COLUMNS})
    select ${storeId}, raw.* from (${rawActivityDays(storeId, relation)}) raw`);
  await tx.execute(sql`insert into analytics_product_days (store_id, ${PRODUCT_COLUMNS})
    select ${storeId}, raw.* from (${rawProductDays(storeId, relation)}) raw`);
}

/** Every local day from the store's first click, chat or order to its last payment or today. */
function everyDayWithActivity(storeId: string, timezone: string): SQL {
  const bound = (fn: "min" | "max", table: string, column: string) =>
    sql.raw(`(select ${fn}(${column}) from ${table} where store_id = `);
  const of = (fn: "min" | "max", table: string, column: string) =>
    sql`${bound(fn, table, column)}${storeId})`;
  return sql`select g::date from generate_series(
      (least(${of("min", "clicks", "created_at")}, ${of("min", "conversations", "created_at")},
        ${of("min", "orders", "created_at")}, now()) at time zone ${timezone})::date,
      (greatest(${of("max", "clicks", "created_at")}, ${of("max", "conversations", "created_at")},
        ${of("max", "orders", "created_at")}, ${of("max", "orders", "paid_at")}, now())
        at time zone ${timezone})::date,
      interval '1 day') g`;
}
