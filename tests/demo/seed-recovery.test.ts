import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DatabaseHandle } from "@/db/drivers";
import { seedDemo } from "@/lib/demo/seed";
import { loadRecoveryProgram } from "@/lib/recovery/program";
import { recoveredRevenue } from "@/lib/recovery/revenue";
import { createTestDatabase, queryRows, testDbBackend } from "../support/database";

// 22:00 in Tokyo: quiet hours, so steps falling due now wait.
const NOW = new Date("2025-06-15T13:23:45Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DEMO_NOW = new Date(Math.floor(NOW.getTime() / HOUR) * HOUR);

type Recovery = {
  id: string;
  customerId: string;
  orderId: string;
  status: string;
  stopReason: string | null;
  abandonedAt: Date;
  endedAt: Date | null;
  recoveredOrderId: string | null;
  recoveredStep: number | null;
  recoveredAt: Date | null;
};
type Step = {
  recoveryId: string;
  step: number;
  status: string;
  reason: string | null;
  dueAt: Date;
  decidedAt: Date | null;
  messageId: string | null;
  messageStatus: string | null;
  deliveredAt: Date | null;
  readAt: Date | null;
  errorReason: string | null;
  messageCustomerId: string | null;
  dedupeKey: string | null;
};
type Order = {
  id: string;
  customerId: string;
  status: string;
  totalMinor: number;
  refundedMinor: number;
  paidAt: Date | null;
  recoveryId: string | null;
  recoveryStep: number | null;
};

/** The demo's recoveries are what the engine would have done with its unpaid orders. */
describe(`demo seed: cart recovery [${testDbBackend}]`, () => {
  let handle: DatabaseHandle;
  let db: Database;
  let storeId: string;
  let recoveries: Recovery[];
  let steps: Step[];
  let orders: Map<string, Order>;
  let attributionDays: number;

  beforeAll(async () => {
    handle = await createTestDatabase();
    db = handle.db;
    storeId = (await seedDemo(db, { now: NOW })).storeId;
    const program = await loadRecoveryProgram(db, storeId);
    expect(program).toMatchObject({ enabled: true, saved: true });
    attributionDays = program!.settings.attributionDays;
    recoveries = await queryRows<Recovery>(
      db,
      sql`select id, customer_id as "customerId", order_id as "orderId", status::text,
        stop_reason as "stopReason", abandoned_at as "abandonedAt", ended_at as "endedAt",
        recovered_order_id as "recoveredOrderId", recovered_step as "recoveredStep",
        recovered_at as "recoveredAt"
        from recoveries where store_id = ${storeId}`,
    );
    steps = await queryRows<Step>(
      db,
      sql`select s.recovery_id as "recoveryId", s.step, s.status::text, s.reason, s.due_at as "dueAt",
        s.decided_at as "decidedAt", s.message_id as "messageId", m.status::text as "messageStatus",
        m.delivered_at as "deliveredAt", m.read_at as "readAt", m.error_reason as "errorReason",
        m.customer_id as "messageCustomerId", m.dedupe_key as "dedupeKey"
        from recovery_steps s left join messages m on m.id = s.message_id
        where s.store_id = ${storeId} order by s.recovery_id, s.step`,
    );
    const orderRows = await queryRows<Order>(
      db,
      sql`select id, customer_id as "customerId", status::text, total_minor as "totalMinor",
        refunded_minor as "refundedMinor", paid_at as "paidAt", recovery_id as "recoveryId",
        recovery_step as "recoveryStep" from orders where store_id = ${storeId}`,
    );
    orders = new Map(orderRows.map((row) => [row.id, row]));
    for (const row of [...recoveries, ...steps, ...orderRows]) {
      for (const [key, value] of Object.entries(row)) {
        if (typeof value === "string" && /At$/.test(key)) {
          (row as Record<string, unknown>)[key] = new Date(value);
        }
      }
    }
    // Seeding 90 days of a store takes a while on a busy machine.
  }, 240_000);

  afterAll(async () => {
    await handle?.close();
  });

  const stepsOf = (id: string) => steps.filter((step) => step.recoveryId === id);

  it("tells every kind of story: recovered, stopped for each reason, lost, failed and skipped reminders", () => {
    const statuses = new Set(recoveries.map((row) => row.status));
    expect([...statuses]).toEqual(expect.arrayContaining(["recovered", "stopped", "lost"]));
    expect(recoveries.filter((row) => row.status === "recovered").length).toBeGreaterThanOrEqual(
      10,
    );
    const stops = new Set(recoveries.map((row) => row.stopReason).filter(Boolean));
    expect([...stops]).toEqual(expect.arrayContaining(["paid", "replied", "opted_out"]));
    const sent = steps.filter((step) => step.status === "sent");
    const messageStatuses = new Set(sent.map((step) => step.messageStatus));
    expect([...messageStatuses]).toEqual(expect.arrayContaining(["delivered", "read", "failed"]));
    const failed = sent.filter((step) => step.messageStatus === "failed").length;
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThan(sent.length / 5);
    expect(steps.some((step) => step.reason === "outside_window_no_template")).toBe(true);
    // Paid after the attribution window: the sequence is lost and the order not attributed.
    const late = recoveries.filter((row) => {
      const order = orders.get(row.orderId)!;
      return row.status === "lost" && order.paidAt && order.paidAt > row.endedAt!;
    });
    expect(late.length).toBeGreaterThan(0);
    for (const row of late) expect(orders.get(row.orderId)!.recoveryId).toBeNull();
    // The reminders spread over the 90 days.
    const abandoned = recoveries.map((row) => row.abandonedAt.getTime());
    expect(Math.max(...abandoned) - Math.min(...abandoned)).toBeGreaterThan(60 * DAY);
  });

  it("attributes each recovered order, paid, to the last reminder delivered before the payment, within the window", () => {
    const attributed = [...orders.values()].filter((order) => order.recoveryId !== null);
    const recovered = recoveries.filter((row) => row.status === "recovered");
    expect(attributed.map((order) => order.recoveryId).sort()).toEqual(
      recovered.map((row) => row.id).sort(),
    );
    for (const row of recovered) {
      const order = orders.get(row.orderId)!;
      expect(row.recoveredOrderId).toBe(order.id);
      expect(["paid", "refunded"]).toContain(order.status);
      expect(order.paidAt!.getTime()).toBe(row.recoveredAt!.getTime());
      const delivered = stepsOf(row.id).filter(
        (step) =>
          (step.messageStatus === "delivered" || step.messageStatus === "read") &&
          step.deliveredAt! <= order.paidAt!,
      );
      const last = delivered.at(-1)!;
      expect(order.recoveryStep).toBe(last.step);
      expect(row.recoveredStep).toBe(last.step);
      expect(order.paidAt!.getTime() - last.deliveredAt!.getTime()).toBeLessThanOrEqual(
        attributionDays * DAY,
      );
    }
    // Nothing else that was paid after a delivered reminder within the window went unattributed.
    for (const row of recoveries.filter((r) => r.status !== "recovered")) {
      const paidAt = orders.get(row.orderId)!.paidAt;
      if (!paidAt) continue;
      const earning = stepsOf(row.id).filter(
        (step) =>
          step.deliveredAt &&
          step.messageStatus !== "failed" &&
          step.deliveredAt <= paidAt &&
          paidAt.getTime() - step.deliveredAt.getTime() <= attributionDays * DAY,
      );
      expect(earning).toEqual([]);
    }
  });

  it("records recovered orders as paid orders: checkout, order_paid, cart_recovered and loyalty earn", async () => {
    const wrong = await queryRows<{ id: string; problem: string }>(
      db,
      sql`select o.id, 'no completed checkout' as problem from orders o
          where o.store_id = ${storeId} and o.recovery_id is not null
            and not exists (select 1 from checkout_sessions s where s.order_id = o.id and s.status = 'complete')
        union all
        select o.id, 'no order_paid' from orders o where o.store_id = ${storeId} and o.recovery_id is not null
          and not exists (select 1 from events e where e.order_id = o.id and e.type = 'order_paid'
            and e.created_at = o.paid_at)
        union all
        select o.id, 'cart_recovered' from orders o where o.store_id = ${storeId} and o.recovery_id is not null
          and (select count(*) from events e where e.order_id = o.id and e.type = 'cart_recovered'
            and (e.properties->>'step')::int = o.recovery_step
            and (e.properties->>'amountMinor')::int = o.total_minor
            and e.properties->>'recoveryId' = o.recovery_id::text) <> 1
        union all
        select o.id, 'member without earn' from orders o
          join loyalty_accounts a on a.customer_id = o.customer_id and a.joined_at <= o.paid_at
          where o.store_id = ${storeId} and o.recovery_id is not null
            and not exists (select 1 from loyalty_ledger l where l.order_id = o.id and l.reason = 'earn'
              and l.created_at = o.paid_at)`,
    );
    expect(wrong).toEqual([]);
    const [counts] = await queryRows<{ recovered: number; events: number; abandoned: number }>(
      db,
      sql`select
        (select count(*)::int from recoveries where store_id = ${storeId} and status = 'recovered') as recovered,
        (select count(*)::int from events where store_id = ${storeId} and type = 'cart_recovered') as events,
        (select count(*)::int from events where store_id = ${storeId} and type = 'cart_abandoned') as abandoned`,
    );
    expect(counts!.events).toBe(counts!.recovered);
    expect(counts!.abandoned).toBe(recoveries.length);
  });

  it("makes the storefront cart's orders one recovery with their cart, its status as the engine leaves it", async () => {
    type CartRow = {
      recoveryId: string;
      recoveryCustomerId: string;
      orderId: string;
      orderCartId: string | null;
      source: string;
      valueMinor: number;
      abandonedAt: string;
      orderCreatedAt: string;
      cartId: string | null;
      storeId: string | null;
      customerId: string | null;
      status: string | null;
      createdAt: string | null;
      updatedAt: string | null;
      cartAbandonedAt: string | null;
    };
    const rows = await queryRows<CartRow>(
      db,
      sql`select r.id as "recoveryId", r.customer_id as "recoveryCustomerId", r.order_id as "orderId",
          o.cart_id as "orderCartId", o.source::text as source, r.value_minor as "valueMinor",
          r.abandoned_at as "abandonedAt", o.created_at as "orderCreatedAt", c.id as "cartId",
          c.store_id as "storeId", c.customer_id as "customerId", c.status::text as status,
          c.created_at as "createdAt", c.updated_at as "updatedAt", c.abandoned_at as "cartAbandonedAt"
        from recoveries r join orders o on o.id = r.order_id left join carts c on c.id = r.cart_id
        where r.store_id = ${storeId}`,
    );
    const withCart = rows.filter((row) => row.cartId !== null);
    expect(withCart.length).toBeGreaterThan(0);
    expect(withCart.length).toBeLessThan(rows.length);
    expect(new Set(withCart.map((row) => row.cartId)).size).toBe(withCart.length);
    const [cartCount] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from carts where store_id = ${storeId}`,
    );
    expect(cartCount!.n).toBe(withCart.length);
    /** Each order's or cart's lines as (product, quantity), by owner. */
    const linesBy = async (table: "order_items" | "cart_items", owner: "order_id" | "cart_id") => {
      const byOwner = new Map<string, { productId: string; quantity: number }[]>();
      const all = await queryRows<{ owner: string; productId: string; quantity: number }>(
        db,
        sql`select ${sql.raw(owner)} as owner, product_id as "productId", quantity
          from ${sql.raw(table)} where store_id = ${storeId} order by product_id`,
      );
      for (const { owner: id, ...line } of all) byOwner.set(id, [...(byOwner.get(id) ?? []), line]);
      return byOwner;
    };
    const orderLines = await linesBy("order_items", "order_id");
    const cartLines = await linesBy("cart_items", "cart_id");
    const subtotals = new Map(
      (
        await queryRows<{ orderId: string; subtotal: number }>(
          db,
          sql`select order_id as "orderId", sum(line_total_minor)::int as subtotal
            from order_items where store_id = ${storeId} group by order_id`,
        )
      ).map((row) => [row.orderId, row.subtotal]),
    );
    for (const row of rows) {
      // Exactly the orders from the storefront cart, as lib/bot/checkout.ts makes them.
      expect(row.cartId !== null).toBe(row.source === "cart");
      expect(row.orderCartId).toBe(row.cartId);
      if (!row.cartId) continue;
      const order = orders.get(row.orderId)!;
      const recovery = recoveries.find((r) => r.id === row.recoveryId)!;
      expect(row.storeId).toBe(storeId);
      expect(row.customerId).toBe(row.recoveryCustomerId);
      expect(cartLines.get(row.cartId)).toEqual(orderLines.get(row.orderId));
      // The value markAbandoned gives a cart's recovery: its subtotal.
      expect(row.valueMinor).toBe(subtotals.get(row.orderId));
      expect(
        recovery.status === "recovered" ? "recovered" : order.paidAt ? "converted" : "abandoned",
      ).toBe(row.status);
      // Last touched before the order was made; abandoned by the tick that started the recovery.
      expect(new Date(row.createdAt!) <= new Date(row.updatedAt!)).toBe(true);
      expect(new Date(row.updatedAt!) < new Date(row.orderCreatedAt)).toBe(true);
      expect(new Date(row.cartAbandonedAt!).getTime()).toBe(new Date(row.abandonedAt).getTime());
    }
    // Paid after a delivered reminder, and still left.
    expect(withCart.map((row) => row.status)).toEqual(
      expect.arrayContaining(["recovered", "abandoned"]),
    );
  });

  it("sends only to opted-in shoppers, once per step, with each failed reminder failed with its reason", async () => {
    const keys = new Set(steps.map((step) => `${step.recoveryId}:${step.step}`));
    expect(keys.size).toBe(steps.length);
    // Consent as the messages left it: a "yes" tap, and a stop word (which clears the opt-in).
    const customers = new Map(
      (
        await queryRows<{
          id: string;
          optedInAt: string | null;
          optedOutAt: string | null;
          yes: string | null;
        }>(
          db,
          sql`select c.id, c.opted_in_at as "optedInAt", c.opted_out_at as "optedOutAt",
            (select min(m.created_at) from messages m where m.customer_id = c.id
              and m.content->>'replyId' = 'consent:yes') as yes
            from customers c where c.store_id = ${storeId}`,
        )
      ).map((row) => [row.id, row]),
    );
    const consentedAt = (customerId: string, at: Date) => {
      const customer = customers.get(customerId)!;
      if (customer.optedInAt) return new Date(customer.optedInAt) <= at;
      return (
        customer.optedOutAt !== null &&
        new Date(customer.optedOutAt) > at &&
        customer.yes !== null &&
        new Date(customer.yes) <= at
      );
    };
    const stoppedByOptOut = recoveries.filter((row) => row.stopReason === "opted_out");
    for (const row of stoppedByOptOut) {
      const customer = customers.get(row.customerId)!;
      expect(customer.optedInAt).toBeNull();
      expect(new Date(customer.optedOutAt!) <= row.endedAt!).toBe(true);
    }
    const reminderEvents = await queryRows<{ messageId: string; createdAt: string }>(
      db,
      sql`select properties->>'messageId' as "messageId", created_at as "createdAt" from events
        where store_id = ${storeId} and type = 'reminder_sent'`,
    );
    const sent = steps.filter((step) => step.status === "sent");
    expect(reminderEvents.map((row) => row.messageId).sort()).toEqual(
      sent.map((step) => step.messageId).sort(),
    );
    for (const step of sent) {
      const recovery = recoveries.find((row) => row.id === step.recoveryId)!;
      const at = step.decidedAt!;
      expect(consentedAt(recovery.customerId, at)).toBe(true);
      expect(step.messageCustomerId).toBe(recovery.customerId);
      expect(step.dedupeKey).toBe(`recovery:${step.recoveryId}:${step.step}`);
      expect(at >= step.dueAt).toBe(true);
      if (step.messageStatus === "failed") expect(step.errorReason).toBeTruthy();
      else expect(step.errorReason).toBeNull();
    }
    // Nothing happened after the demo's "now"; undecided steps are still to come.
    for (const step of steps) {
      if (step.decidedAt) expect(step.decidedAt <= DEMO_NOW).toBe(true);
      if (step.status === "scheduled" || step.status === "waiting") {
        expect(recoveries.find((row) => row.id === step.recoveryId)!.status).toBe("active");
      }
    }
  });

  it("sums recovered revenue as a brute-force count over the orders, per step", async () => {
    const ranges = [
      { from: new Date(DEMO_NOW.getTime() - 91 * DAY), to: DEMO_NOW },
      { from: new Date(DEMO_NOW.getTime() - 30 * DAY), to: new Date(DEMO_NOW.getTime() - 7 * DAY) },
    ];
    for (const range of ranges) {
      const inRange = [...orders.values()].filter(
        (order) =>
          order.recoveryId !== null &&
          order.paidAt! >= range.from &&
          order.paidAt! < range.to &&
          (order.status === "paid" || order.status === "refunded"),
      );
      const byStep = new Map<number, { orders: number; revenueMinor: number }>();
      for (const order of inRange) {
        const entry = byStep.get(order.recoveryStep!) ?? { orders: 0, revenueMinor: 0 };
        entry.orders += 1;
        entry.revenueMinor += order.totalMinor - order.refundedMinor;
        byStep.set(order.recoveryStep!, entry);
      }
      const figures = await recoveredRevenue(db, storeId, range);
      expect(figures.orders).toBe(inRange.length);
      expect(figures.revenueMinor).toBe(
        inRange.reduce((sum, order) => sum + order.totalMinor - order.refundedMinor, 0),
      );
      expect(figures.byStep).toEqual(
        [...byStep].sort(([a], [b]) => a - b).map(([step, entry]) => ({ step, ...entry })),
      );
    }
    const all = await recoveredRevenue(db, storeId, ranges[0]!);
    expect(all.orders).toBeGreaterThan(0);
  });
});
