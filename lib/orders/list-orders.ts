import "server-only";
import { and, count, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { customers, orders } from "@/db/schema";
import { type OrdersQuery, ORDERS_PAGE_SIZE } from "./list-query";
import { type OrderViewStatus, orderViewStatus } from "./status";

export type OrderListStore = { id: string; timezone: string };

export type OrderListRow = {
  id: string;
  number: string;
  customer: { name: string | null; phone: string | null; username: string | null } | null;
  totalMinor: number;
  refundedMinor: number;
  currency: string;
  status: OrderViewStatus;
  source: string;
  createdAt: Date;
  paidAt: Date | null;
};

export type OrderListPage = {
  rows: OrderListRow[];
  total: number;
  page: number;
  pageCount: number;
};

function statusCondition(status: OrderViewStatus): SQL | undefined {
  switch (status) {
    case "awaiting_payment":
      return eq(orders.status, "pending");
    case "refunded":
      return eq(orders.status, "refunded");
    case "cancelled":
      return eq(orders.status, "cancelled");
    case "paid":
      return and(eq(orders.status, "paid"), eq(orders.fulfillmentStatus, "unfulfilled"));
    case "shipped":
    case "delivered":
      return and(eq(orders.status, "paid"), eq(orders.fulfillmentStatus, status));
  }
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/**
 * Search by order number or customer: the number or name containing the text (any case),
 * or — when it has at least three digits — the phone number or WhatsApp id containing
 * those digits ("090-1234" finds +81 90 1234 5678).
 */
function searchCondition(text: string): SQL | undefined {
  const normalized = text.normalize("NFKC").trim();
  const pattern = `%${likeEscape(normalized)}%`;
  const digits = normalized.replace(/\D/g, "");
  const conditions = [ilike(orders.number, pattern), ilike(customers.name, pattern)];
  if (digits.length >= 3) {
    conditions.push(
      sql`regexp_replace(coalesce(${customers.phone}, ''), '[^0-9]', '', 'g') like ${`%${digits}%`}`,
      sql`coalesce(${customers.waId}, '') like ${`%${digits}%`}`,
    );
  }
  return or(...conditions);
}

/**
 * One page of the store's orders, newest first. The store comes first in every condition
 * (DESIGN §4.5); dates are calendar days in the store's time zone.
 */
export async function listOrders(
  db: Database,
  store: OrderListStore,
  query: OrdersQuery,
  pageSize = ORDERS_PAGE_SIZE,
): Promise<OrderListPage> {
  const localDay = sql`(${orders.createdAt} at time zone ${store.timezone})::date`;
  const where = and(
    eq(orders.storeId, store.id),
    query.status ? statusCondition(query.status) : undefined,
    query.source ? eq(orders.source, query.source) : undefined,
    query.from ? sql`${localDay} >= ${query.from}::date` : undefined,
    query.to ? sql`${localDay} <= ${query.to}::date` : undefined,
    query.q ? searchCondition(query.q) : undefined,
  );
  const customerJoin = and(eq(customers.id, orders.customerId), eq(customers.storeId, store.id));
  const [counted] = await db
    .select({ total: count() })
    .from(orders)
    .leftJoin(customers, customerJoin)
    .where(where);
  const total = counted?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page, pageCount);
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      customerId: customers.id,
      customerName: customers.name,
      customerPhone: customers.phone,
      customerUsername: customers.username,
      totalMinor: orders.totalMinor,
      refundedMinor: orders.refundedMinor,
      currency: orders.currency,
      status: orders.status,
      fulfillmentStatus: orders.fulfillmentStatus,
      source: orders.source,
      createdAt: orders.createdAt,
      paidAt: orders.paidAt,
    })
    .from(orders)
    .leftJoin(customers, customerJoin)
    .where(where)
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return {
    rows: rows.map((row) => ({
      id: row.id,
      number: row.number,
      customer: row.customerId
        ? { name: row.customerName, phone: row.customerPhone, username: row.customerUsername }
        : null,
      totalMinor: row.totalMinor,
      refundedMinor: row.refundedMinor,
      currency: row.currency,
      status: orderViewStatus(row),
      source: row.source,
      createdAt: row.createdAt,
      paidAt: row.paidAt,
    })),
    total,
    page,
    pageCount,
  };
}
