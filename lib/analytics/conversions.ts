import "server-only";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
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

/** The QR code id only where the source is a printed QR code. */
function qrOf(source: PgColumn, qrCodeId: PgColumn): SQL<string | null> {
  return sql<string | null>`case when ${source} = 'qr' then ${qrCodeId} end`;
}

function countBySource(
  db: Database,
  table: typeof clicks | typeof conversations | typeof orders,
  where: SQL | undefined,
) {
  return (
    db
      .select({
        source: table.source,
        qrCodeId: qrOf(table.source, table.qrCodeId),
        count: sql<number>`count(*)::int`,
      })
      .from(table)
      .where(where)
      // By position, so the grouped expression is the selected one.
      .groupBy(sql`1, 2`)
  );
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
  const [clickRows, chatRows, orderRows, paidRows, codes] = await Promise.all([
    countBySource(
      db,
      clicks,
      and(eq(clicks.storeId, store.id), inWindow(clicks.createdAt, window)),
    ),
    countBySource(
      db,
      conversations,
      and(eq(conversations.storeId, store.id), inWindow(conversations.createdAt, window)),
    ),
    countBySource(
      db,
      orders,
      and(eq(orders.storeId, store.id), inWindow(orders.createdAt, window)),
    ),
    db
      .select({
        source: orders.source,
        qrCodeId: qrOf(orders.source, orders.qrCodeId),
        count: sql<number>`count(*)::int`,
        revenueMinor: sql<string>`coalesce(sum(${orders.totalMinor} - ${orders.refundedMinor}), 0)`,
      })
      .from(orders)
      .where(paidOrdersIn(store, window))
      .groupBy(sql`1, 2`),
    db
      .select({ id: qrCodes.id, name: qrCodes.name, archivedAt: qrCodes.archivedAt })
      .from(qrCodes)
      .where(eq(qrCodes.storeId, store.id)),
  ]);

  const byKey = new Map<string, { source: string; qrCodeId: string | null; counts: Counts }>();
  const add = (row: { source: string; qrCodeId: string | null }, figures: Partial<Counts>) => {
    const key = conversionKey(row.source, row.qrCodeId);
    const entry = byKey.get(key) ?? { source: row.source, qrCodeId: row.qrCodeId, counts: ZERO };
    const counts = { ...entry.counts };
    for (const [name, value] of Object.entries(figures) as [keyof Counts, number][])
      counts[name] += value;
    byKey.set(key, { ...entry, counts });
  };
  for (const row of clickRows) add(row, { clicks: toNumber(row.count) });
  for (const row of chatRows) add(row, { chats: toNumber(row.count) });
  for (const row of orderRows) add(row, { orders: toNumber(row.count) });
  for (const row of paidRows)
    add(row, { paidOrders: toNumber(row.count), revenueMinor: toNumber(row.revenueMinor) });

  const codeById = new Map(codes.map((code) => [code.id, code]));
  const rows: ConversionRow[] = [];
  const totals = { ...ZERO };
  for (const [key, { source, qrCodeId, counts }] of byKey) {
    const code = qrCodeId ? codeById.get(qrCodeId) : undefined;
    rows.push({
      key,
      source,
      qrCode: code ? { id: code.id, name: code.name, archived: code.archivedAt !== null } : null,
      ...withRates(counts),
    });
    for (const name of Object.keys(totals) as (keyof Counts)[]) totals[name] += counts[name];
  }
  return { rows: rows.sort(sortRows), totals: withRates(totals) };
}
