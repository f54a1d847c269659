import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  compare,
  daysBetween,
  localDay,
  parseAnalyticsRange,
  rangeSearchParams,
  startOfLocalDay,
} from "@/lib/analytics/range";

const NOW = new Date("2026-03-10T15:00:00Z"); // 11:00 in New York, 00:00 on the 11th in Tokyo

describe("analytics date range", () => {
  it("presets end today in the store's time zone and compare with the days just before", () => {
    const tokyo = parseAnalyticsRange({ range: "7d" }, "Asia/Tokyo", NOW);
    expect(tokyo.current).toMatchObject({ from: "2026-03-05", to: "2026-03-11" });
    expect(tokyo.previous).toMatchObject({ from: "2026-02-26", to: "2026-03-04" });
    expect(tokyo.current.start.toISOString()).toBe("2026-03-04T15:00:00.000Z");
    expect(tokyo.current.end.toISOString()).toBe("2026-03-11T15:00:00.000Z");
    expect(tokyo.previous.end).toEqual(tokyo.current.start);

    const newYork = parseAnalyticsRange({ range: "mtd" }, "America/New_York", NOW);
    expect(newYork.current).toMatchObject({ from: "2026-03-01", to: "2026-03-10" });
    expect(newYork.previous).toMatchObject({ from: "2026-02-19", to: "2026-02-28" });
    expect(newYork.days).toBe(10);
    expect(newYork.bucket).toBe("day");
  });

  it("a day shortened by DST is 23 hours long and the range's instants follow it", () => {
    const range = parseAnalyticsRange(
      { range: "custom", from: "2026-03-08", to: "2026-03-08" },
      "America/New_York",
      NOW,
    );
    expect(range.current.end.getTime() - range.current.start.getTime()).toBe(23 * 3_600_000);
    expect(range.current.start.toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(range.previous).toMatchObject({ from: "2026-03-07", to: "2026-03-07" });
  });

  it("falls back to 30 days and says so for a range it cannot use", () => {
    const cases = [
      { range: "custom", from: "2026-03-09", to: "2026-03-01" },
      { range: "custom", from: "2026-02-30", to: "2026-03-01" },
      { range: "custom", from: "2026-03-01", to: "2026-03-12" },
      { range: "custom", from: "2023-01-01", to: "2026-03-01" },
      { range: "forever" },
    ];
    for (const params of cases) {
      const range = parseAnalyticsRange(params, "America/New_York", NOW);
      expect(range).toMatchObject({ preset: "30d", invalid: true, days: 30 });
    }
    expect(parseAnalyticsRange({}, "America/New_York", NOW).invalid).toBe(false);
  });

  it("weekly buckets beyond 90 days; the URL reproduces the range", () => {
    const long = parseAnalyticsRange(
      { range: "custom", from: "2025-03-11", to: "2026-03-10" },
      "UTC",
      NOW,
    );
    expect(long).toMatchObject({ preset: "custom", days: 365, bucket: "week", invalid: false });
    expect(rangeSearchParams(long)).toBe("range=custom&from=2025-03-11&to=2026-03-10");
    expect(rangeSearchParams(parseAnalyticsRange({ range: "90d" }, "UTC", NOW))).toBe("range=90d");
  });

  it("a day starts at the first instant whose local date is that day, in any zone, across DST", () => {
    const zones = [
      "Asia/Tokyo",
      "America/New_York",
      "Europe/London",
      "Australia/Lord_Howe",
      "America/Santiago",
      "Asia/Kolkata",
      "Pacific/Chatham",
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 3 * 366 }),
        (zone, offset) => {
          const day = addDays("2025-01-01", offset);
          const start = startOfLocalDay(day, zone);
          expect(localDay(zone, start)).toBe(day);
          expect(localDay(zone, new Date(start.getTime() - 1))).toBe(addDays(day, -1));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("counts days inclusively and compares with the previous period", () => {
    expect(daysBetween({ from: "2026-02-27", to: "2026-03-01" })).toBe(3);
    expect(compare(150, 100)).toEqual({ delta: 50, percent: 50 });
    expect(compare(5, 0)).toEqual({ delta: 5, percent: null });
  });
});
