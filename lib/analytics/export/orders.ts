import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import type { AnalyticsWindow } from "@/lib/analytics/range";
import { memoisedPhoneCountry } from "./country";
import { type CsvCell, csvStream, decimal } from "./csv";
import { type ExportStore, qrCodeLabel } from "./export-store";

export const EXPORT_PAGE_SIZE = 1_000;

export type OrderExportRow = {
  id: string;
  /** created_at as PostgreSQL text: the keyset cursor, exact to the microsecond. */
  cursor_at: string;
  number: string;
  created: string;
  paid: string | null;
  status: string;
  currency: string;
  subtotal_minor: number;
  discount_minor: number;
  points_redeemed: number;
  total_minor: number;
  refunded_minor: number;
  source: string;
  qr_code_name: string | null;
  ref: string | null;
  products: string | null;
  recovered: boolean;
  recovery_step: number | null;
  points_earned: number | string;
  phone: string | null;
};

type Cursor = { at: string; id: string };

const LOCAL_TIME = "YYYY-MM-DD HH24:MI:SS";

/**
 * One page of the orders created in `window`, oldest first, after `cursor` (keyset on
 * created_at, id: each page is an index range scan, however deep into the export).
 */
export async function orderExportPage(
  db: Database,
  store: Pick<ExportStore, "id" | "timezone">,
  window: AnalyticsWindow,
  cursor: Cursor | null,
  limit = EXPORT_PAGE_SIZE,
): Promise<OrderExportRow[]> {
  const after = cursor
    ? // The plain bound lets the (store_id, created_at) index start at the cursor.
      sql`and o.created_at >= ${cursor.at}::timestamptz
        and (o.created_at, o.id) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)`
    : sql``;
  const result = await db.execute(sql`
    select o.id, o.created_at::text as cursor_at, o.number,
      to_char(o.created_at at time zone ${store.timezone}, ${LOCAL_TIME}) as created,
      to_char(o.paid_at at time zone ${store.timezone}, ${LOCAL_TIME}) as paid,
      o.status, o.currency, o.subtotal_minor, o.discount_minor, o.points_redeemed,
      o.total_minor, o.refunded_minor, o.source, q.name as qr_code_name, o.ref,
      (select string_agg(i.quantity || ' × ' || i.name, '; ' order by i.name collate "C", i.id)
         from order_items i where i.order_id = o.id and i.store_id = o.store_id) as products,
      o.recovery_id is not null as recovered, o.recovery_step,
      (select coalesce(sum(l.delta), 0) from loyalty_ledger l
         where l.order_id = o.id and l.store_id = o.store_id and l.reason = 'earn') as points_earned,
      c.phone
    from orders o
    left join qr_codes q on q.id = o.qr_code_id and q.store_id = o.store_id
    left join customers c on c.id = o.customer_id and c.store_id = o.store_id
    where o.store_id = ${store.id}
      and o.created_at >= ${window.start.toISOString()}::timestamptz
      and o.created_at < ${window.end.toISOString()}::timestamptz
      ${after}
    order by o.created_at, o.id
    limit ${limit}`);
  return (result as unknown as { rows: OrderExportRow[] }).rows;
}

export function orderExportHeader(store: Pick<ExportStore, "timezone" | "currency">): string[] {
  const money = (name: string) => `${name} (${store.currency})`;
  return [
    "number",
    `created (${store.timezone})`,
    `paid (${store.timezone})`,
    "status",
    "currency",
    money("subtotal"),
    money("discount"),
    "points redeemed",
    money("total"),
    money("refunded"),
    money("net"),
    "source",
    "QR code name",
    "ref",
    "products",
    "recovered",
    "recovery step",
    "points earned",
    "customer country",
  ];
}

/** Net revenue of a paid (or refunded) order; none for an order that was never paid. */
function netMinor(row: OrderExportRow): number | null {
  return row.status === "paid" || row.status === "refunded"
    ? row.total_minor - row.refunded_minor
    : null;
}

export function orderExportCells(
  row: OrderExportRow,
  country: (phone: string | null) => string,
): CsvCell[] {
  const money = (minor: number | null) => (minor === null ? null : decimal(minor, row.currency));
  return [
    row.number,
    row.created,
    row.paid,
    row.status,
    row.currency,
    money(row.subtotal_minor),
    money(row.discount_minor),
    row.points_redeemed,
    money(row.total_minor),
    money(row.refunded_minor),
    money(netMinor(row)),
    row.source,
    qrCodeLabel(row.source, row.qr_code_name),
    row.ref,
    row.products,
    row.recovered ? "yes" : "no",
    row.recovery_step,
    Number(row.points_earned),
    country(row.phone),
  ];
}

/**
 * The orders CSV for `window`, streamed page by page: memory holds one page whatever the
 * number of orders. `onPage` lets tests watch the paging.
 */
export function ordersCsv(
  db: Database,
  store: ExportStore,
  window: AnalyticsWindow,
  options: { pageSize?: number; onPage?: (rows: number) => void } = {},
): ReadableStream<Uint8Array> {
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  const country = memoisedPhoneCountry();
  let cursor: Cursor | null = null;
  return csvStream(orderExportHeader(store), async () => {
    const rows = await orderExportPage(db, store, window, cursor, pageSize);
    options.onPage?.(rows.length);
    const last = rows.at(-1);
    if (last) cursor = { at: last.cursor_at, id: last.id };
    return {
      rows: rows.map((row) => orderExportCells(row, country)),
      done: rows.length < pageSize,
    };
  });
}
