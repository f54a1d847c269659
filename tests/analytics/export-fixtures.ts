/**
 * Random rows for the export tests (orders, items, clicks, conversations, customers, QR
 * codes, ledger), and the expected export computed by brute force from the rows read back
 * with plain selects.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import {
  CLICK_SOURCES,
  clicks,
  conversations,
  customers,
  loyaltyAccounts,
  loyaltyLedger,
  orderItems,
  orders,
  products,
  qrCodes,
} from "@/db/schema";
import type { AnalyticsWindow } from "@/lib/analytics/range";
import { localDay } from "@/lib/analytics/range";
import { phoneCountry } from "@/lib/analytics/export/country";
import { ORDER_SOURCES } from "@/lib/orders/status";
import type { Rng } from "@/lib/demo/seed/random";

const HOUR = 3_600_000;
const PHONES = [
  "+81751234567",
  "+819012345678",
  "+12125550123",
  "+447911123456",
  "+8613812345678",
  "+99912345",
  null,
];
const TEXTS = ["Matcha, ceremonial", '茶碗 "黒"', "=SUM(A1)", "-Gion", "@home", "Tea\nset", "煎茶"];

let sequence = 0;

/** A random instant from 3 days before the window to 3 days after it. */
function around(rng: Rng, window: AnalyticsWindow): Date {
  const from = window.start.getTime() - 3 * 24 * HOUR;
  const to = window.end.getTime() + 3 * 24 * HOUR;
  // Some exactly on the edges.
  if (rng.chance(0.05)) return new Date(rng.pick([window.start.getTime(), window.end.getTime()]));
  if (rng.chance(0.03)) return new Date(window.end.getTime() - 1);
  return new Date(Math.floor(rng.between(from, to)));
}

export async function writeRandomStoreData(
  db: Database,
  store: { id: string; currency: string },
  window: AnalyticsWindow,
  rng: Rng,
  size = { orders: 120, clicks: 150, conversations: 80 },
) {
  const tag = `${(sequence += 1)}`;
  const productRows = await db
    .insert(products)
    .values(
      TEXTS.slice(0, 4).map((name, i) => ({
        storeId: store.id,
        slug: `p-${tag}-${i}`,
        sku: `SKU-${tag}-${i}`,
        name,
        priceMinor: 1000 * (i + 1),
        currency: store.currency,
      })),
    )
    .returning();
  const qrRows = await db
    .insert(qrCodes)
    .values(
      ["Shop card, 祇園", "=evil()", "Flyer", "Gone"].map((name, i) => ({
        storeId: store.id,
        code: `q${tag}x${i}`,
        name,
        archivedAt: i === 2 ? window.start : null,
      })),
    )
    .returning();
  const customerRows = await db
    .insert(customers)
    .values(
      Array.from({ length: 20 }, (_, i) => {
        const phone = rng.pick(PHONES);
        return phone
          ? { storeId: store.id, waId: `${phone.slice(1)}${tag}${i}`, phone: `${phone}${i}` }
          : { storeId: store.id, userId: `user-${tag}-${i}`, username: "@shopper" };
      }),
    )
    .returning();
  const accounts = await db
    .insert(loyaltyAccounts)
    .values(
      customerRows
        .filter(() => rng.chance(0.6))
        .map((customer) => ({
          storeId: store.id,
          customerId: customer.id,
          joinedAt: window.start,
        })),
    )
    .returning();

  const source = () => rng.pick(ORDER_SOURCES);
  const qrFor = (src: string) => (src === "qr" || rng.chance(0.1) ? rng.pick(qrRows).id : null);

  await db.insert(clicks).values(
    Array.from({ length: size.clicks }, (_, i) => {
      const src = rng.pick(CLICK_SOURCES);
      return {
        storeId: store.id,
        ref: `R${tag}-${i}`,
        source: src,
        qrCodeId: qrFor(src),
        language: "en",
        deviceClass: "mobile",
        createdAt: around(rng, window),
      };
    }),
  );
  await db.insert(conversations).values(
    Array.from({ length: size.conversations }, () => {
      const src = source();
      return {
        storeId: store.id,
        customerId: rng.pick(customerRows).id,
        status: "closed" as const,
        source: src,
        qrCodeId: qrFor(src),
        language: "en",
        createdAt: around(rng, window),
      };
    }),
  );

  const orderRows = Array.from({ length: size.orders }, (_, i) => {
    const createdAt = around(rng, window);
    const status = rng.pick(["pending", "paid", "paid", "refunded", "cancelled"] as const);
    const subtotalMinor = rng.int(1, 500) * 100 + (rng.chance(0.2) ? rng.int(1, 99) : 0);
    const discountMinor = rng.chance(0.3) ? rng.int(0, subtotalMinor) : 0;
    const totalMinor = subtotalMinor - discountMinor;
    const refundedMinor =
      status === "refunded"
        ? totalMinor
        : status === "paid" && rng.chance(0.3)
          ? rng.int(0, totalMinor)
          : 0;
    const src = source();
    const recovered = status !== "pending" && rng.chance(0.2);
    return {
      id: randomUUID(),
      storeId: store.id,
      number: `E${tag}-${10000 + i}`,
      customerId: rng.chance(0.9) ? rng.pick(customerRows).id : null,
      status,
      // Now and then another currency (an anomaly the revenue leaves out).
      currency: rng.chance(0.9) ? store.currency : store.currency === "USD" ? "JPY" : "USD",
      subtotalMinor,
      discountMinor,
      totalMinor,
      pointsRedeemed: rng.chance(0.2) ? rng.int(1, 300) : 0,
      refundedMinor,
      source: src,
      qrCodeId: qrFor(src),
      ref: rng.chance(0.7) ? rng.pick([`K${i}Q2`, "=1+2", "-x"]) : null,
      recoveryId: recovered ? randomUUID() : null,
      recoveryStep: recovered ? rng.int(1, 3) : null,
      createdAt,
      // Sometimes the same instant (keyset ties on created_at), sometimes days later.
      paidAt:
        status === "paid" || status === "refunded"
          ? new Date(createdAt.getTime() + (rng.chance(0.5) ? 0 : rng.int(0, 96) * HOUR))
          : null,
    };
  });
  // Ties on created_at: the keyset must page by (created_at, id).
  for (let i = 1; i < orderRows.length; i += 7)
    orderRows[i]!.createdAt = orderRows[i - 1]!.createdAt;
  await db.insert(orders).values(orderRows);

  const items = orderRows.flatMap((order) =>
    Array.from({ length: rng.int(0, 3) }, () => {
      const product = rng.pick(productRows);
      const quantity = rng.int(1, 4);
      return {
        storeId: store.id,
        orderId: order.id,
        productId: product.id,
        name: rng.pick(TEXTS),
        unitPriceMinor: product.priceMinor,
        quantity,
        lineTotalMinor: product.priceMinor * quantity,
      };
    }),
  );
  if (items.length) await db.insert(orderItems).values(items);

  const ledger = orderRows.flatMap((order) => {
    const account = accounts.find((a) => a.customerId === order.customerId);
    if (!account || !order.paidAt) return [];
    const base = {
      storeId: store.id,
      accountId: account.id,
      customerId: account.customerId,
      orderId: order.id,
    };
    const earned = rng.int(1, 200);
    return [
      { ...base, delta: earned, reason: "earn" as const, causeKey: `earn:${order.id}` },
      ...(rng.chance(0.3)
        ? [{ ...base, delta: 50, reason: "first_order" as const, causeKey: `first:${order.id}` }]
        : []),
      ...(order.refundedMinor > 0
        ? [{ ...base, delta: -1, reason: "reversal" as const, causeKey: `rev:${order.id}` }]
        : []),
    ];
  });
  if (ledger.length) await db.insert(loyaltyLedger).values(ledger);

  // A deleted QR code: its rows keep source "qr" with no code.
  await db.delete(qrCodes).where(eq(qrCodes.id, qrRows[3]!.id));
}

const timeFormat = (timezone: string) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone: timezone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });

const inWindow = (at: Date | null, window: AnalyticsWindow): at is Date =>
  at !== null && at >= window.start && at < window.end;

function major(minor: number, currency: string): string {
  const digits = currency === "JPY" ? 0 : 2;
  return digits === 0 ? String(minor) : (minor / 100).toFixed(2);
}

/** What the orders export must hold, computed from the raw rows in TypeScript. */
export async function expectedOrderRows(
  db: Database,
  store: { id: string; timezone: string; currency: string },
  window: AnalyticsWindow,
): Promise<string[][]> {
  const format = timeFormat(store.timezone);
  const local = (at: Date | null) => (at ? format.format(at) : "");
  const [allOrders, allItems, allLedger, allCustomers, allQr] = await Promise.all([
    db.select().from(orders).where(eq(orders.storeId, store.id)),
    db.select().from(orderItems).where(eq(orderItems.storeId, store.id)),
    db.select().from(loyaltyLedger).where(eq(loyaltyLedger.storeId, store.id)),
    db.select().from(customers).where(eq(customers.storeId, store.id)),
    db.select().from(qrCodes).where(eq(qrCodes.storeId, store.id)),
  ]);
  const text = (value: string | null) =>
    value && /^[=+\-@\t\r]/.test(value) ? `'${value}` : (value ?? "");
  return allOrders
    .filter((order) => inWindow(order.createdAt, window))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
    .map((order) => {
      const items = allItems
        .filter((item) => item.orderId === order.id)
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1))
        .map((item) => `${item.quantity} × ${item.name}`)
        .join("; ");
      const paid = order.status === "paid" || order.status === "refunded";
      const earned = allLedger
        .filter((row) => row.orderId === order.id && row.reason === "earn")
        .reduce((sum, row) => sum + row.delta, 0);
      const customer = allCustomers.find((c) => c.id === order.customerId);
      const m = (minor: number) => major(minor, order.currency);
      return [
        order.number,
        local(order.createdAt),
        local(order.paidAt),
        order.status,
        order.currency,
        m(order.subtotalMinor),
        m(order.discountMinor),
        String(order.pointsRedeemed),
        m(order.totalMinor),
        m(order.refundedMinor),
        paid ? m(order.totalMinor - order.refundedMinor) : "",
        order.source,
        order.source === "qr"
          ? text(allQr.find((q) => q.id === order.qrCodeId)?.name ?? "(deleted QR code)")
          : "",
        text(order.ref),
        text(items || null),
        order.recoveryId ? "yes" : "no",
        order.recoveryStep === null ? "" : String(order.recoveryStep),
        String(earned),
        phoneCountry(customer?.phone),
      ];
    });
}

/** What the conversions export must hold, from the raw rows. */
export async function expectedConversionRows(
  db: Database,
  store: { id: string; timezone: string; currency: string },
  window: AnalyticsWindow,
) {
  const [allClicks, allChats, allOrders, allQr] = await Promise.all([
    db.select().from(clicks).where(eq(clicks.storeId, store.id)),
    db.select().from(conversations).where(eq(conversations.storeId, store.id)),
    db.select().from(orders).where(eq(orders.storeId, store.id)),
    db.select().from(qrCodes).where(eq(qrCodes.storeId, store.id)),
  ]);
  type Tally = {
    clicks: number;
    chats: number;
    orders: number;
    paidOrders: number;
    netRevenueMinor: number;
  };
  const tallies = new Map<
    string,
    Tally & { day: string; source: string; qrCodeId: string | null }
  >();
  const add = (
    at: Date,
    row: { source: string; qrCodeId: string | null },
    field: keyof Tally,
    amount = 1,
  ) => {
    const day = localDay(store.timezone, at);
    const qrCodeId = row.source === "qr" ? row.qrCodeId : null;
    const key = `${day}|${row.source}|${qrCodeId}`;
    const tally = tallies.get(key) ?? {
      day,
      source: row.source,
      qrCodeId,
      clicks: 0,
      chats: 0,
      orders: 0,
      paidOrders: 0,
      netRevenueMinor: 0,
    };
    tally[field] += amount;
    tallies.set(key, tally);
  };
  for (const click of allClicks)
    if (inWindow(click.createdAt, window)) add(click.createdAt, click, "clicks");
  for (const chat of allChats)
    if (inWindow(chat.createdAt, window)) add(chat.createdAt, chat, "chats");
  for (const order of allOrders) {
    if (inWindow(order.createdAt, window)) add(order.createdAt, order, "orders");
    const paid = order.status === "paid" || order.status === "refunded";
    if (paid && order.currency === store.currency && inWindow(order.paidAt, window)) {
      add(order.paidAt, order, "paidOrders");
      add(order.paidAt, order, "netRevenueMinor", order.totalMinor - order.refundedMinor);
    }
  }
  return [...tallies.values()].map((tally) => ({
    ...tally,
    qrCodeName: allQr.find((q) => q.id === tally.qrCodeId)?.name ?? null,
  }));
}
