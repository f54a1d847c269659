import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addDays, startOfLocalDay } from "@/lib/analytics/range";
import { dayOf, dayStart } from "@/lib/analytics/rollup/local-days";
import { queryRows, setupTestDatabase, testDbBackend } from "../support/database";

const db = setupTestDatabase();

/** Zones with DST at midnight (repeated or skipped), at 02:00, half-hour DST, and none. */
const ZONES = [
  "America/Havana",
  "America/Santiago",
  "America/Asuncion",
  "Asia/Beirut",
  "America/New_York",
  "Australia/Lord_Howe",
  "Asia/Tokyo",
  "Asia/Kolkata",
];
const FROM = "2024-01-01";
const TO = "2026-12-31";

describe(`store-local days in SQL [${testDbBackend}]`, () => {
  it("begin where the pages' windows begin, and file every instant under the day whose range holds it", async () => {
    for (const zone of ZONES) {
      const rows = await queryRows<{ day: string; start: Date | string; around: unknown }>(
        db(),
        sql`select to_char(d, 'YYYY-MM-DD') as day, ${dayStart(zone, sql`d`)} as start,
            -- The start, and the microsecond before it, each filed under the right day.
            (${dayOf(zone, dayStart(zone, sql`d`))} = d
              and ${dayOf(zone, sql`${dayStart(zone, sql`d`)} - interval '1 microsecond'`)} = d - 1)
              as around
          from generate_series(${FROM}::date, ${TO}::date, interval '1 day') g,
            lateral (select g::date as d) x
          order by 1`,
      );
      expect(rows).toHaveLength(1096);
      const mismatches = rows.filter(
        (row) =>
          new Date(row.start).getTime() !== startOfLocalDay(row.day, zone).getTime() ||
          row.around !== true,
      );
      expect({ zone, mismatches }).toEqual({ zone, mismatches: [] });
    }
    // The case that needs the care: Havana repeats its midnight on 2024-11-03 (00:00–00:59
    // twice); the day begins at the first 00:00 (04:00 UTC), not the second.
    const [havana] = await queryRows<{ start: Date | string }>(
      db(),
      sql`select ${dayStart("America/Havana", sql`'2024-11-03'::date`)} as start`,
    );
    expect(new Date(havana!.start).toISOString()).toBe("2024-11-03T04:00:00.000Z");
    expect(addDays(FROM, 1095)).toBe(TO);
  });
});
