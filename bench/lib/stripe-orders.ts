/**
 * What bench:stripe-webhook writes before the server starts (pending orders of the demo
 * store, one per event it will send) and checks after it stopped (each paid exactly once).
 */
import { and, count, eq, inArray, like } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { customers, events, orders, products, stores, webhookEvents } from "@/db/schema";
import { DEMO_STORE_SLUG } from "@/lib/demo/seed";
import { createOrder } from "@/lib/orders/create-order";

export type BenchOrder = { id: string; storeId: string; totalMinor: number; currency: string };

export async function createPendingOrders(db: Database, amount: number): Promise<BenchOrder[]> {
  const [store] = await db.select().from(stores).where(eq(stores.slug, DEMO_STORE_SLUG));
  if (!store) throw new Error("the demo store is missing");
  const [customer] = await db
    .insert(customers)
    .values({ storeId: store.id, waId: "8200888888888", phone: "+8200888888888", name: "Bench" })
    .returning();
  const catalog = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.storeId, store.id), eq(products.active, true)));
  const created: BenchOrder[] = [];
  for (let i = 0; i < amount; i++) {
    const result = await db.transaction((tx) =>
      createOrder(tx, {
        storeId: store.id,
        customerId: customer!.id,
        conversationId: null,
        origin: "bot",
        lines: [{ productId: catalog[i % catalog.length]!.id, quantity: 1 + (i % 3) }],
        language: "en",
        now: new Date(),
      }),
    );
    if (!result.ok) throw new Error(`bench order refused: ${result.reason}`);
    const { id, storeId, totalMinor, currency } = result.order;
    created.push({ id, storeId, totalMinor, currency });
  }
  return created;
}

export type PaidCheck = { orders: number; paid: number; paidEvents: number; storedEvents: number };

/** Each bench order paid, one order_paid event each, each acknowledged event stored once. */
export async function checkPaidOnce(
  db: Database,
  orderIds: string[],
  eventIdPrefix: string,
): Promise<{ check: PaidCheck; problems: string[] }> {
  const problems: string[] = [];
  let paid = 0;
  let paidEvents = 0;
  for (let start = 0; start < orderIds.length; start += 500) {
    const chunk = orderIds.slice(start, start + 500);
    const [row] = await db
      .select({ n: count() })
      .from(orders)
      .where(and(inArray(orders.id, chunk), eq(orders.status, "paid")));
    paid += row!.n;
    const perOrder = await db
      .select({ orderId: events.orderId, n: count() })
      .from(events)
      .where(and(inArray(events.orderId, chunk), eq(events.type, "order_paid")))
      .groupBy(events.orderId);
    for (const { orderId, n } of perOrder) {
      paidEvents += n;
      if (n !== 1) problems.push(`order ${orderId} has ${n} order_paid events`);
    }
  }
  const stored = await db
    .select({ id: webhookEvents.externalId, n: count() })
    .from(webhookEvents)
    .where(
      and(
        eq(webhookEvents.provider, "stripe"),
        like(webhookEvents.externalId, `${eventIdPrefix}%`),
      ),
    )
    .groupBy(webhookEvents.externalId);
  for (const { id, n } of stored) if (n !== 1) problems.push(`event ${id} stored ${n} times`);
  if (paid !== orderIds.length)
    problems.push(`${orderIds.length - paid} of ${orderIds.length} orders not paid`);
  return {
    check: { orders: orderIds.length, paid, paidEvents, storedEvents: stored.length },
    problems,
  };
}
