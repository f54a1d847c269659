import { compare, type DayRange } from "./range";

/**
 * What the report pages do with figures the SQL already computed: compare them with the
 * previous period, put funnel steps side by side, sort table rows and name entry points.
 * Nothing here aggregates rows; it only arranges numbers for display.
 */

export type DeltaDirection = "up" | "down" | "same";

export type DeltaView = {
  delta: number;
  /** null when the previous period had 0 (no percentage from nothing). */
  percent: number | null;
  direction: DeltaDirection;
  /** "+", "−" (minus sign) or "±" for no change: shown beside the arrow, never colour alone. */
  sign: "+" | "−" | "±";
};

export function describeDelta(current: number, previous: number): DeltaView {
  const { delta, percent } = compare(current, previous);
  const direction: DeltaDirection = delta > 0 ? "up" : delta < 0 ? "down" : "same";
  return {
    delta,
    percent,
    direction,
    sign: direction === "up" ? "+" : direction === "down" ? "−" : "±",
  };
}

/** numerator / denominator, or null when there is nothing to divide by. */
export function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export type FunnelCounts = { clicks: number; chats: number; orders: number; paidOrders: number };
export const FUNNEL_STEPS = ["clicks", "chats", "orders", "paidOrders"] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/** Each step's count and its rate from the step before (the first step has none). */
export function funnelSteps(counts: FunnelCounts) {
  return FUNNEL_STEPS.map((step, index) => {
    const before = index === 0 ? null : FUNNEL_STEPS[index - 1]!;
    return {
      step,
      count: counts[step],
      rateFromPrevious: before === null ? null : rate(counts[step], counts[before]),
    };
  });
}

/** Adds up funnel counts (of rows the SQL computed) for the funnel's "all entry points". */
export function sumFunnel(rows: readonly FunnelCounts[]): FunnelCounts {
  return rows.reduce<FunnelCounts>(
    (total, row) => ({
      clicks: total.clicks + row.clicks,
      chats: total.chats + row.chats,
      orders: total.orders + row.orders,
      paidOrders: total.paidOrders + row.paidOrders,
    }),
    { clicks: 0, chats: 0, orders: 0, paidOrders: 0 },
  );
}

export type SortDirection = "asc" | "desc";
type Sortable = string | number | null | undefined;

/**
 * A sorted copy: numbers by value, text in the reader's language, empty values (null) last
 * in either direction, ties kept in their original order.
 */
export function sortRows<Row>(
  rows: readonly Row[],
  value: (row: Row) => Sortable,
  direction: SortDirection,
  language = "en",
): Row[] {
  const collator = new Intl.Collator(language, { numeric: true });
  const factor = direction === "asc" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((a, b) => {
      const aEmpty = a.key === null || a.key === undefined;
      const bEmpty = b.key === null || b.key === undefined;
      if (aEmpty || bEmpty) return aEmpty === bEmpty ? a.index - b.index : aEmpty ? 1 : -1;
      const order =
        typeof a.key === "number" && typeof b.key === "number"
          ? a.key - b.key
          : collator.compare(String(a.key), String(b.key));
      return order === 0 ? a.index - b.index : order * factor;
    })
    .map(({ row }) => row);
}

export type EntryPoint = { source: string; qrCodeId?: string | null; qrCodeName?: string | null };

export type EntryPointWords = {
  sources: Record<string, string>;
  /** "Shop card — {name}" */
  qrCode: string;
  qrCodeDeleted: string;
};

/** An entry point in words: the source, or the printed QR code by its name. */
export function entryPointLabel(entry: EntryPoint, words: EntryPointWords): string {
  if (entry.source === "qr") {
    if (!entry.qrCodeId) return words.qrCodeDeleted;
    return words.qrCode.replace("{name}", entry.qrCodeName ?? "");
  }
  return Object.hasOwn(words.sources, entry.source)
    ? (words.sources[entry.source] ?? entry.source)
    : entry.source;
}

/** A stable key for a row per entry point (a row per QR code). */
export function entryPointKey(entry: EntryPoint): string {
  return entry.source === "qr" ? `qr:${entry.qrCodeId ?? "deleted"}` : entry.source;
}

/** "Mar 1 – 30, 2026" / "2026/03/01～2026/03/30": calendar days, whatever the viewer's zone. */
export function formatDayRange({ from, to }: DayRange, language: string): string {
  const format = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" });
  const start = new Date(`${from}T00:00:00Z`);
  return from === to
    ? format.format(start)
    : format.formatRange(start, new Date(`${to}T00:00:00Z`));
}

/** A chart axis's day: "2026-03-01" → "3/1". */
export function shortDay(day: string): string {
  const [, month, date] = day.split("-");
  return `${Number(month)}/${Number(date)}`;
}

/** A share 0..1 as a percentage number for the formatter (null stays null). */
export function asPercent(share: number | null): number | null {
  return share === null ? null : share * 100;
}
