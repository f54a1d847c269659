/** Random choices for tests/analytics/fixtures.ts: deterministic per seed, crowding given edges. */
import type { ClickSource } from "@/db/schema";
import { type AnalyticsWindow, addDays, startOfLocalDay, windowOf } from "@/lib/analytics/range";

/** A small deterministic generator (mulberry32). */
export function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return {
    next,
    int,
    chance: (probability: number) => next() < probability,
    /** A shuffled copy (Fisher–Yates). */
    shuffle: <T>(items: readonly T[]): T[] => {
      const copy = [...items];
      for (let index = copy.length - 1; index > 0; index -= 1) {
        const other = int(index + 1);
        [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
      }
      return copy;
    },
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error("pick from nothing");
      return items[int(items.length)] as T;
    },
  };
}
export type Random = ReturnType<typeof randomSource>;

/** The local midnights from the window's first day to the day after its last. */
export function dayStartsOf(window: AnalyticsWindow): Date[] {
  const starts = [];
  for (let day = window.from; day <= addDays(window.to, 1); day = addDays(day, 1))
    starts.push(startOfLocalDay(day, window.timezone));
  return starts;
}

const MINUTE = 60_000;
export const PHONE_PREFIXES = ["8190", "1212", "86138", "8210", "447700", "61412", "886912"];
const SOURCE_WEIGHTS: [ClickSource, number][] = [
  ["widget", 4],
  ["product_button", 3],
  ["desktop_qr", 1],
  ["qr", 5],
  ["cart", 1],
  ["link", 2],
];

export function weightedSource(random: Random): ClickSource {
  const total = SOURCE_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.int(total);
  for (const [source, weight] of SOURCE_WEIGHTS) {
    if (roll < weight) return source;
    roll -= weight;
  }
  return "widget";
}

export function timePicker(
  random: Random,
  options: { span: { start: Date; end: Date }; edges?: Date[] },
) {
  const { start, end } = options.span;
  const edges = options.edges ?? [];
  const anywhere = () => new Date(start.getTime() + random.int(end.getTime() - start.getTime()));
  const nearEdge = () => new Date(random.pick(edges).getTime() + random.pick([-1, 0, 1]));
  const any = () => (edges.length > 0 && random.chance(0.2) ? nearEdge() : anywhere());
  /** Some time after `after`: an edge if one follows it, else minutes to days later. */
  const after = (after: Date) => {
    const candidate = edges.length > 0 && random.chance(0.25) ? nearEdge() : null;
    if (candidate && candidate >= after) return candidate;
    const delay = random.chance(0.5) ? random.int(90 * MINUTE) : random.int(4 * 1440 * MINUTE);
    return new Date(after.getTime() + delay);
  };
  return { any, after };
}

/** Order lines of 1–3 distinct products, 1–3 units each, at the products' prices. */
export function orderLines(
  random: Random,
  catalog: { id: string; name: string; priceMinor: number }[],
) {
  const chosen = random.shuffle(catalog).slice(0, 1 + random.int(3));
  return chosen.map((product) => {
    const quantity = 1 + random.int(3);
    return {
      productId: product.id,
      name: product.name,
      unitPriceMinor: product.priceMinor,
      quantity,
      lineTotalMinor: product.priceMinor * quantity,
    };
  });
}

/** The money and status columns of an order: pending, cancelled, paid, part- or fully refunded. */
export function orderOutcome(random: Random, subtotal: number, createdAt: Date, time: TimePicker) {
  const discount = random.chance(0.2) ? Math.floor((subtotal * (5 + random.int(16))) / 100) : 0;
  const total = subtotal - discount;
  const roll = random.next();
  const base = {
    subtotalMinor: subtotal,
    discountMinor: discount,
    totalMinor: total,
    discountLines: discount ? [{ kind: "loyalty", label: "Points", amountMinor: discount }] : [],
  };
  if (roll < 0.15) return { ...base, status: "pending" as const };
  if (roll < 0.25)
    return { ...base, status: "cancelled" as const, cancelledAt: time.after(createdAt) };
  const paidAt = time.after(createdAt);
  if (roll < 0.33) {
    return {
      ...base,
      status: "refunded" as const,
      paidAt,
      refundedMinor: total,
      refundedAt: time.after(paidAt),
    };
  }
  if (roll < 0.48 && total > 1) {
    const refunded = 1 + random.int(total - 1);
    return {
      ...base,
      status: "paid" as const,
      paidAt,
      refundedMinor: refunded,
      refundedAt: time.after(paidAt),
    };
  }
  return { ...base, status: "paid" as const, paidAt };
}
export type TimePicker = ReturnType<typeof timePicker>;

export const FIXTURE_TIMEZONE = "America/New_York";
const DAY = 86_400_000;
const DST_WINDOWS = [
  // Spring forward on 8 March 2026: a 23-hour day.
  [
    { from: "2026-03-02", to: "2026-03-15" },
    { from: "2026-02-16", to: "2026-03-01" },
  ],
  // Fall back on 1 November 2026: a 25-hour day.
  [
    { from: "2026-10-25", to: "2026-11-07" },
    { from: "2026-10-11", to: "2026-10-24" },
  ],
] as const;

/**
 * Two weeks across a DST change in New York (March for even seeds, November for odd) and the
 * two weeks before it, with the span and edges to build rows for: a day beyond each end, and
 * every local midnight of both windows crowded.
 */
export function dstScenario(seed: number) {
  const [currentDays, previousDays] = DST_WINDOWS[seed % 2]!;
  const current = windowOf(currentDays, FIXTURE_TIMEZONE);
  const previous = windowOf(previousDays, FIXTURE_TIMEZONE);
  return {
    current,
    previous,
    span: {
      start: new Date(previous.start.getTime() - DAY),
      end: new Date(current.end.getTime() + 2 * DAY),
    },
    edges: [...dayStartsOf(previous), ...dayStartsOf(current)],
  };
}
