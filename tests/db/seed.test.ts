import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { asc, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DatabaseHandle } from "@/db/drivers";
import {
  carts,
  clicks,
  conversations,
  customers,
  events,
  faqEntries,
  messages,
  messageTemplates,
  orderItems,
  orders,
  products,
  qrCodes,
  quickReplies,
  storeMembers,
  stores,
  users,
} from "@/db/schema";
import { DEMO_OWNER, DEMO_STORE_SLUG, seedDemo } from "@/lib/demo/seed";
import { verifyPassword } from "@/lib/auth/password";
import { createTestDatabase, testDbBackend } from "../support/database";

const NOW = new Date("2025-06-15T10:23:45Z");
const DAY = 86_400_000;
const TOKYO_OFFSET = 9 * 3_600_000;

async function tableCounts(db: Database) {
  const tables = {
    stores,
    users,
    storeMembers,
    products,
    customers,
    orders,
    orderItems,
    events,
    qrCodes,
    clicks,
    conversations,
    messages,
    faqEntries,
    quickReplies,
    messageTemplates,
  };
  const entries = await Promise.all(
    Object.entries(tables).map(async ([name, table]) => {
      const [row] = await db.select({ n: count() }).from(table);
      return [name, row?.n ?? 0] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** Everything about the demo's orders, customers and events that is not a random id. */
async function demoDigest(db: Database): Promise<string> {
  const orderRows = await db
    .select({
      number: orders.number,
      status: orders.status,
      subtotal: orders.subtotalMinor,
      discount: orders.discountMinor,
      total: orders.totalMinor,
      points: orders.pointsRedeemed,
      source: orders.source,
      createdAt: orders.createdAt,
      paidAt: orders.paidAt,
      customer: customers.waId,
    })
    .from(orders)
    .leftJoin(customers, eq(customers.id, orders.customerId))
    .orderBy(asc(orders.number));
  const itemRows = await db
    .select({
      number: orders.number,
      name: orderItems.name,
      quantity: orderItems.quantity,
      unit: orderItems.unitPriceMinor,
      line: orderItems.lineTotalMinor,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .orderBy(asc(orders.number), asc(orderItems.name));
  const customerRows = await db
    .select({
      waId: customers.waId,
      name: customers.name,
      locale: customers.locale,
      tier: customers.tier,
      optedInAt: customers.optedInAt,
      optedOutAt: customers.optedOutAt,
      consentAskedAt: customers.consentAskedAt,
      lastInboundAt: customers.lastInboundAt,
      createdAt: customers.createdAt,
    })
    .from(customers)
    .orderBy(asc(customers.waId));
  const eventRows = await db
    .select({
      type: events.type,
      source: events.source,
      createdAt: events.createdAt,
      customer: customers.waId,
      properties: events.properties,
    })
    .from(events)
    .leftJoin(customers, eq(customers.id, events.customerId))
    .orderBy(asc(events.id));
  const qrCodeRows = await db
    .select({
      code: qrCodes.code,
      name: qrCodes.name,
      product: products.slug,
      message: qrCodes.prefilledMessage,
      createdAt: qrCodes.createdAt,
      archivedAt: qrCodes.archivedAt,
    })
    .from(qrCodes)
    .leftJoin(products, eq(products.id, qrCodes.productId))
    .orderBy(asc(qrCodes.code));
  const clickRows = await db
    .select({
      ref: clicks.ref,
      source: clicks.source,
      product: products.slug,
      qrCode: qrCodes.code,
      pageUrl: clicks.pageUrl,
      referrer: clicks.referrer,
      language: clicks.language,
      deviceClass: clicks.deviceClass,
      createdAt: clicks.createdAt,
    })
    .from(clicks)
    .leftJoin(products, eq(products.id, clicks.productId))
    .leftJoin(qrCodes, eq(qrCodes.id, clicks.qrCodeId))
    .orderBy(asc(clicks.ref));
  const conversationRows = await db
    .select({
      customer: customers.waId,
      status: conversations.status,
      source: conversations.source,
      ref: clicks.ref,
      language: conversations.language,
      unread: conversations.unreadCount,
      lastMessageAt: conversations.lastMessageAt,
      handedOffAt: conversations.handedOffAt,
      closedAt: conversations.closedAt,
      createdAt: conversations.createdAt,
    })
    .from(conversations)
    .innerJoin(customers, eq(customers.id, conversations.customerId))
    .leftJoin(clicks, eq(clicks.id, conversations.clickId))
    .orderBy(asc(conversations.createdAt), asc(customers.waId));
  // Message content names products and FAQ entries by id: the bodies say the same in words.
  const messageRows = await db
    .select({
      wamid: messages.waMessageId,
      dedupeKey: messages.dedupeKey,
      author: messages.author,
      type: messages.type,
      body: messages.body,
      status: messages.status,
      intent: messages.intent,
      errorCode: messages.errorCode,
      times: sql`array[${messages.createdAt}, ${messages.sentAt}, ${messages.deliveredAt}, ${messages.readAt}, ${messages.failedAt}]::text`,
    })
    .from(messages)
    .orderBy(asc(messages.createdAt), asc(messages.waMessageId));
  // Click events name rows by id, and ids differ per store: the clicks are compared by ref below.
  // A storefront cart by the order made from it (ids differ per store).
  const cartRows = await db
    .select({
      number: orders.number,
      status: carts.status,
      language: carts.language,
      createdAt: carts.createdAt,
      updatedAt: carts.updatedAt,
      abandonedAt: carts.abandonedAt,
      items: sql`(select count(*)::int from cart_items i where i.cart_id = ${carts.id})`,
    })
    .from(carts)
    .innerJoin(orders, eq(orders.cartId, carts.id))
    .orderBy(asc(orders.number));
  // Recovery events name the recovery, the cart and the reminder's message: compared by step below.
  const eventsWithoutIds = eventRows.map((event) => {
    if (event.type === "click") return { ...event, properties: { ref: event.properties.ref } };
    const {
      recoveryId: _recovery,
      messageId: _message,
      cartId: _cart,
      ...rest
    } = event.properties ?? {};
    return { ...event, properties: rest };
  });
  const json = JSON.stringify({
    orderRows,
    itemRows,
    customerRows,
    eventRows: eventsWithoutIds,
    cartRows,
    qrCodeRows,
    clickRows,
    conversationRows,
    // Agents', order and recovery messages' keys name row ids (`agent:<id>`,
    // `order:<order id>:link:1`, `recovery:<recovery id>:1`); a reminder's text carries its
    // payment link, whose token differs per store.
    messageRows: messageRows.map((row) =>
      row.author === "agent"
        ? { ...row, dedupeKey: null }
        : {
            ...row,
            body: row.body.replace(/\/pay\/[\w-]+/g, "/pay/<token>"),
            dedupeKey: row.dedupeKey?.replace(/^(order|recovery):[^:]+:/, "$1:") ?? null,
          },
    ),
  });
  return createHash("sha256").update(json).digest("hex");
}

describe(`demo seed [${testDbBackend}]`, () => {
  let handle: DatabaseHandle;
  let db: Database;
  let storeId: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    db = handle.db;
    const startedAt = performance.now();
    const result = await seedDemo(db, { now: NOW });
    console.log(`[${testDbBackend}] seedDemo took ${Math.round(performance.now() - startedAt)} ms`);
    expect(result.created).toBe(true);
    storeId = result.storeId;
  });

  afterAll(async () => {
    await handle?.close();
  });

  it("creates the demo once: a second call changes nothing", async () => {
    const before = await tableCounts(db);
    expect(before.stores).toBe(1);
    const again = await seedDemo(db, { now: new Date(NOW.getTime() + 7 * DAY) });
    expect(again).toEqual({ created: false, storeId });
    expect(await tableCounts(db)).toEqual(before);
  });

  it("creates the store, its owner and an agent who can sign in", async () => {
    const [store] = await db.select().from(stores).where(eq(stores.slug, DEMO_STORE_SLUG));
    expect(store).toMatchObject({
      name: "Kyoto Tea & Crafts",
      whatsappNumber: "+15550001234",
      currency: "JPY",
      timezone: "Asia/Tokyo",
      defaultLanguage: "ja",
      languages: ["ja", "en"],
      whatsappPhoneNumberId: "100000000000001",
    });
    const members = await db
      .select({ email: users.email, role: storeMembers.role, hash: users.passwordHash })
      .from(storeMembers)
      .innerJoin(users, eq(users.id, storeMembers.userId))
      .where(eq(storeMembers.storeId, storeId))
      .orderBy(asc(storeMembers.role));
    expect(members.map(({ email, role }) => ({ email, role }))).toEqual([
      { email: DEMO_OWNER.email, role: "owner" },
      { email: "agent@demo.chatcart.dev", role: "agent" },
    ]);
    expect(await verifyPassword(DEMO_OWNER.password, members[0]?.hash)).toBe(true);
  });

  it("gives the same data for the same hour, even with two seeders racing", async () => {
    const other = await createTestDatabase();
    try {
      const sameHour = new Date(NOW.getTime() + 20 * 60_000);
      const results = await Promise.all([
        seedDemo(other.db, { now: sameHour }),
        seedDemo(other.db, { now: sameHour }),
      ]);
      expect(results.map((result) => result.created).sort()).toEqual([false, true]);
      expect(results[0]?.storeId).toBe(results[1]?.storeId);
      expect((await tableCounts(other.db)).stores).toBe(1);
      expect(await demoDigest(other.db)).toBe(await demoDigest(db));
    } finally {
      await other.close();
    }
  });

  it("has 12 products with local SVG images, one of them archived", async () => {
    const rows = await db.select().from(products).orderBy(asc(products.sku));
    expect(rows).toHaveLength(12);
    expect(rows.map((row) => row.sku)).toEqual(
      Array.from({ length: 12 }, (_, i) => `KTC-${String(i + 1).padStart(3, "0")}`),
    );
    expect(rows.filter((row) => !row.active)).toHaveLength(1);
    for (const row of rows) {
      expect(row.imageUrl).toBe(`/products/${row.slug}.svg`);
      expect(existsSync(path.join(process.cwd(), "public", row.imageUrl!))).toBe(true);
      expect(Number.isInteger(row.priceMinor) && row.priceMinor > 0).toBe(true);
    }
  });

  it("sells the archived product only before it was archived", async () => {
    const [archived] = await db.select().from(products).where(eq(products.active, false));
    const lines = await db
      .select({ createdAt: orders.createdAt })
      .from(orderItems)
      .innerJoin(orders, eq(orders.id, orderItems.orderId))
      .where(eq(orderItems.productId, archived!.id));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines)
      expect(line.createdAt.getTime()).toBeLessThan(archived!.updatedAt.getTime());
  });

  it("has about 300 customers, most of them Japanese (numbers: seed-people.test.ts)", async () => {
    const rows = await db.select().from(customers);
    expect(rows.length).toBeGreaterThanOrEqual(280);
    expect(rows.length).toBeLessThanOrEqual(320);
    for (const row of rows) {
      expect(row.waId).toBe(row.phone?.slice(1));
    }
    const share = (predicate: (row: (typeof rows)[number]) => boolean) =>
      rows.filter(predicate).length / rows.length;
    expect(share((row) => row.locale === "ja")).toBeGreaterThan(0.5);
    expect(share((row) => row.optedInAt !== null)).toBeGreaterThan(0.5);
    expect(share((row) => row.optedInAt !== null)).toBeLessThan(0.7);
    expect(share((row) => row.optedOutAt !== null)).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.tier))).toEqual(new Set(["member", "silver", "gold"]));
  });

  it("keeps every order's money exact", async () => {
    const mismatches = await db
      .select({ number: orders.number })
      .from(orders)
      .leftJoin(orderItems, eq(orderItems.orderId, orders.id))
      .groupBy(orders.id)
      .having(
        sql`count(${orderItems.id}) not between 1 and 3
          or ${orders.subtotalMinor} <> sum(${orderItems.lineTotalMinor})
          or bool_or(${orderItems.lineTotalMinor} <> ${orderItems.unitPriceMinor} * ${orderItems.quantity})
          or ${orders.totalMinor} <> ${orders.subtotalMinor} - ${orders.discountMinor}
          or ${orders.discountMinor} <> ${orders.pointsRedeemed}
          or ${orders.totalMinor} <= 0`,
      );
    expect(mismatches).toEqual([]);
    const rows = await db.select().from(orders).orderBy(asc(orders.createdAt));
    expect(rows.some((row) => row.discountMinor > 0)).toBe(true);
    rows.forEach((row, i) => expect(row.number).toBe(`KT-${10001 + i}`));
    for (const row of rows) {
      const wasPaid = row.status === "paid" || row.status === "refunded";
      expect(row.paidAt !== null).toBe(wasPaid);
      if (row.paidAt) expect(row.paidAt.getTime()).toBeGreaterThan(row.createdAt.getTime());
    }
    const statuses = new Set(rows.map((row) => row.status));
    expect(statuses).toEqual(new Set(["paid", "pending", "refunded", "cancelled"]));
  });

  it("spreads orders over 90 days with busier weekends than Mondays and Tuesdays", async () => {
    const rows = await db.select({ createdAt: orders.createdAt }).from(orders);
    const times = rows.map((row) => row.createdAt.getTime());
    const hour = Math.floor(NOW.getTime() / 3_600_000) * 3_600_000;
    expect(Math.min(...times)).toBeGreaterThanOrEqual(hour - 90 * DAY);
    expect(Math.max(...times)).toBeLessThanOrEqual(hour);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(85 * DAY);

    const perDay = new Map<string, number>();
    for (const time of times) {
      const day = new Date(time + TOKYO_OFFSET).toISOString().slice(0, 10);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    const average = (weekdays: number[]) => {
      const days = [...perDay].filter(([day]) => weekdays.includes(new Date(day).getUTCDay()));
      return days.reduce((sum, [, n]) => sum + n, 0) / days.length;
    };
    const overall = times.length / perDay.size;
    expect(overall).toBeGreaterThanOrEqual(4);
    expect(overall).toBeLessThanOrEqual(12);
    expect(average([5, 6, 0])).toBeGreaterThan(average([1, 2]) * 1.3);
  });

  it("records a chat for every order and more, and an order_paid event for every paid order", async () => {
    const [chatCount] = await db
      .select({ n: count() })
      .from(events)
      .where(eq(events.type, "chat_started"));
    const orderRows = await db.select().from(orders);
    const ratio = (chatCount?.n ?? 0) / orderRows.length;
    expect(ratio).toBeGreaterThanOrEqual(2);
    expect(ratio).toBeLessThanOrEqual(3);

    const paidEvents = await db.select().from(events).where(eq(events.type, "order_paid"));
    const paidOrders = orderRows.filter((row) => row.paidAt !== null);
    expect(paidEvents).toHaveLength(paidOrders.length);
    const byOrder = new Map(paidEvents.map((event) => [event.orderId, event]));
    for (const order of paidOrders) {
      const event = byOrder.get(order.id);
      expect(event).toMatchObject({
        customerId: order.customerId,
        source: order.source,
        createdAt: order.paidAt,
        properties: { totalMinor: order.totalMinor, currency: "JPY" },
      });
    }
  });
});
