import { eq, isNotNull, sql } from "drizzle-orm";
import { events, orders, paymentLinks } from "@/db/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DatabaseHandle } from "@/db/drivers";
import { seedDemo } from "@/lib/demo/seed";
import { planHistory } from "@/lib/demo/seed/history";
import { planPayments } from "@/lib/demo/seed/payments";
import { createRng } from "@/lib/demo/seed/random";
import { takeOrderNumber } from "@/lib/orders/order-number";
import { PAYMENT_TOKEN_PATTERN } from "@/lib/payments/payment-link";
import { createTestDatabase, queryRows, testDbBackend } from "../support/database";

const NOW = new Date("2025-06-15T10:23:45Z");
const HOUR = 3_600_000;
const DEMO_NOW = new Date(Math.floor(NOW.getTime() / HOUR) * HOUR);
const ORIGIN = "https://demo.chatcart.example";

async function count(db: Database, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (${query}) q`,
  );
  return row?.n ?? -1;
}

/** The demo's orders went through payment links and agree with their chats and clicks. */
describe(`demo seed: orders and payments [${testDbBackend}]`, () => {
  let handle: DatabaseHandle;
  let db: Database;
  let storeId: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    db = handle.db;
    storeId = (await seedDemo(db, { now: NOW, linkOrigin: ORIGIN })).storeId;
    // Seeding 90 days of a store takes a while on a busy machine.
  }, 180_000);

  afterAll(async () => {
    await handle?.close();
  });

  it("copies every order's attribution from the conversation that led to it", async () => {
    const wrong = sql`select o.number from orders o
      left join conversations c on c.id = o.conversation_id
      left join clicks k on k.id = c.click_id
      where c.id is null or c.store_id <> o.store_id or c.customer_id <> o.customer_id
        or c.source <> o.source or c.click_id is distinct from o.click_id
        or c.qr_code_id is distinct from o.qr_code_id or c.product_id is distinct from o.product_id
        or k.ref is distinct from o.ref or o.created_at < c.created_at
        or o.language <> c.language`;
    expect(await count(db, wrong)).toBe(0);
    const sources = await queryRows<{ source: string }>(
      db,
      sql`select distinct source from orders`,
    );
    expect(sources.map((row) => row.source)).toEqual(
      expect.arrayContaining(["widget", "product_button", "desktop_qr", "qr", "unattributed"]),
    );
    // Every printed QR code sold something.
    const codesWithoutOrders = sql`select 1 from qr_codes q where q.store_id = ${storeId}
      and not exists (select 1 from orders o where o.qr_code_id = q.id and o.source = 'qr')`;
    expect(await count(db, codesWithoutOrders)).toBe(0);
    const origins = await queryRows<{ origin: string; n: number }>(
      db,
      sql`select origin::text, count(*)::int as n from orders group by origin`,
    );
    expect(new Set(origins.map((row) => row.origin))).toEqual(new Set(["bot", "cart", "agent"]));
    const wrongOrigin = sql`select 1 from orders o join conversations c on c.id = o.conversation_id
      where (o.origin = 'cart') <> (o.source = 'cart')
        or (o.origin = 'agent' and (c.handed_off_at is null or c.handed_off_at > o.created_at))`;
    expect(await count(db, wrongOrigin)).toBe(0);
  });

  it("records the payment events: created, link sent, opened, paid with its source, refunded", async () => {
    const orderRows = await db
      .select({
        id: orders.id,
        source: orders.source,
        createdAt: orders.createdAt,
        paidAt: orders.paidAt,
        opens: paymentLinks.openCount,
        refunds: sql<number>`(select count(*)::int from refunds r where r.order_id = ${orders.id}
          and r.status = 'succeeded')`.mapWith(Number),
      })
      .from(orders)
      .innerJoin(paymentLinks, eq(paymentLinks.orderId, orders.id));
    const eventRows = (
      await db
        .select({
          orderId: events.orderId,
          type: events.type,
          source: events.source,
          createdAt: events.createdAt,
        })
        .from(events)
        .where(isNotNull(events.orderId))
    ).map((event) => ({ ...event, orderId: event.orderId! }));
    const eventsOf = new Map<string, typeof eventRows>();
    for (const event of eventRows)
      eventsOf.set(event.orderId, [...(eventsOf.get(event.orderId) ?? []), event]);
    for (const order of orderRows) {
      const own = eventsOf.get(order.id) ?? [];
      const ofType = (type: string) => own.filter((event) => event.type === type);
      const at = (type: string) => ofType(type).map((event) => event.createdAt.getTime());
      expect(ofType("order_created").map((event) => event.source)).toEqual([order.source]);
      expect(at("order_created")).toEqual([order.createdAt.getTime()]);
      expect(at("link_sent")).toEqual([order.createdAt.getTime()]);
      expect(
        ofType("order_paid").map((event) => [event.source, event.createdAt.getTime()]),
      ).toEqual(order.paidAt ? [[order.source, order.paidAt.getTime()]] : []);
      expect(at("link_opened")).toHaveLength(order.opens);
      for (const time of at("link_opened")) {
        expect(time).toBeGreaterThan(order.createdAt.getTime());
        expect(time).toBeLessThanOrEqual(order.paidAt?.getTime() ?? DEMO_NOW.getTime());
      }
      expect(at("order_refunded")).toHaveLength(order.refunds);
    }
    const [funnel] = await queryRows<Record<string, number>>(
      db,
      sql`select
        count(*) filter (where type = 'link_sent')::int as sent,
        count(*) filter (where type = 'link_opened')::int as opened,
        count(distinct order_id) filter (where type = 'link_opened')::int as "openedOrders",
        count(*) filter (where type = 'order_paid')::int as paid
        from events`,
    );
    expect(funnel!.opened).toBeLessThanOrEqual(funnel!.sent!);
    expect(funnel!.openedOrders).toBeGreaterThan(funnel!.sent! * 0.8);
    expect(funnel!.openedOrders).toBeGreaterThan(funnel!.paid!);
  });

  it("keeps statuses, sessions, refunds and fulfilment consistent and in time order", async () => {
    const badPaid = sql`select 1 from orders where (paid_at is not null) <> (status in ('paid', 'refunded'))
      or (paid_at is not null) <> (payment_intent_id ~ '^pi_[A-Za-z0-9]{20,}$')
      or (paid_at is not null) <> (shipping_address is not null)
      or (status = 'cancelled') <> (cancelled_at is not null)
      or cancelled_at <= created_at or paid_at <= created_at`;
    expect(await count(db, badPaid)).toBe(0);
    const badFulfilment = sql`select 1 from orders where
      (fulfillment_status <> 'unfulfilled' and status <> 'paid')
      or (fulfillment_status = 'unfulfilled') <> (shipped_at is null)
      or (fulfillment_status = 'delivered') <> (delivered_at is not null)
      or (shipped_at is null) <> (tracking_url is null)
      or tracking_url !~ '^https://track\\.example/'
      or shipped_at <= paid_at or delivered_at <= shipped_at
      or greatest(created_at, paid_at, shipped_at, delivered_at, refunded_at, cancelled_at, updated_at) > ${DEMO_NOW}
      or updated_at < greatest(created_at, paid_at, shipped_at, delivered_at, refunded_at, cancelled_at)`;
    expect(await count(db, badFulfilment)).toBe(0);
    const badRefunds = sql`select 1 from orders o where
      o.refunded_minor <> coalesce((select sum(amount_minor) from refunds r where r.order_id = o.id
        and r.status = 'succeeded'), 0)
      or o.refunded_minor > o.total_minor
      or (o.status = 'refunded') <> (o.refunded_minor = o.total_minor)
      or (o.refunded_minor > 0) <> (o.refunded_at is not null)
      or o.refunded_at <= coalesce(o.delivered_at, o.paid_at)
      or exists (select 1 from refunds r where r.order_id = o.id and (r.payment_intent_id <> o.payment_intent_id
        or r.stripe_refund_id !~ '^re_' or r.created_at > o.refunded_at or r.created_at < o.paid_at))`;
    expect(await count(db, badRefunds)).toBe(0);
    const partial = sql`select 1 from orders where status = 'paid' and refunded_minor between 1 and total_minor - 1`;
    expect(await count(db, partial)).toBe(1);
    const badSessions = sql`select 1 from orders o join payment_links l on l.order_id = o.id where
      (select count(*) from checkout_sessions s where s.order_id = o.id and s.status = 'complete')
        <> (case when o.paid_at is null then 0 else 1 end)
      or exists (select 1 from checkout_sessions s where s.order_id = o.id and (
        s.session_id !~ '^cs_test_' or s.amount_minor <> o.total_minor or s.currency <> o.currency
        or s.created_at < l.first_opened_at or s.created_at > coalesce(o.paid_at, o.cancelled_at, ${DEMO_NOW})
        or (s.status = 'open' and (s.expires_at <= ${DEMO_NOW} or s.version <> l.version))
        or (s.status = 'expired' and s.expires_at > ${DEMO_NOW} and o.status <> 'cancelled')
        or s.expires_at - s.created_at not between interval '30 minutes' and interval '24 hours'))
      or (l.open_count = 0) <> (l.first_opened_at is null)
      or l.version <> greatest(1, (select count(*) from checkout_sessions s where s.order_id = o.id))
      or l.token !~ '^[A-Za-z0-9_-]{43}$'`;
    expect(await count(db, badSessions)).toBe(0);
    const [mix] = await queryRows<Record<string, number>>(
      db,
      sql`select
        count(*) filter (where o.status = 'pending' and exists (select 1 from checkout_sessions s
          where s.order_id = o.id and s.status = 'expired'))::int as "pendingExpired",
        count(*) filter (where o.fulfillment_status = 'shipped')::int as shipped,
        count(*) filter (where o.fulfillment_status = 'delivered')::int as delivered,
        count(*) filter (where o.status = 'refunded')::int as refunded,
        count(distinct o.shipping_address->>'country')::int as countries
        from orders o`,
    );
    expect(mix!.pendingExpired).toBeGreaterThan(0);
    expect(mix!.shipped).toBeGreaterThan(0);
    expect(mix!.delivered).toBeGreaterThan(mix!.shipped!);
    expect(mix!.refunded).toBeGreaterThanOrEqual(2);
    expect(mix!.countries).toBeGreaterThanOrEqual(4);
  });

  it("puts the payment link and the confirmation in the chat that made the order", async () => {
    const links = await queryRows<{ url: string; token: string; author: string; origin: string }>(
      db,
      sql`select m.content->>'url' as url, l.token, m.author, o.origin::text as origin
        from messages m join orders o on m.dedupe_key = 'order:' || o.id || ':link:1'
        join payment_links l on l.order_id = o.id
        where m.conversation_id = o.conversation_id and m.type = 'cta_url'
          and m.created_at = o.created_at`,
    );
    const [orderCount] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from orders`,
    );
    expect(links.length).toBeGreaterThan(orderCount!.n * 0.95);
    for (const link of links) {
      expect(link.token).toMatch(PAYMENT_TOKEN_PATTERN);
      expect(link.url).toBe(`${ORIGIN}/pay/${link.token}`);
      expect(link.author).toBe(link.origin === "agent" ? "agent" : "bot");
    }
    const badConfirmations = sql`select 1 from messages m join orders o
        on m.dedupe_key = 'order:' || o.id || ':confirmation'
      where o.paid_at is null or m.created_at < o.paid_at or m.conversation_id <> o.conversation_id
        or m.body not like '%' || o.number || '%'`;
    expect(await count(db, badConfirmations)).toBe(0);
    const confirmed = sql`select 1 from messages where dedupe_key like 'order:%:confirmation'`;
    const paid = sql`select 1 from orders where paid_at is not null`;
    expect(await count(db, confirmed)).toBeGreaterThan((await count(db, paid)) * 0.9);
    // The shopper read the link before opening it.
    const unreadOpened = sql`select 1 from messages m join orders o on m.dedupe_key = 'order:' || o.id || ':link:1'
      join payment_links l on l.order_id = o.id
      where l.first_opened_at is not null and m.read_at > l.first_opened_at`;
    expect(await count(db, unreadOpened)).toBe(0);
  });

  it("continues the order numbers after the demo's last one", async () => {
    const [store] = await queryRows<{ last: number; highest: number }>(
      db,
      sql`select s.last_order_sequence as last,
        (select max(split_part(number, '-', 2)::int) from orders o where o.store_id = s.id) as highest
        from stores s where s.id = ${storeId}`,
    );
    expect(store!.last).toBe(store!.highest);
    const next = await db.transaction((tx) => takeOrderNumber(tx, storeId));
    expect(next).toBe(`KT-${store!.highest + 1}`);
  });

  it("plans the same payments for the same hour", () => {
    const plan = () => {
      const history = planHistory(createRng(7), DEMO_NOW);
      return planPayments(
        createRng(7).fork("payments"),
        history,
        () => ({ handedOffAt: null }),
        DEMO_NOW,
      );
    };
    expect(JSON.stringify(plan())).toBe(JSON.stringify(plan()));
  });
});
