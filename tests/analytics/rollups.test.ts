import fc from "fast-check";
import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { conversionsBySource } from "@/lib/analytics/conversions";
import { loadStoreOverview } from "@/lib/analytics/overview";
import { conversionsByProduct } from "@/lib/analytics/products";
import { type AnalyticsWindow, type DayRange, windowOf } from "@/lib/analytics/range";
import { revenueOverTime } from "@/lib/analytics/revenue-over-time";
import { refreshAnalyticsRollups } from "@/lib/analytics/rollup/refresh";
import type { AnalyticsStore } from "@/lib/analytics/store";
import { queryRows, setupTestDatabase, testDbBackend } from "../support/database";
import { buildAnalyticsStore, dayStartsOf, dstScenario } from "./fixtures";

const DAY = 86_400_000;
import { figuresOf, rawFiguresOf, storeNow } from "./rollup-figures";

/**
 * The daily rollups never change a figure: whatever was written, changed or deleted since the
 * last refresh (and whether it ran at all), every section reads what the raw rows say. The raw
 * path is the one the brute-force tests (conversions, products, revenue over time, overview)
 * check against a count in TypeScript; here the rolled-up reads are held equal to it.
 */
const db = setupTestDatabase();

const MUTATIONS = [
  "refresh",
  "pay",
  "refund",
  "deleteOrder",
  "editLine",
  "deleteLine",
  "deleteProduct",
  "newClick",
  "newChat",
  "newOrder",
  "moveChat",
  "qrProduct",
  "timezone",
] as const;
type Mutation = (typeof MUTATIONS)[number];

/** One change to store A's rows, picking rows and instants from the two numbers drawn. */
async function mutate(store: AnalyticsStore, kind: Mutation, pick: number, at: Date) {
  const S = store.id;
  const nth = (table: string, where = "true") =>
    sql.raw(`(select id from ${table} where store_id = '${S}' and ${where}
      order by id offset ${pick} % greatest(1, (select count(*) from ${table}
        where store_id = '${S}' and ${where})) limit 1)`);
  switch (kind) {
    case "refresh":
      return refreshAnalyticsRollups(db());
    case "pay":
      return db().execute(sql`update orders set status = 'paid', paid_at = ${at}
        where id = ${nth("orders", "status = 'pending'")}`);
    case "refund":
      return db()
        .execute(sql`update orders set refunded_minor = total_minor * ${(pick % 3) + 1} / 3,
        status = (case when ${pick % 3} = 2 then 'refunded' else status end)::order_status
        where id = ${nth("orders", "status = 'paid'")}`);
    case "deleteOrder":
      return db().execute(sql`delete from orders where id = ${nth("orders")}`);
    case "editLine":
      return db().execute(sql`update order_items
        set quantity = quantity + 1, line_total_minor = line_total_minor + ${pick % 900}
        where id = ${nth("order_items")}`);
    case "deleteLine":
      return db().execute(sql`delete from order_items where id = ${nth("order_items")}`);
    case "deleteProduct":
      return db().execute(sql`delete from products where id = ${nth("products")}`);
    case "newClick":
      return db().execute(sql`insert into clicks (store_id, ref, source, qr_code_id, language,
          device_class, created_at)
        select store_id, ref || '-' || gen_random_uuid(), source,
          qr_code_id, language, device_class, ${at}
        from clicks where id = ${nth("clicks")}`);
    case "newChat":
      // Closed: a customer has at most one open conversation.
      return db().execute(sql`insert into conversations (store_id, customer_id, status, source,
          qr_code_id, product_id, language, created_at)
        select store_id, customer_id, 'closed', source, qr_code_id, product_id, language, ${at}
        from conversations where id = ${nth("conversations")}`);
    case "newOrder": {
      const [order] = await queryRows<{ id: string }>(
        db(),
        sql`insert into orders (store_id, number, status, currency, subtotal_minor, total_minor,
            source, qr_code_id, created_at, paid_at)
          select store_id, number || '-' || gen_random_uuid(),
            'paid', currency, subtotal_minor, total_minor, source, qr_code_id, ${at}, ${at}
          from orders where id = ${nth("orders")}
          returning id`,
      );
      if (!order) return;
      return db().execute(sql`insert into order_items (store_id, order_id, product_id, name,
          quantity, unit_price_minor, line_total_minor)
        select store_id, ${order.id}, product_id, name, quantity, unit_price_minor, line_total_minor
        from order_items where order_id = ${nth("orders", "id in (select order_id from order_items)")}`);
    }
    case "moveChat":
      return db().execute(sql`update conversations set created_at = ${at},
          source = (array['widget', 'qr', 'ad', 'unattributed'])[${(pick % 4) + 1}]
        where id = ${nth("conversations")}`);
    case "qrProduct":
      return db().execute(sql`update qr_codes set product_id = ${nth("products")}
        where id = ${nth("qr_codes")}`);
    case "timezone":
      return db().execute(sql`update stores set timezone = (case when timezone = 'Asia/Tokyo'
        then 'America/New_York' else 'Asia/Tokyo' end) where id = ${S}`);
  }
}

describe(`analytics daily rollups [${testDbBackend}]`, () => {
  // New York changes its clocks at 02:00; Havana repeats its midnight hour (1 Nov 2026).
  for (const timezone of ["America/New_York", "America/Havana"])
    it(`equal the raw rows after any sequence of writes, with and without a refresh (${timezone})`, async () => {
      const { current, previous } = dstScenario(3);
      const days: DayRange[] = [current, previous].map(({ from, to }) => ({ from, to }));
      const [now, before] = days.map((range) => windowOf(range, timezone)) as [
        AnalyticsWindow,
        AnalyticsWindow,
      ];
      const edges = [...dayStartsOf(before), ...dayStartsOf(now)];
      const span = {
        start: new Date(before.start.getTime() - DAY),
        end: new Date(now.end.getTime() + 2 * DAY),
      };
      const shopA = await buildAnalyticsStore(db(), { seed: 71, span, edges, timezone });
      const shopB = await buildAnalyticsStore(db(), { seed: 72, span, edges, timezone });
      const instants = [...edges, span.start, span.end];

      // Never refreshed: the raw path itself. Then refreshed: read from the rollups.
      await refreshAnalyticsRollups(db());
      for (const shop of [shopA, shopB]) {
        const store = await storeNow(db(), shop.store.id);
        expect(await figuresOf(db(), store, days)).toEqual(await rawFiguresOf(db(), store, days));
      }

      const applied = new Set<Mutation>();
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              kind: fc.constantFrom(...MUTATIONS),
              pick: fc.nat({ max: 10_000 }),
              at: fc.nat({ max: instants.length - 1 }),
              shift: fc.constantFrom(-1, 0, 1, 3_600_000),
            }),
            { minLength: 4, maxLength: 10 },
          ),
          async (steps) => {
            for (const step of steps) {
              const at = new Date(instants[step.at]!.getTime() + step.shift);
              await mutate(shopA.store, step.kind, step.pick, at);
              applied.add(step.kind);
            }
            for (const shop of [shopA, shopB]) {
              const store = await storeNow(db(), shop.store.id);
              expect(await figuresOf(db(), store, days)).toEqual(
                await rawFiguresOf(db(), store, days),
              );
            }
          },
        ),
        // The runs share one database, so a shrunk counterexample would not replay alone.
        { numRuns: 12, seed: 20261206, endOnFailure: true },
      );

      // The fixed seed's runs drew every kind of change.
      expect([...applied].sort()).toEqual([...MUTATIONS].sort());

      // A refresh takes every change row and leaves rolled-up days behind.
      const report = await refreshAnalyticsRollups(db());
      expect(report.left).toBe(0);
      const [left] = await queryRows<{ n: number }>(
        db(),
        sql`select count(*)::int as n from analytics_changes`,
      );
      expect(left?.n).toBe(0);
      const store = await storeNow(db(), shopA.store.id);
      expect(await figuresOf(db(), store, days)).toEqual(await rawFiguresOf(db(), store, days));
    });

  it("a store whose refresh fails holds up no other store", async () => {
    const { span } = dstScenario(5);
    const broken = await buildAnalyticsStore(db(), { seed: 75, span });
    const healthy = await buildAnalyticsStore(db(), { seed: 76, span });
    // A time zone PostgreSQL does not know (written past the app's validation).
    await db().execute(
      sql`update stores set timezone = 'Mars/Olympus' where id = ${broken.store.id}`,
    );
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const report = await refreshAnalyticsRollups(db());
      expect(report.failed).toBe(1);
      expect(errors).toHaveBeenCalledWith(
        expect.stringContaining(broken.store.id),
        expect.anything(),
      );
    } finally {
      errors.mockRestore();
    }
    const built = await queryRows<{ store_id: string; timezone: string }>(
      db(),
      sql`select store_id, timezone from analytics_rollup_state
        where store_id in (${broken.store.id}, ${healthy.store.id})`,
    );
    expect(built).toEqual([{ store_id: healthy.store.id, timezone: healthy.store.timezone }]);
    // Mended, it is built on the next refresh (and the later tests' refreshes stay quiet).
    await db().execute(sql`update stores set timezone = ${broken.store.timezone}
      where id = ${broken.store.id}`);
    expect(await refreshAnalyticsRollups(db())).toMatchObject({ built: 1, failed: 0 });
  });

  it("reads rolled-up days from the rollup tables, and changed days from the raw rows", async () => {
    const { current, span, edges } = dstScenario(2);
    const shop = await buildAnalyticsStore(db(), { seed: 73, span, edges });
    const window = windowOf(current, shop.store.timezone);
    await refreshAnalyticsRollups(db());
    const before = await conversionsBySource(db(), shop.store, window);
    expect(before.totals.revenueMinor).toBeGreaterThan(0);

    // A rollup row altered by hand shows through: the figures come from the rollups.
    const [row] = await queryRows<{ day: string }>(
      db(),
      sql`select to_char(day, 'YYYY-MM-DD') as day from analytics_activity_days
        where store_id = ${shop.store.id} and paid_orders > 0 and currency = ${shop.store.currency}
          and day between ${window.from}::date and ${window.to}::date
        order by day limit 1`,
    );
    await db().execute(sql`update analytics_activity_days set revenue_minor = revenue_minor + 1000
      where store_id = ${shop.store.id} and day = ${row!.day}::date and paid_orders > 0
        and currency = ${shop.store.currency}`);
    const tampered = await conversionsBySource(db(), shop.store, window);
    expect(tampered.totals.revenueMinor).toBeGreaterThan(before.totals.revenueMinor);

    // A change row for that day makes it raw again: the true figures, before any refresh.
    await db().execute(sql`insert into analytics_changes (store_id, at)
      values (${shop.store.id}, (${row!.day}::date::timestamp + interval '12 hours') at time zone ${shop.store.timezone})`);
    expect(await conversionsBySource(db(), shop.store, window)).toEqual(before);
    const products = await conversionsByProduct(db(), shop.store, window);
    await refreshAnalyticsRollups(db());
    expect(await conversionsBySource(db(), shop.store, window)).toEqual(before);
    expect(await conversionsByProduct(db(), shop.store, window)).toEqual(products);
    const overview = await loadStoreOverview(db(), shop.store, {
      range: { current: window, previous: window, days: 14 },
    });
    expect(overview.current.revenueMinor).toBe(before.totals.revenueMinor);
    const weekly = await revenueOverTime(db(), shop.store, window, "week");
    expect(weekly.buckets.reduce((sum, b) => sum + b.revenueMinor, 0)).toBe(
      before.totals.revenueMinor,
    );
  });
});

// PGlite runs one transaction at a time, so only PostgreSQL can interleave these.
describe.runIf(testDbBackend === "postgres")(
  `analytics rollups beside concurrent writes [${testDbBackend}]`,
  () => {
    it("a write that commits while refreshes run is neither lost nor counted twice", async () => {
      const { current, previous, span, edges } = dstScenario(4);
      const shop = await buildAnalyticsStore(db(), { seed: 74, span, edges });
      const days: DayRange[] = [current, previous].map(({ from, to }) => ({ from, to }));
      await refreshAnalyticsRollups(db());
      const before = await figuresOf(db(), shop.store, days);

      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let written!: () => void;
      const wrote = new Promise<void>((resolve) => (written = resolve));
      const midWindow = new Date((current.start.getTime() + current.end.getTime()) / 2);
      const writer = db().transaction(async (tx) => {
        await tx.execute(sql`update orders set status = 'paid', paid_at = ${midWindow}
          where id = (select id from orders where store_id = ${shop.store.id}
            and status = 'pending' order by id limit 1)`);
        written();
        await gate;
      });
      await wrote;
      // The uncommitted payment's change row is invisible: nothing to refresh yet.
      const reports = await Promise.all([
        refreshAnalyticsRollups(db()),
        refreshAnalyticsRollups(db()),
      ]);
      expect(reports.map((r) => r.days)).toEqual([0, 0]);
      release();
      await writer;

      const after = await figuresOf(db(), shop.store, days);
      expect(after).not.toEqual(before);
      expect(after).toEqual(await rawFiguresOf(db(), shop.store, days));
      const [pending] = await queryRows<{ n: number }>(
        db(),
        sql`select count(*)::int as n from analytics_changes where store_id = ${shop.store.id}`,
      );
      expect(pending?.n).toBeGreaterThan(0);

      await Promise.all([refreshAnalyticsRollups(db()), refreshAnalyticsRollups(db())]);
      expect(await figuresOf(db(), shop.store, days)).toEqual(after);
      const [left] = await queryRows<{ n: number }>(
        db(),
        sql`select count(*)::int as n from analytics_changes where store_id = ${shop.store.id}`,
      );
      expect(left?.n).toBe(0);
    });

    it("a tick skips a store another tick holds, and leaves its changes for later", async () => {
      const { current, span, edges } = dstScenario(6);
      const shop = await buildAnalyticsStore(db(), { seed: 77, span, edges });
      await refreshAnalyticsRollups(db());
      await db().execute(sql`insert into analytics_changes (store_id, at)
        values (${shop.store.id}, ${new Date((current.start.getTime() + current.end.getTime()) / 2)})`);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let held!: () => void;
      const holding = new Promise<void>((resolve) => (held = resolve));
      const holder = db().transaction(async (tx) => {
        await tx.execute(sql`select 1 from analytics_rollup_state
          where store_id = ${shop.store.id} for update`);
        held();
        await gate;
      });
      await holding;
      const report = await refreshAnalyticsRollups(db());
      release();
      await holder;
      expect(report).toMatchObject({ left: 1, days: 0, failed: 0 });
      expect(await refreshAnalyticsRollups(db())).toMatchObject({ left: 0, days: 1 });
    });
  },
);
