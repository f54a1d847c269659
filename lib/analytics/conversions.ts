import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { CLICK_SOURCES, qrCodes } from "@/db/schema";
import { rate, toNumber } from "./filters";
import type { AnalyticsWindow } from "./range";
import { activityDaysCte, withRollupDays } from "./rollup/read";
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

type ActivityRow = {
  source: string;
  qr_code_id: string | null;
  clicks: unknown;
  chats: unknown;
  orders: unknown;
  paid_orders: unknown;
  revenue: unknown;
  qr_name: string | null;
  qr_archived_at: unknown;
};

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
 */
export async function conversionsBySource(
  db: Database,
  store: AnalyticsStore,
  window: AnalyticsWindow,
): Promise<Conversions> {
  // One statement (one trip, one pooled connection) over the daily rollups, with the names of
  // the QR codes they mention: the overview sends every section for two periods at once.
  const result = await db.execute(sql`
    with ${withRollupDays(store, window)}, ${activityDaysCte(store, window)},
    activity as (
      select source, case when source = 'qr' then qr_code_id end as qr_code_id,
        sum(clicks) as clicks, sum(chats) as chats, sum(orders) as orders,
        coalesce(sum(paid_orders) filter (where currency = ${store.currency}), 0) as paid_orders,
        coalesce(sum(revenue_minor) filter (where currency = ${store.currency}), 0) as revenue
      from activity_days
      group by 1, 2
    )
    select activity.*, ${qrCodes.name} as qr_name, ${qrCodes.archivedAt} as qr_archived_at
    from activity
    left join ${qrCodes}
      on ${qrCodes.id} = activity.qr_code_id and ${qrCodes.storeId} = ${store.id}
    -- Paid orders in another currency alone do not make an entry point active.
    where clicks + chats + orders + paid_orders > 0`);

  const byKey = new Map<string, { source: string; qrCodeId: string | null; counts: Counts }>();
  const codeById = new Map<string, ConversionQrCode>();
  for (const row of (result as unknown as { rows: ActivityRow[] }).rows) {
    const key = conversionKey(row.source, row.qr_code_id);
    const entry = byKey.get(key) ?? {
      source: row.source,
      qrCodeId: row.qr_code_id,
      counts: { ...ZERO },
    };
    entry.counts.clicks += toNumber(row.clicks);
    entry.counts.chats += toNumber(row.chats);
    entry.counts.orders += toNumber(row.orders);
    entry.counts.paidOrders += toNumber(row.paid_orders);
    entry.counts.revenueMinor += toNumber(row.revenue);
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
