import { beforeAll, describe, expect, it } from "vitest";
import { customers, type FulfillmentStatus, orders, type OrderStatus } from "@/db/schema";
import { listOrders } from "@/lib/orders/list-orders";
import { type OrdersQuery, parseOrdersQuery } from "@/lib/orders/list-query";
import { ORDER_SOURCES, ORDER_VIEW_STATUSES, orderViewStatus } from "@/lib/orders/status";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { createOwnerWithStore } from "../support/fixtures";
import type { Shop } from "./helpers";

const db = setupTestDatabase();

/** mulberry32: the same "random" orders and queries on every run and backend. */
function seeded(seed: number) {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  return { random, pick };
}

const NAMES = ["Sato Hana", "佐藤 花子", "Li Wei", "Kim Minji", "100% Tea Fan", "o_brien", null];
const STATES: [OrderStatus, FulfillmentStatus][] = [
  ["pending", "unfulfilled"],
  ["paid", "unfulfilled"],
  ["paid", "shipped"],
  ["paid", "delivered"],
  ["refunded", "shipped"],
  ["refunded", "unfulfilled"],
  ["cancelled", "unfulfilled"],
];
// Los Angeles: the days cross the switch to summer time (8 March 2026).
const TIMEZONE = "America/Los_Angeles";
const START = Date.parse("2026-03-01T00:00:00Z");
const HOUR = 3_600_000;

type Expected = {
  id: string;
  number: string;
  name: string | null;
  phone: string | null;
  waId: string | null;
  status: (typeof ORDER_VIEW_STATUSES)[number];
  source: string;
  createdAt: Date;
};

const localDay = (date: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: TIMEZONE }).format(date);

function matches(order: Expected, query: OrdersQuery): boolean {
  if (query.status && order.status !== query.status) return false;
  if (query.source && order.source !== query.source) return false;
  if (query.from && localDay(order.createdAt) < query.from) return false;
  if (query.to && localDay(order.createdAt) > query.to) return false;
  if (query.q) {
    const text = query.q.normalize("NFKC").trim().toLowerCase();
    const digits = text.replace(/\D/g, "");
    const found =
      order.number.toLowerCase().includes(text) ||
      (order.name ?? "\u0000").toLowerCase().includes(text) ||
      (digits.length >= 3 &&
        ((order.phone ?? "").replace(/\D/g, "").includes(digits) ||
          (order.waId ?? "").includes(digits)));
    if (!found) return false;
  }
  return true;
}

describe(`the Orders list against a brute-force reference [${testDbBackend}]`, () => {
  let alice: Shop;
  let bob: Shop;
  const expected: Expected[] = [];
  const { random, pick } = seeded(20261206);

  beforeAll(async () => {
    alice = await createOwnerWithStore(db(), { timezone: TIMEZONE });
    bob = await createOwnerWithStore(db());
    const people = await db()
      .insert(customers)
      .values(
        NAMES.map((name, index) => ({
          storeId: alice.store.id,
          waId: `8190555${String(index).padStart(5, "0")}`,
          phone: index % 3 === 0 ? null : `+81 90-555-${String(index).padStart(4, "0")}`,
          name,
        })),
      )
      .returning();
    const rows = Array.from({ length: 90 }, (_, index) => {
      const [status, fulfillmentStatus] = pick(STATES);
      const customer = random() < 0.1 ? null : pick(people);
      const createdAt = new Date(START + Math.floor(random() * 20 * 24) * HOUR + index * 1000);
      return {
        storeId: alice.store.id,
        number: `KT-${1000 + index}`,
        customerId: customer?.id ?? null,
        status,
        fulfillmentStatus,
        source: pick(ORDER_SOURCES),
        currency: "JPY",
        subtotalMinor: 1000 + index,
        totalMinor: 1000 + index,
        createdAt,
        paidAt: status === "pending" || status === "cancelled" ? null : createdAt,
        customer,
      };
    });
    const inserted = await db()
      .insert(orders)
      .values(rows.map(({ customer: _customer, ...row }) => row))
      .returning();
    for (const [index, row] of inserted.entries()) {
      const customer = rows[index]!.customer;
      expected.push({
        id: row.id,
        number: row.number,
        name: customer?.name ?? null,
        phone: customer?.phone ?? null,
        waId: customer?.waId ?? null,
        status: orderViewStatus(row),
        source: row.source,
        createdAt: row.createdAt,
      });
    }
    // Bob's orders share numbers, names and days with Alice's: none may appear in her list.
    const bobPerson = await db()
      .insert(customers)
      .values({ storeId: bob.store.id, waId: "819055500001", name: "Sato Hana" })
      .returning();
    await db()
      .insert(orders)
      .values(
        Array.from({ length: 12 }, (_, index) => ({
          storeId: bob.store.id,
          number: `KT-${1000 + index}`,
          customerId: bobPerson[0]!.id,
          source: "widget",
          currency: "JPY",
          subtotalMinor: 1,
          totalMinor: 1,
          createdAt: new Date(START + index * HOUR),
        })),
      );
  });

  const sorted = () =>
    [...expected].sort(
      (a, b) =>
        b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
    );

  it("filters, searches and pages exactly like the reference, and only the member's store", async () => {
    const SEARCHES = [
      "KT-10",
      "kt-1005",
      "sato",
      "佐藤",
      "LI WEI",
      "%",
      "_",
      "0555-0002",
      "819055500",
      "no such",
    ];
    const DAYS = Array.from({ length: 22 }, (_, day) =>
      new Date(START + (day - 1) * 24 * HOUR).toISOString().slice(0, 10),
    );
    const PAGE_SIZE = 7;
    let nonEmpty = 0;
    for (let round = 0; round < 60; round++) {
      const query: OrdersQuery = { page: 1 + Math.floor(random() * 4) };
      if (random() < 0.5) query.status = pick(ORDER_VIEW_STATUSES);
      if (random() < 0.4) query.source = pick(ORDER_SOURCES);
      if (random() < 0.4) {
        const [a, b] = [pick(DAYS), pick(DAYS)].sort();
        query.from = a;
        if (random() < 0.7) query.to = b;
      }
      if (random() < 0.4) query.q = pick(SEARCHES);
      const all = sorted().filter((order) => matches(order, query));
      const pageCount = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
      const page = Math.min(query.page, pageCount);
      const result = await listOrders(db(), alice.store, query, PAGE_SIZE);
      expect(
        { total: result.total, page: result.page, pageCount: result.pageCount },
        JSON.stringify(query),
      ).toEqual({
        total: all.length,
        page,
        pageCount,
      });
      expect(
        result.rows.map((row) => row.number),
        JSON.stringify(query),
      ).toEqual(all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((order) => order.number));
      expect(result.rows.every((row) => expected.some((order) => order.id === row.id))).toBe(true);
      if (all.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(20);
  });

  it("shows each row's customer, money, view status and times", async () => {
    const { rows, total } = await listOrders(db(), alice.store, { page: 1, q: "KT-1000" });
    expect(total).toBe(1);
    const order = expected.find((candidate) => candidate.number === "KT-1000")!;
    expect(rows[0]).toMatchObject({
      number: "KT-1000",
      totalMinor: 1000,
      currency: "JPY",
      status: order.status,
      source: order.source,
      createdAt: order.createdAt,
    });
    expect(rows[0]!.customer?.name ?? null).toBe(order.name);
  });

  it("turns a bad query into named problems instead of an error", () => {
    const { query, problems } = parseOrdersQuery({
      status: "lost",
      source: "billboard",
      from: "2026-02-30",
      to: "yesterday",
      q: "x".repeat(101),
      page: "-2",
    });
    expect(problems.sort()).toEqual(["from", "page", "q", "source", "status", "to"]);
    expect(query).toEqual({ page: 1 });
    const reversed = parseOrdersQuery({ from: "2026-03-10", to: "2026-03-01", status: "shipped" });
    expect(reversed).toEqual({ query: { page: 1, status: "shipped" }, problems: ["range"] });
    expect(parseOrdersQuery({ q: "  KT-1 ", page: "3", source: "qr" })).toEqual({
      query: { q: "KT-1", page: 3, source: "qr" },
      problems: [],
    });
  });
});
