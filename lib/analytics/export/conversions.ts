import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { addDays, type AnalyticsWindow, windowOf } from "@/lib/analytics/range";
import { ORDER_SOURCES } from "@/lib/orders/status";
import { type CsvCell, csvStream, decimal } from "./csv";
import { type ExportStore, qrCodeLabel } from "./export-store";

/** Local days per query: bounded pages (days × sources × QR codes rows) for any range. */
export const CONVERSION_DAYS_PER_PAGE = 31;

export type ConversionDayRow = {
  day: string;
  source: string;
  qrCodeId: string | null;
  qrCodeName: string | null;
  clicks: number;
  chats: number;
  orders: number;
  paidOrders: number;
  netRevenueMinor: number;
};

type RawRow = {
  day: string;
  source: string;
  qr_code_id: string | null;
  qr_code_name: string | null;
  clicks: number;
  chats: number;
  orders: number;
  paid_orders: number;
  net_minor: number | string;
};

/**
 * Per local day, source and printed QR code, with the analytics contract's definitions:
 * clicks and chats (conversations) created that day; orders created that day (any status),
 * by the order's own source; paid orders and net revenue (total − refunded) of orders in the
 * store's currency PAID that day (status paid or refunded). A QR row is per `qr_code_id`;
 * other sources ignore it. Days with nothing are left out.
 */
export async function conversionsByDay(
  db: Database,
  store: Pick<ExportStore, "id" | "timezone" | "currency">,
  window: AnalyticsWindow,
): Promise<ConversionDayRow[]> {
  const tz = store.timezone;
  const from = window.start.toISOString();
  const to = window.end.toISOString();
  const qrKey = sql.raw(`case when source = 'qr' then qr_code_id end`);
  const result = await db.execute(sql`
    with facts as (
      select (created_at at time zone ${tz})::date as day, source, ${qrKey} as qr,
        count(*) as clicks, 0 as chats, 0 as orders, 0 as paid_orders, 0 as net_minor
      from clicks
      where store_id = ${store.id} and created_at >= ${from}::timestamptz and created_at < ${to}::timestamptz
      group by 1, 2, 3
      union all
      select (created_at at time zone ${tz})::date, source, ${qrKey}, 0, count(*), 0, 0, 0
      from conversations
      where store_id = ${store.id} and created_at >= ${from}::timestamptz and created_at < ${to}::timestamptz
      group by 1, 2, 3
      union all
      select (created_at at time zone ${tz})::date, source, ${qrKey}, 0, 0, count(*), 0, 0
      from orders
      where store_id = ${store.id} and created_at >= ${from}::timestamptz and created_at < ${to}::timestamptz
      group by 1, 2, 3
      union all
      select (paid_at at time zone ${tz})::date, source, ${qrKey}, 0, 0, 0, count(*),
        sum(total_minor - refunded_minor)
      from orders
      where store_id = ${store.id} and status in ('paid', 'refunded') and currency = ${store.currency}
        and paid_at >= ${from}::timestamptz and paid_at < ${to}::timestamptz
      group by 1, 2, 3
    )
    select to_char(f.day, 'YYYY-MM-DD') as day, f.source, f.qr as qr_code_id,
      q.name as qr_code_name,
      sum(f.clicks)::int as clicks, sum(f.chats)::int as chats, sum(f.orders)::int as orders,
      sum(f.paid_orders)::int as paid_orders, sum(f.net_minor)::bigint as net_minor
    from facts f
    left join qr_codes q on q.id = f.qr and q.store_id = ${store.id}
    group by f.day, f.source, f.qr, q.name`);
  const rows = (result as unknown as { rows: RawRow[] }).rows.map((row): ConversionDayRow => ({
    day: row.day,
    source: row.source,
    qrCodeId: row.qr_code_id,
    qrCodeName: row.qr_code_name,
    clicks: row.clicks,
    chats: row.chats,
    orders: row.orders,
    paidOrders: row.paid_orders,
    netRevenueMinor: Number(row.net_minor),
  }));
  return rows.sort(compareConversionRows);
}

const sourceRank = (source: string) => {
  const index = (ORDER_SOURCES as readonly string[]).indexOf(source);
  return index === -1 ? ORDER_SOURCES.length : index;
};

/** By day, then the sources in their usual order, then QR codes by name (deleted last). */
export function compareConversionRows(a: ConversionDayRow, b: ConversionDayRow): number {
  return (
    a.day.localeCompare(b.day) ||
    sourceRank(a.source) - sourceRank(b.source) ||
    a.source.localeCompare(b.source) ||
    (a.qrCodeName ?? "\uffff").localeCompare(b.qrCodeName ?? "\uffff") ||
    (a.qrCodeId ?? "").localeCompare(b.qrCodeId ?? "")
  );
}

export function conversionExportHeader(store: Pick<ExportStore, "timezone" | "currency">) {
  return [
    `day (${store.timezone})`,
    "source",
    "QR code name",
    "clicks",
    "chats started",
    "orders",
    "paid orders",
    `net revenue (${store.currency})`,
  ];
}

export function conversionExportCells(row: ConversionDayRow, currency: string): CsvCell[] {
  return [
    row.day,
    row.source,
    qrCodeLabel(row.source, row.qrCodeName),
    row.clicks,
    row.chats,
    row.orders,
    row.paidOrders,
    decimal(row.netRevenueMinor, currency),
  ];
}

/** The conversions CSV for `window`, one query per CONVERSION_DAYS_PER_PAGE local days. */
export function conversionsCsv(
  db: Database,
  store: ExportStore,
  window: AnalyticsWindow,
  options: { daysPerPage?: number } = {},
): ReadableStream<Uint8Array> {
  const daysPerPage = options.daysPerPage ?? CONVERSION_DAYS_PER_PAGE;
  let nextDay = window.from;
  return csvStream(conversionExportHeader(store), async () => {
    const last = addDays(nextDay, daysPerPage - 1);
    const to = last < window.to ? last : window.to;
    const rows = await conversionsByDay(db, store, windowOf({ from: nextDay, to }, store.timezone));
    nextDay = addDays(to, 1);
    return {
      rows: rows.map((row) => conversionExportCells(row, store.currency)),
      done: to >= window.to,
    };
  });
}
