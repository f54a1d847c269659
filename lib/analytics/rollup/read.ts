import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { AnalyticsWindow } from "../range";
import type { AnalyticsStore } from "../store";
import { dayOf, dayStart } from "./local-days";
import {
  ACTIVITY_COLUMNS,
  daysOf,
  PRODUCT_COLUMNS,
  rawActivityDays,
  rawProductDays,
} from "./raw-days";

/**
 * The common table expressions a section reads its daily figures from, for the window's local
 * days: rolled-up days as `tick` stored them, and the days it has not (or not since their last
 * change) computed from the raw rows by the same builder. In one statement, so a change row
 * and the rollup it invalidates are read from one snapshot: the figures always equal a plain
 * query over the raw rows (docs/ARCHITECTURE.md, "Daily rollups").
 *
 * `withRollupDays` gives `raw_days`; `activityDaysCte` and `productDaysCte` each one relation
 * with the columns of `analytics_activity_days` / `analytics_product_days` (without store_id).
 */
export function withRollupDays(store: AnalyticsStore, window: AnalyticsWindow): SQL {
  const tz = store.timezone;
  // The rollups count for this store only when built in its current time zone.
  const changedOrUnbuilt = sql`
    select distinct ${dayOf(tz, sql`c.at`)} from analytics_changes c
    where c.store_id = ${store.id}
      -- The window's days in the store's time zone now (the one the rollups are built in).
      and c.at >= ${dayStart(tz, sql`${window.from}::date`)}
      and c.at < ${dayStart(tz, sql`${window.to}::date + 1`)}
    union
    select g::date from generate_series(${window.from}::date, ${window.to}::date, interval '1 day') g
    where not exists (select 1 from rollup_built)`;
  return sql`rollup_built as (
      select 1 from analytics_rollup_state
      where store_id = ${store.id} and timezone = ${tz}
    ), raw_days as ${daysOf(tz, changedOrUnbuilt)}`;
}

function rolledUp(table: string, store: AnalyticsStore, window: AnalyticsWindow, columns: SQL) {
  return sql`select ${columns} from ${sql.raw(table)} r
    where r.store_id = ${store.id} and r.day >= ${window.from}::date and r.day <= ${window.to}::date
      and exists (select 1 from rollup_built)
      and not exists (select 1 from raw_days d where d.day = r.day)`;
}

export function activityDaysCte(store: AnalyticsStore, window: AnalyticsWindow): SQL {
  return sql`activity_days (${ACTIVITY_COLUMNS}) as (
    ${rolledUp("analytics_activity_days", store, window, ACTIVITY_COLUMNS)}
    union all
    ${rawActivityDays(store.id, sql`raw_days`)}
  )`;
}

export function productDaysCte(store: AnalyticsStore, window: AnalyticsWindow): SQL {
  return sql`product_days (${PRODUCT_COLUMNS}) as (
    ${rolledUp("analytics_product_days", store, window, PRODUCT_COLUMNS)}
    union all
    ${rawProductDays(store.id, sql`raw_days`)}
  )`;
}
