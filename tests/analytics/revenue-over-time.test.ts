import { describe, expect, it } from "vitest";
import { orders } from "@/db/schema";
import { conversionsBySource, sourceRank } from "@/lib/analytics/conversions";
import { type AnalyticsWindow, addDays, localDay, windowOf } from "@/lib/analytics/range";
import { type RevenueBucketSize, revenueOverTime } from "@/lib/analytics/revenue-over-time";
import type { AnalyticsStore } from "@/lib/analytics/store";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  buildAnalyticsStore,
  dstScenario,
  FIXTURE_TIMEZONE,
  isPaidWithin,
  type RawRows,
  readRawRows,
} from "./fixtures";

const db = setupTestDatabase();
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const weekdayOf = new Intl.DateTimeFormat("en-US", { weekday: "short", timeZone: "UTC" });

/** The local days of a window, found by walking its instants an hour at a time. */
function daysOf(window: AnalyticsWindow): string[] {
  const days = new Set<string>();
  for (let t = window.start.getTime(); t < window.end.getTime(); t += 3_600_000)
    days.add(localDay(window.timezone, new Date(t)));
  return [...days];
}

/** Revenue per bucket and source, one paid order at a time, from every store's raw rows. */
function reference(
  raw: RawRows,
  store: AnalyticsStore,
  window: AnalyticsWindow,
  size: RevenueBucketSize,
) {
  const keyOf = (day: string) => {
    if (size === "day") return day;
    const back = WEEKDAYS.indexOf(weekdayOf.format(new Date(`${day}T12:00:00Z`)));
    return new Date(Date.parse(`${day}T12:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
  };
  const paid = raw.orders.filter((order) => isPaidWithin(order, store, window));
  const sources = [...new Set(paid.map((order) => order.source))].sort(
    (a, b) => sourceRank(a) - sourceRank(b) || a.localeCompare(b),
  );
  const buckets = new Map<
    string,
    {
      from: string;
      to: string;
      revenueMinor: number;
      paidOrders: number;
      bySource: Record<string, number>;
    }
  >();
  for (const day of daysOf(window)) {
    const bucket = buckets.get(keyOf(day));
    if (bucket) bucket.to = day;
    else
      buckets.set(keyOf(day), {
        from: day,
        to: day,
        revenueMinor: 0,
        paidOrders: 0,
        bySource: Object.fromEntries(sources.map((source) => [source, 0])),
      });
  }
  for (const order of paid) {
    const bucket = buckets.get(keyOf(localDay(store.timezone, order.paidAt!)))!;
    const net = order.totalMinor - order.refundedMinor;
    bucket.revenueMinor += net;
    bucket.paidOrders += 1;
    bucket.bySource[order.source]! += net;
  }
  return { bucket: size, sources, buckets: [...buckets.values()] };
}

describe(`revenue over time [${testDbBackend}]`, () => {
  for (const seed of [21, 22, 23]) {
    it(`equals a brute-force sum per local day and ISO week, per store (seed ${seed})`, async () => {
      const { current, previous, span, edges } = dstScenario(seed);
      const shopA = await buildAnalyticsStore(db(), { seed, span, edges });
      const shopB = await buildAnalyticsStore(db(), { seed: seed * 7, span, edges });
      const raw = await readRawRows(db());
      // Four weeks and more, starting mid-week (a partial first week).
      const weeks = windowOf(
        { from: addDays(previous.from, 3), to: addDays(current.to, 1) },
        FIXTURE_TIMEZONE,
      );
      const cases: [AnalyticsWindow, RevenueBucketSize][] = [
        [current, "day"],
        [previous, "day"],
        [weeks, "week"],
        [current, "week"],
      ];

      for (const shop of [shopA, shopB]) {
        for (const [window, size] of cases) {
          const actual = await revenueOverTime(db(), shop.store, window, size);
          expect(actual).toEqual(reference(raw, shop.store, window, size));
        }
      }

      // The same orders as conversions by entry point, source by source.
      const overTime = await revenueOverTime(db(), shopA.store, current);
      const { rows, totals } = await conversionsBySource(db(), shopA.store, current);
      const perSource = (source: string) =>
        overTime.buckets.reduce((sum, bucket) => sum + (bucket.bySource[source] ?? 0), 0);
      for (const source of new Set(rows.map((row) => row.source))) {
        const fromConversions = rows
          .filter((row) => row.source === source)
          .reduce((sum, row) => sum + row.revenueMinor, 0);
        expect(perSource(source)).toBe(fromConversions);
      }
      expect(overTime.buckets.reduce((sum, bucket) => sum + bucket.revenueMinor, 0)).toBe(
        totals.revenueMinor,
      );
      expect(overTime.sources).toContain("qr");
      expect(overTime.buckets).toHaveLength(14);
    });
  }

  it("puts orders paid around the midnights of a DST change into the right local day", async () => {
    const { store } = await buildAnalyticsStore(db(), {
      seed: 9,
      span: { start: new Date("2025-01-01T00:00:00Z"), end: new Date("2025-01-02T00:00:00Z") },
      counts: { orders: 0 },
    });
    let number = 0;
    const paidAt = (at: string, totalMinor: number) => {
      number += 1;
      return {
        storeId: store.id,
        number: `DST-${number}`,
        status: "paid" as const,
        currency: store.currency,
        subtotalMinor: totalMinor,
        totalMinor,
        source: "widget",
        createdAt: new Date(at),
        paidAt: new Date(at),
      };
    };
    const cases = [
      ["2026-03-08T04:30:00Z", "2026-03-07", 1], // 23:30 EST
      ["2026-03-09T03:30:00Z", "2026-03-08", 2], // 23:30 EDT, the end of a 23-hour day
      ["2026-03-09T04:30:00Z", "2026-03-09", 4], // 00:30 EDT
      ["2026-11-01T04:30:00Z", "2026-11-01", 8], // 00:30 EDT, the start of a 25-hour day
      ["2026-11-02T04:30:00Z", "2026-11-01", 16], // 23:30 EST, its end
      ["2026-11-02T05:00:00Z", "2026-11-02", 32], // 00:00 EST
    ] as const;
    await db()
      .insert(orders)
      .values(cases.map(([at, , amount]) => paidAt(at, amount)));
    const window = windowOf({ from: "2026-03-07", to: "2026-11-02" }, FIXTURE_TIMEZONE);
    const { buckets } = await revenueOverTime(db(), store, window);
    const revenueOn = (day: string) => buckets.find((bucket) => bucket.from === day)?.revenueMinor;
    for (const day of new Set(cases.map(([, local]) => local))) {
      const expected = cases
        .filter(([, local]) => local === day)
        .reduce((sum, [, , amount]) => sum + amount, 0);
      expect(revenueOn(day), day).toBe(expected);
    }
    expect(buckets.filter((bucket) => bucket.revenueMinor > 0)).toHaveLength(5);

    const weekly = await revenueOverTime(db(), store, window, "week");
    expect(weekly.buckets[0]).toMatchObject({ from: "2026-03-07", to: "2026-03-08" });
    expect(weekly.buckets[0]?.revenueMinor).toBe(1 + 2);
    expect(weekly.buckets.at(-1)).toMatchObject({
      from: "2026-11-02",
      to: "2026-11-02",
      revenueMinor: 32,
    });
  });
});
