import "server-only";
import { type SQL, sql } from "drizzle-orm";

/**
 * Store-local days in SQL, defined the way `startOfLocalDay` (lib/analytics/range.ts) defines
 * them, so a day summed from the rollups covers exactly the instants of a window's day.
 *
 * A day begins at its first instant. `day::timestamp at time zone tz` alone is not that where
 * a DST change falls at midnight: a repeated midnight (clocks back from 01:00 to 00:00, as in
 * Havana) resolves to its later occurrence. An hour before midnight always exists once, so
 * the earlier occurrence is that instant plus an hour; the least of the two is the start.
 */
export function dayStart(timezone: string, day: SQL): SQL {
  return sql`least((${day})::timestamp at time zone ${timezone},
    (((${day})::timestamp - interval '1 hour') at time zone ${timezone}) + interval '1 hour')`;
}

/**
 * The local day an instant falls in, by the same starts: its calendar date there, moved to
 * the neighbouring day where a repeated midnight puts the date and the starts at odds.
 */
export function dayOf(timezone: string, at: SQL): SQL {
  const date = sql`((${at}) at time zone ${timezone})::date`;
  return sql`(case
    when (${at}) < ${dayStart(timezone, date)} then ${date} - 1
    when (${at}) >= ${dayStart(timezone, sql`${date} + 1`)} then ${date} + 1
    else ${date} end)`;
}
