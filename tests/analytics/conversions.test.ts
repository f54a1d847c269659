import { describe, expect, it } from "vitest";
import {
  type ConversionFigures,
  type ConversionRow,
  conversionsBySource,
  DELETED_QR_KEY,
} from "@/lib/analytics/conversions";
import type { AnalyticsWindow } from "@/lib/analytics/range";
import type { AnalyticsStore } from "@/lib/analytics/store";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  buildAnalyticsStore,
  dstScenario,
  isPaidWithin,
  isWithin,
  type RawRows,
  readRawRows,
} from "./fixtures";

const db = setupTestDatabase();
type Tally = { source: string; qrCodeId: string | null; counts: number[] };

/** The funnel counted one row at a time, from every store's raw rows. */
function reference(raw: RawRows, store: AnalyticsStore, window: AnalyticsWindow) {
  const tallies = new Map<string, Tally>();
  const count = (source: string, qrCodeId: string | null, step: number, amount = 1) => {
    const qr = source === "qr" ? qrCodeId : null;
    const key = source !== "qr" ? source : qr ? `qr:${qr}` : DELETED_QR_KEY;
    const tally = tallies.get(key) ?? { source, qrCodeId: qr, counts: [0, 0, 0, 0, 0] };
    tally.counts[step]! += amount;
    tallies.set(key, tally);
  };
  for (const click of raw.clicks)
    if (click.storeId === store.id && isWithin(click.createdAt, window))
      count(click.source, click.qrCodeId, 0);
  for (const chat of raw.conversations)
    if (chat.storeId === store.id && isWithin(chat.createdAt, window))
      count(chat.source, chat.qrCodeId, 1);
  for (const order of raw.orders) {
    if (order.storeId === store.id && isWithin(order.createdAt, window))
      count(order.source, order.qrCodeId, 2);
    if (isPaidWithin(order, store, window)) {
      count(order.source, order.qrCodeId, 3);
      count(order.source, order.qrCodeId, 4, order.totalMinor - order.refundedMinor);
    }
  }
  const figures = ([
    clicks = 0,
    chats = 0,
    orders = 0,
    paidOrders = 0,
    revenueMinor = 0,
  ]: number[]) => ({
    clicks,
    chats,
    orders,
    paidOrders,
    revenueMinor,
    chatRate: clicks ? chats / clicks : null,
    orderRate: chats ? orders / chats : null,
    paidRate: orders ? paidOrders / orders : null,
    averageOrderMinor: paidOrders ? Math.floor(revenueMinor / paidOrders) : null,
  });
  const rows = [...tallies].map(([key, tally]) => {
    const code = raw.qrCodes.find((qr) => qr.id === tally.qrCodeId && qr.storeId === store.id);
    return {
      key,
      source: tally.source,
      qrCode: code ? { id: code.id, name: code.name, archived: code.archivedAt !== null } : null,
      ...figures(tally.counts),
    };
  });
  const totals = [0, 1, 2, 3, 4].map((step) =>
    [...tallies.values()].reduce((sum, tally) => sum + tally.counts[step]!, 0),
  );
  return { rows, totals: figures(totals) };
}

const byKey = (rows: ConversionRow[]) => [...rows].sort((a, b) => a.key.localeCompare(b.key));

describe(`conversions by entry point [${testDbBackend}]`, () => {
  for (const seed of [11, 12, 13]) {
    it(`equals a brute-force count of the raw rows, per store (seed ${seed})`, async () => {
      const { current, previous, span, edges } = dstScenario(seed);
      const options = { span, edges };
      const shopA = await buildAnalyticsStore(db(), { seed, ...options });
      const shopB = await buildAnalyticsStore(db(), { seed: seed * 7, ...options });
      const raw = await readRawRows(db());

      for (const shop of [shopA, shopB]) {
        for (const window of [current, previous]) {
          const actual = await conversionsBySource(db(), shop.store, window);
          const expected = reference(raw, shop.store, window);
          expect(byKey(actual.rows)).toEqual(byKey(expected.rows));
          expect(actual.totals).toEqual(expected.totals);
        }
      }

      // The data exercised what matters: named, archived and deleted QR codes, unattributed,
      // ads, refunds; and no row of A names B's QR codes (tenancy).
      const { rows, totals } = await conversionsBySource(db(), shopA.store, current);
      const keys = rows.map((row) => row.key);
      expect(keys).toEqual(
        expect.arrayContaining(["unattributed", "ad", "widget", DELETED_QR_KEY]),
      );
      expect(rows.filter((row) => row.qrCode).length).toBeGreaterThanOrEqual(3);
      expect(rows.some((row) => row.qrCode?.archived)).toBe(true);
      expect(totals.revenueMinor).toBeGreaterThan(0);
      expect(keys.at(-1)).toBe("unattributed");
      const instants = new Set(
        [
          ...raw.clicks.map((click) => click.createdAt),
          ...raw.conversations.map((chat) => chat.createdAt),
          ...raw.orders.flatMap((order) => [order.createdAt, order.paidAt]),
        ].map((at) => at?.getTime()),
      );
      for (const edge of [current.start, current.end])
        for (const offset of [-1, 0, 1]) expect(instants).toContain(edge.getTime() + offset);
      const otherCodes = new Set(shopB.qrCodes.map((code) => code.id));
      expect(rows.some((row) => row.qrCode && otherCodes.has(row.qrCode.id))).toBe(false);
    });
  }

  it("has no rows and null rates for a store without activity", async () => {
    const shop = await buildAnalyticsStore(db(), {
      seed: 5,
      span: { start: new Date("2025-01-01T00:00:00Z"), end: new Date("2025-02-01T00:00:00Z") },
    });
    const empty: ConversionFigures = {
      clicks: 0,
      chats: 0,
      orders: 0,
      paidOrders: 0,
      revenueMinor: 0,
      chatRate: null,
      orderRate: null,
      paidRate: null,
      averageOrderMinor: null,
    };
    const { current } = dstScenario(0);
    expect(await conversionsBySource(db(), shop.store, current)).toEqual({
      rows: [],
      totals: empty,
    });
  });
});
