import { describe, expect, it } from "vitest";
import { orderItems, orders } from "@/db/schema";
import { conversionsBySource } from "@/lib/analytics/conversions";
import { type ProductConversions, conversionsByProduct } from "@/lib/analytics/products";
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

/** An order's net revenue split over its lines: pro rata, rounded down, rest to the largest. */
function splitOverLines(net: number, lines: RawRows["orderItems"]): number[] {
  const total = lines.reduce((sum, line) => sum + line.lineTotalMinor, 0);
  const shares = lines.map((line) =>
    total > 0 ? Math.floor((net * line.lineTotalMinor) / total) : 0,
  );
  let largest = 0;
  lines.forEach((line, index) => {
    const best = lines[largest]!;
    if (
      line.lineTotalMinor > best.lineTotalMinor ||
      (line.lineTotalMinor === best.lineTotalMinor && line.id < best.id)
    )
      largest = index;
  });
  shares[largest]! += net - shares.reduce((sum, share) => sum + share, 0);
  return shares;
}

/** Per-product figures, one raw row at a time, from every store's rows. */
function reference(raw: RawRows, store: AnalyticsStore, window: AnalyticsWindow) {
  const tallies = new Map<string | null, ProductConversions>();
  const tally = (productId: string | null) => {
    const product = raw.products.find((row) => row.id === productId && row.storeId === store.id);
    const entry = tallies.get(productId) ?? {
      productId,
      name: product?.name ?? null,
      sku: product?.sku ?? null,
      active: product?.active ?? null,
      chats: 0,
      orders: 0,
      paidOrders: 0,
      units: 0,
      revenueMinor: 0,
    };
    tallies.set(productId, entry);
    return entry;
  };
  for (const chat of raw.conversations) {
    if (chat.storeId !== store.id || !isWithin(chat.createdAt, window)) continue;
    const code = raw.qrCodes.find((qr) => qr.id === chat.qrCodeId && qr.storeId === store.id);
    const productId = chat.productId ?? code?.productId ?? null;
    if (productId) tally(productId).chats += 1;
  }
  for (const order of raw.orders) {
    if (order.storeId !== store.id) continue;
    const lines = raw.orderItems.filter(
      (line) => line.orderId === order.id && line.storeId === store.id,
    );
    const productsOnIt = new Set(lines.map((line) => line.productId));
    if (isWithin(order.createdAt, window))
      for (const productId of productsOnIt) tally(productId).orders += 1;
    if (!isPaidWithin(order, store, window)) continue;
    for (const productId of productsOnIt) tally(productId).paidOrders += 1;
    const shares = splitOverLines(order.totalMinor - order.refundedMinor, lines);
    lines.forEach((line, index) => {
      tally(line.productId).units += line.quantity;
      tally(line.productId).revenueMinor += shares[index]!;
    });
  }
  return [...tallies.values()];
}

const byId = (rows: ProductConversions[]) =>
  [...rows].sort((a, b) => (a.productId ?? "").localeCompare(b.productId ?? ""));

describe(`conversions by product [${testDbBackend}]`, () => {
  for (const seed of [31, 32, 33]) {
    it(`equals a brute-force count of the raw rows, per store (seed ${seed})`, async () => {
      const { current, previous, span, edges } = dstScenario(seed);
      const shopA = await buildAnalyticsStore(db(), { seed, span, edges });
      const shopB = await buildAnalyticsStore(db(), { seed: seed * 7, span, edges });
      const raw = await readRawRows(db());

      for (const shop of [shopA, shopB]) {
        for (const window of [current, previous]) {
          const actual = await conversionsByProduct(db(), shop.store, window);
          expect(byId(actual)).toEqual(byId(reference(raw, shop.store, window)));

          // The products' revenue adds up exactly to the orders' net revenue.
          const { totals } = await conversionsBySource(db(), shop.store, window);
          const revenue = actual.reduce((sum, row) => sum + row.revenueMinor, 0);
          expect(revenue).toBe(totals.revenueMinor);
        }
      }

      const rows = await conversionsByProduct(db(), shopA.store, current);
      expect(rows.at(-1)?.productId).toBeNull(); // the deleted product, last
      expect(rows.filter((row) => row.chats > 0).length).toBeGreaterThan(1);
      const otherProducts = new Set(shopB.products.map((product) => product.id));
      expect(rows.some((row) => row.productId && otherProducts.has(row.productId))).toBe(false);
      // Partial refunds of orders with several lines were split (not only whole orders).
      const split = raw.orders.filter(
        (order) =>
          isPaidWithin(order, shopA.store, current) &&
          order.refundedMinor > 0 &&
          order.refundedMinor < order.totalMinor &&
          raw.orderItems.filter((line) => line.orderId === order.id).length > 1,
      );
      expect(split.length).toBeGreaterThan(0);
    });
  }

  it("splits a discounted, partly refunded order over its lines, the remainder to the largest", async () => {
    const { store, products } = await buildAnalyticsStore(db(), {
      seed: 3,
      span: { start: new Date("2025-01-01T00:00:00Z"), end: new Date("2025-01-02T00:00:00Z") },
      counts: { orders: 0 },
    });
    const { current } = dstScenario(0);
    const at = new Date(current.start.getTime() + 3_600_000);
    const order = async (
      number: string,
      subtotalMinor: number,
      discountMinor: number,
      refundedMinor: number,
    ) => {
      const [row] = await db()
        .insert(orders)
        .values({
          storeId: store.id,
          number,
          status: "paid",
          currency: store.currency,
          subtotalMinor,
          discountMinor,
          totalMinor: subtotalMinor - discountMinor,
          refundedMinor,
          createdAt: at,
          paidAt: at,
        })
        .returning();
      return row!.id;
    };
    const line = (orderId: string, productId: string, lineTotalMinor: number) => ({
      storeId: store.id,
      orderId,
      productId,
      name: "line",
      unitPriceMinor: lineTotalMinor,
      quantity: 1,
      lineTotalMinor,
    });
    const [a, b, c, d, e] = products.map((product) => product.id);
    const first = await order("SPLIT-1", 1100, 100, 333);
    const second = await order("SPLIT-2", 1100, 0, 100);
    const lines = await db()
      .insert(orderItems)
      .values([
        line(first, a!, 300),
        line(first, b!, 600),
        line(first, c!, 200),
        // Two largest lines alike: the remainder goes to the one with the lower id.
        line(second, d!, 500),
        line(second, e!, 500),
        line(second, a!, 100),
      ])
      .returning();
    const rows = await conversionsByProduct(db(), store, current);
    const revenueOf = (id: string) => rows.find((row) => row.productId === id)?.revenueMinor;
    // Net 667: 667·600/1100 = 363.8, 667·300/1100 = 181.9, 667·200/1100 = 121.3; 2 left over.
    expect([revenueOf(b!), revenueOf(c!)]).toEqual([365, 121]);
    // Net 1000: 1000·500/1100 = 454.5 twice, 1000·100/1100 = 90.9; 2 left over.
    expect(revenueOf(a!)).toBe(181 + 90);
    const [lower, higher] = lines.slice(3, 5).sort((x, y) => (x.id < y.id ? -1 : 1));
    expect([revenueOf(lower!.productId!), revenueOf(higher!.productId!)]).toEqual([456, 454]);
  });
});
