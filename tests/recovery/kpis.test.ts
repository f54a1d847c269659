import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/drivers";
import { messages, orders, recoveries, recoverySteps } from "@/db/schema";
import { type AnalyticsWindow, parseAnalyticsRange } from "@/lib/analytics/range";
import type { AnalyticsStore } from "@/lib/analytics/store";
import { type RecoveryKpis, recoveryKpis } from "@/lib/recovery/kpis";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { createOwnerWithStore } from "../support/fixtures";
import { seededRandom, writeRandomRecoveries } from "./report-fixtures";

const getDb = setupTestDatabase();
const DAY = 86_400_000;
/** Ten days after New York left daylight saving time (1 November 2026). */
const NOW = new Date("2026-11-11T15:00:00Z");

const inWindow = (at: Date | null, window: AnalyticsWindow) =>
  at !== null && at >= window.start && at < window.end;
const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** Every figure by brute force from the raw rows of one store. */
async function reference(
  db: Database,
  store: AnalyticsStore,
  window: AnalyticsWindow,
): Promise<RecoveryKpis> {
  const recoveryRows = await db.select().from(recoveries).where(eq(recoveries.storeId, store.id));
  const stepRows = await db.select().from(recoverySteps).where(eq(recoverySteps.storeId, store.id));
  const messageRows = await db.select().from(messages).where(eq(messages.storeId, store.id));
  const orderRows = await db.select().from(orders).where(eq(orders.storeId, store.id));
  const messageStatus = new Map(messageRows.map((row) => [row.id, row.status]));

  const abandonedRows = recoveryRows.filter((row) => inWindow(row.abandonedAt, window));
  const abandoned = abandonedRows.length;
  const recoveredOrders = orderRows.filter(
    (row) =>
      row.recoveryId !== null &&
      (row.status === "paid" || row.status === "refunded") &&
      row.currency === store.currency &&
      inWindow(row.paidAt, window),
  );
  const decided = stepRows.filter((row) => inWindow(row.decidedAt, window));
  const stepFigures = [1, 2, 3].map((step) => {
    const sent = decided.filter((row) => row.step === step && row.status === "sent");
    const statusOf = (row: (typeof sent)[number]) =>
      row.messageId ? messageStatus.get(row.messageId) : undefined;
    const recovered = recoveredOrders.filter((row) => row.recoveryStep === step);
    return {
      step,
      sent: sent.length,
      delivered: sent.filter((row) => ["delivered", "read"].includes(statusOf(row) ?? "")).length,
      read: sent.filter((row) => statusOf(row) === "read").length,
      failed: sent.filter((row) => ["failed", "blocked"].includes(statusOf(row) ?? "")).length,
      skipped: decided.filter((row) => row.step === step && row.status === "skipped").length,
      recovered: recovered.length,
      recoveredRevenueMinor: recovered.reduce(
        (sum, row) => sum + row.totalMinor - row.refundedMinor,
        0,
      ),
      recoveryRate: rate(recovered.length, abandoned),
    };
  });
  const reasons = new Map<string, number>();
  for (const row of decided.filter((row) => row.status === "skipped")) {
    reasons.set(row.reason!, (reasons.get(row.reason!) ?? 0) + 1);
  }
  const sum = (key: "sent" | "delivered" | "read" | "failed" | "skipped") =>
    stepFigures.reduce((total, row) => total + row[key], 0);
  return {
    currency: store.currency,
    abandoned,
    abandonedValueMinor: abandonedRows
      .filter((row) => row.currency === store.currency)
      .reduce((total, row) => total + row.valueMinor, 0),
    sent: sum("sent"),
    delivered: sum("delivered"),
    read: sum("read"),
    failed: sum("failed"),
    skipped: sum("skipped"),
    recovered: recoveredOrders.length,
    recoveredRevenueMinor: recoveredOrders.reduce(
      (total, row) => total + row.totalMinor - row.refundedMinor,
      0,
    ),
    recoveryRate: rate(recoveredOrders.length, abandoned),
    skippedByReason: [...reasons]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    steps: stepFigures,
  };
}

async function randomStore(seed: number, timezone: string) {
  const db = getDb();
  const { store } = await createOwnerWithStore(db, { timezone, currency: "JPY" });
  await writeRandomRecoveries(db, {
    storeId: store.id,
    currency: "JPY",
    from: new Date(NOW.getTime() - 70 * DAY),
    to: new Date(NOW.getTime() + DAY),
    count: 120,
    random: seededRandom(seed),
  });
  return { id: store.id, timezone, currency: "JPY" } satisfies AnalyticsStore;
}

describe(`recovery KPIs [${testDbBackend}]`, () => {
  it("equal a brute-force count of the raw rows, per store, for each window", async () => {
    const seed = Date.now() % 1_000_000;
    const db = getDb();
    const newYork = await randomStore(seed, "America/New_York");
    const tokyo = await randomStore(seed + 1, "Asia/Tokyo");
    const windows = (store: AnalyticsStore) => {
      const last30 = parseAnalyticsRange({ range: "30d" }, store.timezone, NOW);
      const custom = parseAnalyticsRange(
        { range: "custom", from: "2026-10-25", to: "2026-11-03" },
        store.timezone,
        NOW,
      );
      return [last30.current, last30.previous, custom.current];
    };
    for (const store of [newYork, tokyo]) {
      for (const window of windows(store)) {
        const expected = await reference(db, store, window);
        expect(await recoveryKpis(db, store, window), `seed ${seed}`).toEqual(expected);
      }
    }
    // The data is varied enough for the comparison to mean something.
    const last30 = parseAnalyticsRange({ range: "30d" }, newYork.timezone, NOW).current;
    const figures = await recoveryKpis(db, newYork, last30);
    expect(figures.abandoned).toBeGreaterThan(20);
    expect(figures.sent).toBeGreaterThan(0);
    expect(figures.recovered).toBeGreaterThan(0);
    expect(figures.skippedByReason.length).toBeGreaterThan(0);
  });

  it("shows nothing of another store's recoveries", async () => {
    const db = getDb();
    const busy = await randomStore(7, "Asia/Tokyo");
    const { store } = await createOwnerWithStore(db, { timezone: "Asia/Tokyo" });
    const quiet = { id: store.id, timezone: "Asia/Tokyo", currency: "JPY" };
    const window = parseAnalyticsRange({ range: "90d" }, quiet.timezone, NOW).current;
    expect((await recoveryKpis(db, busy, window)).abandoned).toBeGreaterThan(0);
    expect(await recoveryKpis(db, quiet, window)).toMatchObject({
      abandoned: 0,
      abandonedValueMinor: 0,
      sent: 0,
      skipped: 0,
      recovered: 0,
      recoveredRevenueMinor: 0,
      recoveryRate: null,
      skippedByReason: [],
    });
  });
});
