import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import type { Database } from "@/db/drivers";
import type { AnalyticsWindow } from "./range";
import type { AnalyticsStore } from "./store";

/**
 * The traveller journey: customers whose first contact with the store (their first
 * conversation) came from a printed QR code, and what they bought on the day of the scan
 * versus later — the business with a visitor often starts after they go home.
 *
 * - A traveller is a customer whose earliest conversation (by `created_at`, then id) has
 *   source `qr` and was created in the window. The scan is that conversation's start.
 * - Day of the scan: paid orders whose `paid_at` falls on the scan's calendar day in the
 *   store's time zone. Later: paid on any later calendar day, up to now — a cohort view, so
 *   an earlier window's travellers have had longer to come back.
 * - Paid orders and net revenue as everywhere else (status paid or refunded, the store's
 *   currency, total − refunded); orders paid before the scan's day are not part of the journey.
 * - Days to first paid order: calendar days (store time zone) from the scan to the first paid
 *   order on or after the scan's day; 0 when bought the same day. Median over the customers who
 *   paid; null when none did.
 * - Country: of the customer's WhatsApp number (`phone`, else `wa_id`), "unknown" when it
 *   cannot be told.
 *
 * The country cannot be derived in SQL, so SQL returns one aggregated row per traveller
 * (never raw orders) and the grouping by country happens here.
 */

export type TravellerFigures = {
  customers: number;
  /** Customers with at least one paid order on or after the scan's day. */
  payingCustomers: number;
  /** Customers with a paid order on a day after the scan's day: they came back. */
  returningCustomers: number;
  dayOfScanRevenueMinor: number;
  laterRevenueMinor: number;
  /** Median calendar days from the scan to the first paid order; null when nobody paid. */
  medianDaysToFirstPaidOrder: number | null;
};

export type TravellerCountryRow = TravellerFigures & {
  /** ISO 3166-1 alpha-2 (e.g. "US"), or "unknown". */
  country: string;
};

export type TravellerQrCodeRow = TravellerFigures & {
  /** null: the code was deleted since ("QR code (deleted)"). */
  qrCodeId: string | null;
  qrCodeName: string | null;
  archived: boolean;
  countries: TravellerCountryRow[];
};

export type TravellerJourney = {
  totals: TravellerFigures;
  /** Sorted by revenue (day of scan + later), then customers, descending; then country. */
  byCountry: TravellerCountryRow[];
  /** Sorted the same way; each with its own countries. */
  byQrCode: TravellerQrCodeRow[];
};

export type TravellerCustomer = {
  customerId: string;
  qrCodeId: string | null;
  qrCodeName: string | null;
  archived: boolean;
  country: string;
  dayOfScanRevenueMinor: number;
  laterRevenueMinor: number;
  paidLater: boolean;
  /** null: no paid order on or after the scan's day. */
  daysToFirstPaidOrder: number | null;
};

export const UNKNOWN_COUNTRY = "unknown";

/** The country of a WhatsApp number (E.164 or bare digits), or "unknown". */
export function countryOfPhone(phone: string | null | undefined): string {
  const digits = (phone ?? "").replace(/\D/g, "");
  if (!digits) return UNKNOWN_COUNTRY;
  return parsePhoneNumberFromString(`+${digits}`)?.country ?? UNKNOWN_COUNTRY;
}

/** The middle value (mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

type TravellerRow = {
  customer_id: string;
  qr_code_id: string | null;
  qr_code_name: string | null;
  archived: boolean;
  phone: string | null;
  wa_id: string | null;
  day_of_revenue: string | number;
  later_revenue: string | number;
  paid_later: boolean;
  days_to_first_paid: string | number | null;
};

/** One row per traveller whose scan is in the window, with their orders already summed. */
function travellerRows(store: AnalyticsStore, window: AnalyticsWindow): SQL {
  const tz = store.timezone;
  return sql`
    select t.customer_id, t.qr_code_id, q.name as qr_code_name,
      (q.archived_at is not null) as archived, cu.phone, cu.wa_id,
      coalesce(sum(o.total_minor - o.refunded_minor)
        filter (where (o.paid_at at time zone ${tz})::date = t.scan_day), 0) as day_of_revenue,
      coalesce(sum(o.total_minor - o.refunded_minor)
        filter (where (o.paid_at at time zone ${tz})::date > t.scan_day), 0) as later_revenue,
      coalesce(bool_or((o.paid_at at time zone ${tz})::date > t.scan_day), false) as paid_later,
      min((o.paid_at at time zone ${tz})::date) - t.scan_day as days_to_first_paid
    from (
      select c.customer_id, c.qr_code_id, (c.created_at at time zone ${tz})::date as scan_day
      from conversations c
      where c.store_id = ${store.id} and c.source = 'qr'
        and c.created_at >= ${window.start} and c.created_at < ${window.end}
        -- the customer's first conversation: one index-only probe per QR conversation in the
        -- window (conversations (store_id, customer_id, created_at, id)), not a pass over
        -- every conversation the store ever had
        and c.id = (
          select e.id from conversations e
          where e.store_id = c.store_id and e.customer_id = c.customer_id
          order by e.created_at, e.id
          limit 1
        )
    ) t
    join customers cu on cu.id = t.customer_id and cu.store_id = ${store.id}
    left join qr_codes q on q.id = t.qr_code_id and q.store_id = ${store.id}
    left join orders o on o.store_id = ${store.id} and o.customer_id = t.customer_id
      and o.status in ('paid', 'refunded') and o.currency = ${store.currency}
      -- paid on or after the scan's day, so never before the window's first day: an index bound
      and o.paid_at >= ${window.start} and (o.paid_at at time zone ${tz})::date >= t.scan_day
    group by t.customer_id, t.qr_code_id, t.scan_day, q.name, q.archived_at, cu.phone, cu.wa_id`;
}

/** The travellers whose scan is in the window, each with their country. */
export async function travellerCustomers(
  db: Database,
  store: AnalyticsStore,
  window: AnalyticsWindow,
): Promise<TravellerCustomer[]> {
  const result = await db.execute(travellerRows(store, window));
  const rows = (result as unknown as { rows: TravellerRow[] }).rows;
  return rows.map((row) => ({
    customerId: row.customer_id,
    qrCodeId: row.qr_code_id,
    qrCodeName: row.qr_code_name,
    archived: Boolean(row.archived),
    country: countryOfPhone(row.phone ?? row.wa_id),
    dayOfScanRevenueMinor: Number(row.day_of_revenue),
    laterRevenueMinor: Number(row.later_revenue),
    paidLater: Boolean(row.paid_later),
    daysToFirstPaidOrder: row.days_to_first_paid === null ? null : Number(row.days_to_first_paid),
  }));
}

/** Sums travellers into the figures a row shows. */
export function travellerFigures(customers: readonly TravellerCustomer[]): TravellerFigures {
  const days = customers.flatMap((c) =>
    c.daysToFirstPaidOrder === null ? [] : [c.daysToFirstPaidOrder],
  );
  return {
    customers: customers.length,
    payingCustomers: days.length,
    returningCustomers: customers.filter((c) => c.paidLater).length,
    dayOfScanRevenueMinor: customers.reduce((sum, c) => sum + c.dayOfScanRevenueMinor, 0),
    laterRevenueMinor: customers.reduce((sum, c) => sum + c.laterRevenueMinor, 0),
    medianDaysToFirstPaidOrder: median(days),
  };
}

function groupBy<K>(items: readonly TravellerCustomer[], key: (c: TravellerCustomer) => K) {
  const groups = new Map<K, TravellerCustomer[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function byRevenue(
  a: TravellerFigures & { key: string },
  b: TravellerFigures & { key: string },
): number {
  const revenue = (f: TravellerFigures) => f.dayOfScanRevenueMinor + f.laterRevenueMinor;
  return revenue(b) - revenue(a) || b.customers - a.customers || a.key.localeCompare(b.key);
}

function countriesOf(customers: readonly TravellerCustomer[]): TravellerCountryRow[] {
  return [...groupBy(customers, (c) => c.country)]
    .map(([country, group]) => ({ country, key: country, ...travellerFigures(group) }))
    .sort(byRevenue)
    .map(({ key: _key, ...row }) => row);
}

/** The traveller journey's figures for travellers whose first scan is in `window`. */
export async function travellerJourney(
  db: Database,
  store: AnalyticsStore,
  window: AnalyticsWindow,
): Promise<TravellerJourney> {
  const customers = await travellerCustomers(db, store, window);
  const byQrCode = [...groupBy(customers, (c) => c.qrCodeId)]
    .map(([qrCodeId, group]) => ({
      qrCodeId,
      qrCodeName: group[0]!.qrCodeName,
      archived: group[0]!.archived,
      key: `${group[0]!.qrCodeName ?? ""}\u0000${qrCodeId ?? ""}`,
      ...travellerFigures(group),
      countries: countriesOf(group),
    }))
    .sort(byRevenue)
    .map(({ key: _key, ...row }) => row);
  return { totals: travellerFigures(customers), byCountry: countriesOf(customers), byQrCode };
}

export type TravellerTotals = Pick<TravellerFigures, "customers" | "laterRevenueMinor">;

/** What the Overview's card shows, summed in SQL: no country to tell, no row per traveller. */
export async function travellerTotals(
  db: Database,
  store: AnalyticsStore,
  window: AnalyticsWindow,
): Promise<TravellerTotals> {
  const result = await db.execute(sql`
    select count(*) as customers, coalesce(sum(later_revenue), 0) as later_revenue
    from (${travellerRows(store, window)}) travellers`);
  const [row] = (result as unknown as { rows: { customers: unknown; later_revenue: unknown }[] })
    .rows;
  return {
    customers: Number(row?.customers ?? 0),
    laterRevenueMinor: Number(row?.later_revenue ?? 0),
  };
}
