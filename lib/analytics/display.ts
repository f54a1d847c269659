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

export type EntryPoint = { source: string; qrCode?: { name: string; archived?: boolean } | null };

export type EntryPointWords = {
  sources: Record<string, string>;
  /** "QR code: {name}" (the owner's names often say "Shop card — …" themselves) */
  qrCode: string;
  /** "{name} (archived)" */
  archived: string;
  qrCodeDeleted: string;
};

/** An entry point in words: the source, or the printed QR code by its name. */
export function entryPointLabel(entry: EntryPoint, words: EntryPointWords): string {
  if (entry.source === "qr") {
    if (!entry.qrCode) return words.qrCodeDeleted;
    const name = entry.qrCode.archived
      ? words.archived.replace("{name}", entry.qrCode.name)
      : entry.qrCode.name;
    return words.qrCode.replace("{name}", name);
  }
  return Object.hasOwn(words.sources, entry.source)
    ? (words.sources[entry.source] ?? entry.source)
    : entry.source;
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

export type DurationWords = { seconds: string; minutes: string; hours: string; days: string };

/** A median wait in the largest unit that keeps it readable: "45 s", "3.5 min", "2 h". */
export function formatDuration(
  ms: number,
  words: DurationWords,
  number: (value: number) => string,
): string {
  const seconds = ms / 1000;
  const round = (value: number) => Math.round(value * 10) / 10;
  if (seconds < 60) return words.seconds.replace("{n}", number(Math.round(seconds)));
  if (seconds < 3600) return words.minutes.replace("{n}", number(round(seconds / 60)));
  if (seconds < 86_400) return words.hours.replace("{n}", number(round(seconds / 3600)));
  return words.days.replace("{n}", number(round(seconds / 86_400)));
}

export type ProblemWords = {
  failed: string;
  blocked: string;
  withCode: string;
  withoutCode: string;
  blockedNoReason: string;
};

/** Why messages failed or were held back, in words: the stored reason, else the code. */
export function problemReason(
  problem: { status: "failed" | "blocked"; errorCode: number | null; errorReason: string | null },
  words: ProblemWords,
): string {
  const stored = problem.errorReason?.trim();
  if (problem.status === "blocked")
    return words.blocked.replace("{reason}", stored || words.blockedNoReason);
  const reason =
    stored ||
    (problem.errorCode === null
      ? words.withoutCode
      : words.withCode.replace("{code}", String(problem.errorCode)));
  return words.failed.replace("{reason}", reason);
}
