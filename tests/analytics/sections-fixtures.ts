import type { Database } from "@/db/drivers";
import { customers } from "@/db/schema";
import { type AnalyticsWindow, windowOf } from "@/lib/analytics/range";
import type { AnalyticsStore } from "@/lib/analytics/store";
import { createOwnerWithStore } from "../support/fixtures";

/**
 * Random-data helpers shared by the traveller, loyalty and message-health reference tests:
 * a seeded generator (a failing seed reproduces), instants crowded around a window's edges
 * and a DST change, and two stores in the same time zone and currency (so a row leaking from
 * one store into the other's figures would show).
 */

export const TIMEZONE = "America/New_York";
export const CURRENCY = "USD";

/** Spring forward (2026-03-08) and fall back (2026-11-01) inside the windows. */
export const TEST_WINDOWS: AnalyticsWindow[] = [
  windowOf({ from: "2026-03-03", to: "2026-03-09" }, TIMEZONE),
  windowOf({ from: "2026-10-29", to: "2026-11-02" }, TIMEZONE),
];

export type Random = {
  next: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (probability: number) => boolean;
};

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)]!,
    chance: (probability) => next() < probability,
  };
}

const HOUR = 3_600_000;

/**
 * Instants around `window`: half anywhere from three days before to three days after it, the
 * rest within a few milliseconds or hours of its start, its end, or the DST change inside it.
 */
export function instantNear(window: AnalyticsWindow, random: Random): Date {
  const start = window.start.getTime();
  const end = window.end.getTime();
  if (random.chance(0.5)) {
    return new Date(start - 72 * HOUR + Math.floor(random.next() * (end - start + 144 * HOUR)));
  }
  const middle = window.from.startsWith("2026-03")
    ? Date.parse("2026-03-08T07:00:00Z")
    : Date.parse("2026-11-01T06:00:00Z");
  const anchor = random.pick([start, end, middle]);
  const offset = random.pick([0, -1, 1, -HOUR, HOUR, -3 * HOUR, 3 * HOUR, -23 * HOUR, 23 * HOUR]);
  return new Date(anchor + offset);
}

export type TestStore = AnalyticsStore;

export async function twoStores(db: Database): Promise<[TestStore, TestStore]> {
  const make = async () => {
    const { store } = await createOwnerWithStore(db, { timezone: TIMEZONE, currency: CURRENCY });
    return { id: store.id, timezone: store.timezone, currency: store.currency };
  };
  return [await make(), await make()];
}

/** WhatsApp numbers from a few countries, one no library can place, and none (username only). */
const NUMBERS = [
  ["1212736", 4],
  ["8190", 8],
  ["86138", 8],
  ["8210", 8],
  ["447911", 6],
  ["614", 8],
  ["999", 9],
] as const;

let customerCounter = 0;

/** `count` customers of `store` with numbers from several countries; returns their ids. */
export async function insertCustomers(
  db: Database,
  store: TestStore,
  count: number,
  random: Random,
  createdAt: () => Date,
): Promise<string[]> {
  const rows = Array.from({ length: count }, () => {
    customerCounter += 1;
    const [prefix, length] = random.pick(NUMBERS);
    const digits = `${prefix}${String(customerCounter).padStart(length, "0")}`;
    const usernameOnly = random.chance(0.05);
    const phoneShared = random.chance(0.8);
    return {
      storeId: store.id,
      waId: usernameOnly ? null : digits,
      phone: usernameOnly || !phoneShared ? null : `+${digits}`,
      userId: usernameOnly ? `bsuid-${customerCounter}` : null,
      createdAt: createdAt(),
    };
  });
  const inserted = await db.insert(customers).values(rows).returning({ id: customers.id });
  return inserted.map((row) => row.id);
}

let orderCounter = 0;

/** A paid, refunded, pending or cancelled order, now and then in a foreign currency. */
export function randomOrder(
  store: TestStore,
  customerId: string | null,
  random: Random,
  paidAt: Date,
) {
  orderCounter += 1;
  const status = random.pick(["paid", "paid", "paid", "refunded", "pending", "cancelled"] as const);
  const totalMinor = random.int(1, 500) * 100;
  const paid = status === "paid" || status === "refunded";
  const refundedMinor =
    status === "refunded" ? totalMinor : random.chance(0.15) ? random.int(1, totalMinor) : 0;
  return {
    storeId: store.id,
    number: `R-${orderCounter}`,
    customerId,
    status,
    currency: random.chance(0.05) ? "EUR" : store.currency,
    subtotalMinor: totalMinor,
    totalMinor,
    refundedMinor: paid ? refundedMinor : 0,
    createdAt: new Date(paidAt.getTime() - random.int(0, 3) * HOUR),
    paidAt: paid ? paidAt : null,
  };
}

/** The reference median: sort, take the middle (the mean of the two middle ones). */
export function sortedMedian(values: number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const half = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(half)]! : (sorted[half - 1]! + sorted[half]!) / 2;
}
