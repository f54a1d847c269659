import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DatabaseHandle } from "@/db/drivers";
import { stores } from "@/db/schema";
import { conversionsBySource } from "@/lib/analytics/conversions";
import { loyaltySection } from "@/lib/analytics/loyalty";
import { messageHealth } from "@/lib/analytics/message-health";
import { loadStoreOverview } from "@/lib/analytics/overview";
import { conversionsByProduct } from "@/lib/analytics/products";
import { parseAnalyticsRange } from "@/lib/analytics/range";
import { revenueOverTime } from "@/lib/analytics/revenue-over-time";
import { refreshAnalyticsRollups } from "@/lib/analytics/rollup/refresh";
import { loadSectionSummaries } from "@/lib/analytics/section-summaries";
import type { AnalyticsStore } from "@/lib/analytics/store";
import { travellerJourney } from "@/lib/analytics/traveller";
import { seedDemo } from "@/lib/demo/seed";
import { recoveryKpis } from "@/lib/recovery/kpis";
import { createTestDatabase, queryRows, testDbBackend } from "../support/database";

const NOW = new Date("2025-06-15T13:23:45Z");

/**
 * Issue 14 §6: the demo's 90 days tell one story — every section is a view of the same
 * orders, so their figures agree with each other and with a plain count of the rows.
 */
describe(`the demo store's analytics agree across sections [${testDbBackend}]`, () => {
  let handle: DatabaseHandle;
  let db: Database;
  let store: AnalyticsStore;

  beforeAll(async () => {
    handle = await createTestDatabase();
    db = handle.db;
    const { storeId } = await seedDemo(db, { now: NOW });
    const [row] = await db
      .select({ id: stores.id, timezone: stores.timezone, currency: stores.currency })
      .from(stores)
      .where(eq(stores.id, storeId));
    store = row!;
  });
  afterAll(() => handle?.close());

  it("revenue, paid orders and recovered revenue are the same orders in every section", async () => {
    for (const preset of ["7d", "30d", "90d"]) {
      const { current: window } = parseAnalyticsRange({ range: preset }, store.timezone, NOW);
      const [conversions, overTime, products, loyalty, recovery] = await Promise.all([
        conversionsBySource(db, store, window),
        revenueOverTime(db, store, window),
        conversionsByProduct(db, store, window),
        loyaltySection(db, store, window, NOW),
        recoveryKpis(db, store, window),
      ]);
      const [plain] = await queryRows<{ paid: number; net: string; recovered: string }>(
        db,
        sql`select count(*)::int as paid, coalesce(sum(total_minor - refunded_minor), 0) as net,
              coalesce(sum(total_minor - refunded_minor) filter (where recovery_id is not null), 0)
                as recovered
            from orders
            where store_id = ${store.id} and status in ('paid', 'refunded')
              and currency = ${store.currency}
              and paid_at >= ${window.start} and paid_at < ${window.end}`,
      );
      const net = Number(plain!.net);
      expect(conversions.totals.paidOrders).toBe(plain!.paid);
      expect(conversions.totals.revenueMinor).toBe(net);
      expect(overTime.buckets.reduce((sum, bucket) => sum + bucket.revenueMinor, 0)).toBe(net);
      expect(products.reduce((sum, product) => sum + product.revenueMinor, 0)).toBe(net);
      expect(loyalty.memberOrders.revenueMinor + loyalty.nonMemberOrders.revenueMinor).toBe(net);
      expect(recovery.recoveredRevenueMinor).toBe(Number(plain!.recovered));
      if (preset === "90d") {
        // The demo has something to show in every section.
        expect(net).toBeGreaterThan(0);
        expect(recovery.recoveredRevenueMinor).toBeGreaterThan(0);
        expect(conversions.rows.some((row) => row.qrCode !== null)).toBe(true);
        expect(loyalty.members).toBeGreaterThan(0);
      }
    }
  });

  it("the Overview's cards show the report pages' figures, before and after the rollups are built", async () => {
    const range = parseAnalyticsRange({ range: "30d" }, store.timezone, NOW);
    const windows = [range.current, range.previous] as const;
    const before = await loadSectionSummaries(db, store, range);
    const overviewBefore = await loadStoreOverview(db, store, { range });
    for (const [index, window] of windows.entries()) {
      expect(before.conversions[index]).toEqual(await conversionsBySource(db, store, window));
      const journey = await travellerJourney(db, store, window);
      expect(before.traveller[index]).toEqual({
        customers: journey.totals.customers,
        laterRevenueMinor: journey.totals.laterRevenueMinor,
      });
      expect(before.recovery[index]).toEqual(await recoveryKpis(db, store, window));
      const health = await messageHealth(db, store, window);
      expect(before.messages[index]).toMatchObject({
        outbound: health.outbound,
        failed: health.failed,
        blocked: health.blocked,
        waitingForReplyNow: health.waitingForReplyNow,
      });
    }
    expect(before.products).toEqual(await conversionsByProduct(db, store, range.current));
    const loyalty = await loyaltySection(db, store, range.current);
    expect(before.loyalty).toMatchObject({
      liabilityMinor: loyalty.liabilityMinor,
      newMembers: loyalty.newMembers,
      members: loyalty.members,
    });
    expect(before.traveller[0].customers + before.messages[0].outbound).toBeGreaterThan(0);

    const report = await refreshAnalyticsRollups(db);
    expect(report.built).toBeGreaterThanOrEqual(1);
    const after = await loadSectionSummaries(db, store, range);
    expect(after.conversions).toEqual(before.conversions);
    expect(after.products).toEqual(before.products);
    expect(await loadStoreOverview(db, store, { range })).toEqual(overviewBefore);
  });
});
