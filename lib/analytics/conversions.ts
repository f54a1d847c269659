import "server-only";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { CLICK_SOURCES, clicks, conversations, orders, qrCodes } from "@/db/schema";
import { inWindow, paidOrdersIn, rate, toNumber } from "./filters";
import type { AnalyticsWindow } from "./range";
import type { AnalyticsStore } from "./store";

/** The funnel's figures for one entry point, or for all of them together. */
export type ConversionFigures = {
  /** Clicks and scans created in the window. */
  clicks: number;
  /** Conversations created in the window. */
  chats: number;
  /** Orders created in the window, any status. */
  orders: number;
  /** Orders paid in the window (paid or since refunded), in the store's currency. */
  paidOrders: number;
  /** Σ (total − refunded) of those paid orders, in the store's minor units. */
  revenueMinor: number;
  /** chats / clicks; null when there were no clicks (ads and unattributed chats have none). */
  chatRate: number | null;
  /** orders / chats */
  orderRate: number | null;
  /** paidOrders / orders */
  paidRate: number | null;
  /** revenueMinor / paidOrders, rounded down; null without paid orders. */
  averageOrderMinor: number | null;
};

export type ConversionQrCode = { id: string; name: string; archived: boolean };

export type ConversionRow = ConversionFigures & {
  /**
   * Stable across windows (for comparing periods): the source, `qr:<qr code id>` for a
   * printed QR code, `qr:deleted` for scans whose code is gone (deleted, or never recognised).
   */
  key: string;
  /** widget, product_button, desktop_qr, qr, cart, link, ad, unattributed (or a newer value). */
  source: string;
  /** The printed QR code of a `qr:<id>` row; null for every other row. */
  qrCode: ConversionQrCode | null;
};

export type Conversions = {
  /** Entry points with any activity in the window, in SOURCE_ORDER, QR codes by name. */
  rows: ConversionRow[];
  totals: ConversionFigures;
};

/** The order rows are listed in; unattributed always comes last. */
export const SOURCE_ORDER: readonly string[] = [...CLICK_SOURCES, "ad", "unattributed"];
export const DELETED_QR_KEY = "qr:deleted";

type Counts = Pick<
  ConversionFigures,
  "clicks" | "chats" | "orders" | "paidOrders" | "revenueMinor"
>;
const ZERO: Counts = { clicks: 0, chats: 0, orders: 0, paidOrders: 0, revenueMinor: 0 };

/** The row a source (and, for printed QR codes, its code) is counted in. */
export function conversionKey(source: string, qrCodeId: string | null): string {
  if (source !== "qr") return source;
  return qrCodeId ? `qr:${qrCodeId}` : DELETED_QR_KEY;
}

export function withRates(counts: Counts): ConversionFigures {
  return {
    ...counts,
    chatRate: rate(counts.chats, counts.clicks),
    orderRate: rate(counts.orders, counts.chats),
    paidRate: rate(counts.paidOrders, counts.orders),
    averageOrderMinor:
      counts.paidOrders === 0 ? null : Math.floor(counts.revenueMinor / counts.paidOrders),
  };
}

type Measure = "clicks" | "chats" | "orders" | "paid";
type ActivityRow = {
  measure: Measure;
  source: string;
  qr_code_id: string | null;
  count: unknown;
  revenue: unknown;
  qr_name: string | null;
  qr_archived_at: unknown;
};

/** One grouped count of `table` per source (and printed QR code), tagged with its measure. */
function countBySource(
  measure: Measure,
  table: typeof clicks | typeof conversations | typeof orders,
  where: SQL | undefined,
  revenue: SQL = sql`0`,
): SQL {
  return sql`select ${measure} as measure, ${table.source} as source,
      case when ${table.source} = 'qr' then ${table.qrCodeId} end as qr_code_id,
      count(*) as count, ${revenue} as revenue
    from ${table} where ${where}
    group by 2, 3`;
}

/** Where a source is listed: SOURCE_ORDER, then sources it doesn't know, unattributed last. */
export function sourceRank(source: string): number {
  if (source === "unattributed") return SOURCE_ORDER.length + 1;
  const index = SOURCE_ORDER.indexOf(source);
  return index === -1 ? SOURCE_ORDER.length : index;
}

function sortRows(a: ConversionRow, b: ConversionRow): number {
  return (
    sourceRank(a.source) - sourceRank(b.source) ||
    a.source.localeCompare(b.source) ||
    // Named QR codes by name, the deleted-code row after them.
    Number(a.qrCode === null) - Number(b.qrCode === null) ||
    (a.qrCode?.name ?? "").localeCompare(b.qrCode?.name ?? "") ||
    a.key.localeCompare(b.key)
  );
}

/**
 * Conversions by entry point: clicks → chats started → orders → paid orders → net revenue,
 * one row per source (per printed QR code for `qr`), unattributed as a row of its own.
 * Four grouped queries and the store's QR code names, all in one parallel round.
 */
export async function conversionsBySource(
  db: Database,
  store: AnalyticsStore,
  window: AnalyticsWindow,
): Promise<Conversions> {
  // One statement (one trip, one pooled connection) for the four counts and the names of the
  // QR codes they mention: the overview sends every section for two periods at once.
  const result = await db.execute(sql`
    with activity as (
      ${countBySource("clicks", clicks, and(eq(clicks.storeId, store.id), inWindow(clicks.createdAt, window)))}
      union all
      ${countBySource("chats", conversations, and(eq(conversations.storeId, store.id), inWindow(conversations.createdAt, window)))}
      union all
      ${countBySource("orders", orders, and(eq(orders.storeId, store.id), inWindow(orders.createdAt, window)))}
      union all
      ${countBySource("paid", orders, paidOrdersIn(store, window), sql`sum(${orders.totalMinor} - ${orders.refundedMinor})`)}
    )
    select activity.*, ${qrCodes.name} as qr_name, ${qrCodes.archivedAt} as qr_archived_at
    from activity
    left join ${qrCodes}
      on ${qrCodes.id} = activity.qr_code_id and ${qrCodes.storeId} = ${store.id}`);

  const byKey = new Map<string, { source: string; qrCodeId: string | null; counts: Counts }>();
  const codeById = new Map<string, ConversionQrCode>();
  for (const row of (result as unknown as { rows: ActivityRow[] }).rows) {
    const key = conversionKey(row.source, row.qr_code_id);
    const entry = byKey.get(key) ?? {
      source: row.source,
      qrCodeId: row.qr_code_id,
      counts: { ...ZERO },
    };
    const count = toNumber(row.count);
    if (row.measure === "paid") {
      entry.counts.paidOrders += count;
      entry.counts.revenueMinor += toNumber(row.revenue);
    } else entry.counts[row.measure] += count;
    byKey.set(key, entry);
    if (row.qr_code_id && row.qr_name !== null)
      codeById.set(row.qr_code_id, {
        id: row.qr_code_id,
        name: row.qr_name,
        archived: row.qr_archived_at !== null,
      });
  }

  const rows: ConversionRow[] = [];
  const totals = { ...ZERO };
  for (const [key, { source, qrCodeId, counts }] of byKey) {
    const code = qrCodeId ? codeById.get(qrCodeId) : undefined;
    rows.push({
      key,
      source,
      qrCode: code ?? null,
      ...withRates(counts),
    });
    for (const name of Object.keys(totals) as (keyof Counts)[]) totals[name] += counts[name];
  }
  return { rows: rows.sort(sortRows), totals: withRates(totals) };
}
