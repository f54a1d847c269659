/**
 * `npm run bench:stripe-webhook`: POST /api/webhooks/stripe beside /api/health (no database
 * work) of the same `next start`, on PGlite and (with TEST_DATABASE_URL) PostgreSQL. Creates
 * BENCH_ORDERS (2000) pending demo-store orders before the server starts, then sends one
 * signed `checkout.session.completed` per order (BENCH_CONNECTIONS, default 10), waits until
 * nothing is pending, and checks every order is paid exactly once (one order_paid, one
 * confirmation). STRIPE_SECRET_KEY is a dummy (Stripe is never called); WhatsApp is sandboxed.
 * Options: NEXT_DIST_DIR, BENCH_SKIP_BUILD=1, BENCH_DURATION (baseline, 10 s),
 * BENCH_CONNECTIONS, BENCH_ORDERS, BENCH_PORT, TEST_DATABASE_URL.
 */
import { randomBytes } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import Stripe from "stripe";
import type { Database } from "@/db/drivers";
import {
  customers,
  events,
  messages,
  type Order,
  orders,
  products,
  stores,
  webhookEvents,
} from "@/db/schema";
import { DEMO_STORE_SLUG } from "@/lib/demo/seed";
import { createOrder } from "@/lib/orders/create-order";
import { toStripeAmount } from "@/lib/payments/amounts";
import { type BenchDatabase, describeMachine, forEachDatabase } from "./lib/databases";
import { type GeneratedRequest, load, type LoadResult } from "./lib/load-test";
import { ensureBuild, freePort, startServer } from "./lib/production-server";
import { waitForEmptyInbox } from "./lib/webhook-inbox";

const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 2000);
const WARM_UP = { baseline: 300, events: 100 };
const WEBHOOK_SECRET = `whsec_${randomBytes(24).toString("hex")}`;
const CRON_SECRET = randomBytes(16).toString("hex");
const BACKLOG_WAIT_MS = 300_000;
const WEBHOOK_PATH = "/api/webhooks/stripe";
const BASELINE_PATH = "/api/health";
const RUN_ID = randomBytes(4).toString("hex");
const NOTE = `bench ${RUN_ID}`;

type BenchOrder = Pick<Order, "id" | "storeId" | "totalMinor" | "currency">;

/** Pending orders of the demo store, each for one product, from its first customer. */
async function createBenchOrders(db: Database, count: number): Promise<BenchOrder[]> {
  const [store] = await db.select().from(stores).where(eq(stores.slug, DEMO_STORE_SLUG));
  if (!store) throw new Error("no demo store");
  const [customer] = await db.select().from(customers).where(eq(customers.storeId, store.id));
  const items = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.storeId, store.id), eq(products.active, true)));
  if (!customer || items.length === 0) throw new Error("the demo store has no customer or product");
  const created: BenchOrder[] = [];
  for (let i = 0; i < count; i++) {
    const result = await createOrder(db, {
      storeId: store.id,
      customerId: customer.id,
      conversationId: null,
      origin: "bot",
      lines: [{ productId: items[i % items.length]!.id, quantity: 1 }],
      language: "en",
      note: NOTE,
      now: new Date(),
    });
    if (!result.ok) throw new Error(`createOrder: ${result.reason}`);
    created.push(result.order);
  }
  return created;
}

function completedEvent(order: BenchOrder, tag: string): GeneratedRequest {
  const event = {
    id: `evt_bench_${RUN_ID}_${tag}`,
    object: "event",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    type: "checkout.session.completed",
    data: {
      object: {
        id: `cs_bench_${RUN_ID}_${tag}`,
        object: "checkout.session",
        payment_status: "paid",
        status: "complete",
        amount_total: toStripeAmount(order.totalMinor, order.currency),
        currency: order.currency.toLowerCase(),
        client_reference_id: order.id,
        metadata: { order_id: order.id, store_id: order.storeId },
        payment_intent: `pi_bench_${RUN_ID}_${tag}`,
      },
    },
  };
  const body = JSON.stringify(event);
  const signature = Stripe.webhooks.generateTestHeaderString({
    payload: body,
    secret: WEBHOOK_SECRET,
  });
  return {
    method: "POST",
    path: WEBHOOK_PATH,
    headers: { "content-type": "application/json", "stripe-signature": signature },
    body,
    key: order.id,
  };
}

type Measurement = {
  database: BenchDatabase;
  baseline: LoadResult;
  webhook: LoadResult;
  acknowledged: Set<string>;
  orderIds: string[];
};

async function measure(database: BenchDatabase, port: number): Promise<Measurement> {
  let benchOrders: BenchOrder[] = [];
  console.log(`\n[bench] ${database.name}: creating ${ORDERS + WARM_UP.events} pending orders …`);
  await database.prepare(async (db) => {
    benchOrders = await createBenchOrders(db, ORDERS + WARM_UP.events);
  });
  const warm = benchOrders.slice(0, WARM_UP.events);
  const measured = benchOrders.slice(WARM_UP.events);
  const server = await startServer({
    port,
    env: {
      ...database.serverEnv,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_SECRET_KEY: "sk_test_benchNeverCalled0000",
      STRIPE_SANDBOX: "off",
      WHATSAPP_SANDBOX: "on",
      TRUST_PROXY: "1",
      CRON_SECRET,
    },
    readyPath: BASELINE_PATH,
  });
  const acknowledged = new Set<string>();
  const onAnswer = (key: string, status: number) => {
    if (status === 200) acknowledged.add(key);
  };
  const queue = (list: BenchOrder[], tag: string) => {
    let next = 0;
    return () => {
      const order = list[next++ % list.length]!;
      return completedEvent(order, `${tag}${next}`);
    };
  };
  const url = (route: string) => `${server.baseUrl}${route}`;
  try {
    await load({
      label: "warm-up",
      url: url(BASELINE_PATH),
      headers: {},
      connections: CONNECTIONS,
      amount: WARM_UP.baseline,
    });
    await load({
      label: "warm-up",
      url: url(WEBHOOK_PATH),
      headers: {},
      connections: CONNECTIONS,
      amount: warm.length,
      generate: queue(warm, "w"),
      onAnswer,
    });
    await waitForEmptyInbox(server.baseUrl, CRON_SECRET, BACKLOG_WAIT_MS);
    const baseline = await load({
      label: "baseline",
      url: url(BASELINE_PATH),
      headers: {},
      connections: CONNECTIONS,
      durationSeconds: DURATION_SECONDS,
    });
    const webhook = await load({
      label: "stripe",
      url: url(WEBHOOK_PATH),
      headers: {},
      connections: CONNECTIONS,
      amount: measured.length,
      generate: queue(measured, "m"),
      onAnswer,
    });
    await waitForEmptyInbox(server.baseUrl, CRON_SECRET, BACKLOG_WAIT_MS);
    return { database, baseline, webhook, acknowledged, orderIds: benchOrders.map((o) => o.id) };
  } finally {
    await server.stop();
  }
}

async function check(db: Database, orderIds: string[], acknowledged: Set<string>) {
  const problems: string[] = [];
  const rows = await db
    .select({ id: orders.id, status: orders.status })
    .from(orders)
    .where(inArray(orders.id, orderIds));
  const paid = rows.filter((row) => row.status === "paid").length;
  if (paid !== acknowledged.size)
    problems.push(`${paid} orders paid, ${acknowledged.size} events acknowledged`);
  const perOrder = async (
    query: Promise<{ orderId: string | null; n: number }[]>,
    what: string,
  ) => {
    const counts = await query;
    const wrong = counts.filter((row) => row.n !== 1).length;
    if (counts.length !== paid || wrong)
      problems.push(`${what}: ${counts.length} orders, ${wrong} not exactly once`);
  };
  await perOrder(
    db
      .select({ orderId: events.orderId, n: sql<number>`count(*)::int` })
      .from(events)
      .where(and(eq(events.type, "order_paid"), inArray(events.orderId, orderIds)))
      .groupBy(events.orderId),
    "order_paid events",
  );
  const confirmations = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(messages)
    .where(
      sql`${messages.dedupeKey} in (${sql.join(
        orderIds.map((id) => sql`${`order:${id}:confirmation`}`),
        sql`, `,
      )})`,
    );
  if ((confirmations[0]?.n ?? 0) !== paid)
    problems.push(`${confirmations[0]?.n} confirmations for ${paid} paid orders`);
  const failed = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.provider, "stripe"), sql`${webhookEvents.processedAt} is null`));
  if ((failed[0]?.n ?? 0) > 0) problems.push(`${failed[0]?.n} Stripe events not applied`);
  return { problems, paid };
}

async function report(measurement: Measurement): Promise<string[]> {
  const { baseline, webhook, database } = measurement;
  const rate = (result: LoadResult) =>
    (result.statusCounts["200"] ?? 0) / Math.max(result.seconds, 1e-9);
  console.log(`\n=== ${database.name} ===`);
  for (const [label, result] of [
    [`GET ${BASELINE_PATH} (baseline)`, baseline],
    ["POST checkout.session.completed", webhook],
  ] as const) {
    const statuses = Object.entries(result.statusCounts)
      .map(([status, n]) => `${n}× ${status}`)
      .join(", ");
    console.log(
      `${label.padEnd(34)}${rate(result).toFixed(0).padStart(8)}/s  p50 ${result.p50Ms.toFixed(1)} ms  p99 ${result.p99Ms.toFixed(1)} ms  ${statuses}${result.errors ? `, ${result.errors} errors` : ""}`,
    );
  }
  console.log(
    `ratio webhook ÷ baseline: ${(rate(webhook) / rate(baseline)).toFixed(2)} of the rate, p99 ${(webhook.p99Ms / Math.max(baseline.p99Ms, 1)).toFixed(1)}× as long`,
  );
  const { problems, paid } = await database.inspect((db) =>
    check(db, measurement.orderIds, measurement.acknowledged),
  );
  if (webhook.errors || Object.keys(webhook.statusCounts).some((status) => status !== "200"))
    problems.push("non-200 answers");
  console.log(
    problems.length
      ? `PROBLEMS: ${problems.join("; ")}`
      : `check: ${paid} orders paid exactly once (one order_paid, one confirmation each), every event applied ✓`,
  );
  return problems;
}

async function main(): Promise<void> {
  console.log(describeMachine());
  console.log(`[bench] ${ORDERS} orders, ${CONNECTIONS} connections, loopback only`);
  await ensureBuild({ reuse: process.env.BENCH_SKIP_BUILD === "1" });
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
  const problems: string[] = [];
  await forEachDatabase(RUN_ID, async (database) => {
    problems.push(...(await report(await measure(database, port))));
  });
  if (problems.length) process.exitCode = 1;
}

await main();
