import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { conversations, customers, orders } from "@/db/schema";
import { loadStoreOverview } from "@/lib/analytics/overview";
import { parseAnalyticsRange } from "@/lib/analytics/range";
import { createOwnerWithStore } from "../support/fixtures";
import { testDbBackend, setupTestDatabase } from "../support/database";

const db = setupTestDatabase();
const now = new Date("2026-11-20T03:00:00Z"); // 12:00 in Tokyo
const daysAgo = (days: number, hours = 0) =>
  new Date(now.getTime() - days * 86_400_000 - hours * 3_600_000);

let orderNumber = 0;
function order(
  storeId: string,
  status: "paid" | "pending" | "refunded",
  totalMinor: number,
  at: Date,
  refundedMinor = 0,
) {
  orderNumber += 1;
  return {
    storeId,
    number: `T-${orderNumber}`,
    status,
    currency: "JPY",
    subtotalMinor: totalMinor,
    totalMinor,
    refundedMinor,
    createdAt: at,
    paidAt: status === "pending" ? null : at,
  };
}

describe(`dashboard overview numbers [${testDbBackend}]`, () => {
  it("counts only this store's paid orders (net of refunds), chats and new customers in the window", async () => {
    const { store } = await createOwnerWithStore(db(), { timezone: "Asia/Tokyo" });
    const other = await createOwnerWithStore(db());
    await db()
      .insert(orders)
      .values([
        order(store.id, "paid", 2800, daysAgo(1)),
        order(store.id, "paid", 5400, daysAgo(29), 400),
        order(store.id, "pending", 99999, daysAgo(2)),
        // Paid, then refunded in full: a paid order worth nothing now.
        order(store.id, "refunded", 7000, daysAgo(3), 7000),
        order(store.id, "paid", 1000, daysAgo(31)), // previous period
        order(other.store.id, "paid", 123456, daysAgo(1)),
      ]);
    await db()
      .insert(customers)
      .values([
        { storeId: store.id, waId: "15550100001", phone: "+15550100001", createdAt: daysAgo(2) },
        { storeId: store.id, waId: "15550100002", phone: "+15550100002", createdAt: daysAgo(45) },
        {
          storeId: other.store.id,
          waId: "15550100003",
          phone: "+15550100003",
          createdAt: daysAgo(2),
        },
      ]);

    const [mine, older, theirs] = await db()
      .select({ id: customers.id, storeId: customers.storeId })
      .from(customers)
      .where(inArray(customers.waId, ["15550100001", "15550100002", "15550100003"]))
      .orderBy(customers.waId);
    const chat = (
      customer: { id: string; storeId: string },
      at: Date,
      status: "bot" | "closed",
    ) => ({
      storeId: customer.storeId,
      customerId: customer.id,
      language: "en",
      status,
      createdAt: at,
    });
    await db()
      .insert(conversations)
      .values([
        chat(mine!, daysAgo(1), "bot"),
        chat(mine!, daysAgo(5), "closed"),
        chat(older!, daysAgo(40), "closed"),
        chat(theirs!, daysAgo(1), "bot"),
      ]);

    const overview = await loadStoreOverview(db(), store, { now });

    expect(overview.current).toEqual({
      revenueMinor: 7800,
      paidOrders: 3,
      chatsStarted: 2,
      newCustomers: 1,
    });
    expect(overview.previous).toEqual({
      revenueMinor: 1000,
      paidOrders: 1,
      chatsStarted: 1,
      newCustomers: 1,
    });
    expect(overview.daily.reduce((sum, day) => sum + day.revenueMinor, 0)).toBe(7800);
    // The last 30 calendar days in the store's time zone, today the last.
    expect(overview.daily).toHaveLength(30);
    expect(overview.daily.at(-1)).toEqual({ day: "2026-11-20", revenueMinor: 0, paidOrders: 0 });
    expect(overview.daily.find((day) => day.day === "2026-11-19")).toEqual({
      day: "2026-11-19",
      revenueMinor: 2800,
      paidOrders: 1,
    });
    expect(overview.recentOrders.map((o) => o.totalMinor)).not.toContain(123456);
  });

  it("buckets days in the store's time zone", async () => {
    const { store } = await createOwnerWithStore(db(), { timezone: "Asia/Tokyo" });
    // 2026-11-18 16:30 UTC is already 2026-11-19 01:30 in Tokyo.
    await db()
      .insert(orders)
      .values(order(store.id, "paid", 500, new Date("2026-11-18T16:30:00Z")));
    const overview = await loadStoreOverview(db(), store, { now });
    expect(overview.daily.find((day) => day.day === "2026-11-19")?.revenueMinor).toBe(500);
    expect(overview.daily.find((day) => day.day === "2026-11-18")?.revenueMinor).toBe(0);
  });

  it("never adds two currencies: money is summed in the store's currency only", async () => {
    const { store } = await createOwnerWithStore(db(), { timezone: "Asia/Tokyo", currency: "JPY" });
    const sameDay = daysAgo(1);
    await db()
      .insert(orders)
      .values([
        order(store.id, "paid", 2800, sameDay),
        // An order in another currency (written before the currency lock, or by a bug) must not
        // turn ¥2,800 + $28.00 into "¥5,600".
        { ...order(store.id, "paid", 2800, sameDay), currency: "USD" },
        { ...order(store.id, "paid", 1000, daysAgo(31)), currency: "EUR" },
      ]);

    const overview = await loadStoreOverview(db(), store, { now });

    expect(overview.current.revenueMinor).toBe(2800);
    expect(overview.current.paidOrders).toBe(1);
    expect(overview.previous.revenueMinor).toBe(0);
    expect(overview.daily.reduce((sum, day) => sum + day.revenueMinor, 0)).toBe(2800);
    expect(overview.daily.reduce((sum, day) => sum + day.paidOrders, 0)).toBe(1);
  });

  it("follows the page's date range: whole days in the store's zone, and the days before", async () => {
    const { store } = await createOwnerWithStore(db(), { timezone: "Asia/Tokyo" });
    const range = parseAnalyticsRange(
      { range: "custom", from: "2026-11-10", to: "2026-11-12" },
      store.timezone,
      now,
    );
    await db()
      .insert(orders)
      .values([
        // 2026-11-09 15:00 UTC is the first instant of the 10th in Tokyo.
        order(store.id, "paid", 100, new Date("2026-11-09T15:00:00Z")),
        // The last minute of the 12th in Tokyo.
        order(store.id, "paid", 200, new Date("2026-11-12T14:59:00Z")),
        // The 13th in Tokyo: after the range.
        order(store.id, "paid", 400, new Date("2026-11-12T15:00:00Z")),
        // The 9th in Tokyo: the previous period (7th–9th).
        order(store.id, "paid", 800, new Date("2026-11-09T14:59:00Z")),
        // The 6th: before the previous period.
        order(store.id, "paid", 1600, new Date("2026-11-06T12:00:00Z")),
      ]);

    const overview = await loadStoreOverview(db(), store, { range });

    expect(overview.days).toBe(3);
    expect(overview.current).toMatchObject({ revenueMinor: 300, paidOrders: 2 });
    expect(overview.previous).toMatchObject({ revenueMinor: 800, paidOrders: 1 });
    expect(overview.daily).toEqual([
      { day: "2026-11-10", revenueMinor: 100, paidOrders: 1 },
      { day: "2026-11-11", revenueMinor: 0, paidOrders: 0 },
      { day: "2026-11-12", revenueMinor: 200, paidOrders: 1 },
    ]);
  });
});
