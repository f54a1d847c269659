/**
 * `npm run bench:stripe-webhook`: what the Stripe webhook (POST /api/webhooks/stripe) costs
 * next to a route of the same server that does no database work (/api/health). Not a test:
 * it prints figures and checks afterwards that every order was paid exactly once.
 *
 * 1. `next build` (or BENCH_SKIP_BUILD=1 to reuse it), then for each database (PGlite, and
 *    PostgreSQL with TEST_DATABASE_URL): BENCH_ORDERS pending orders of the demo store are
 *    written before `next start` (STRIPE_WEBHOOK_SECRET random, the platform endpoint).
 * 2. The baseline: BENCH_ORDERS GETs of /api/health; then one signed
 *    `checkout.session.completed` per order (a distinct pending order each, signed as
 *    Stripe does: stripe.webhooks.generateTestHeaderString), BENCH_CONNECTIONS at a time.
 * 3. Waits until the processor has applied everything (GET /api/admin/inbox), stops the
 *    server, and checks: every order paid, one order_paid event each, each event stored once.
 *
 * Options (environment): BENCH_SKIP_BUILD=1, BENCH_ORDERS (default 1500), BENCH_CONNECTIONS
 * (default 10), BENCH_PORT, TEST_DATABASE_URL.
 */
import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { toStripeAmount } from "@/lib/payments/amounts";
import { type BenchDatabase, describeMachine, forEachDatabase } from "./lib/databases";
import { type GeneratedRequest, load, type LoadResult } from "./lib/load-test";
import { ensureBuild, freePort, startServer } from "./lib/production-server";
import { type BenchOrder, checkPaidOnce, createPendingOrders } from "./lib/stripe-orders";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1500);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const WEBHOOK_SECRET = `whsec_${randomBytes(24).toString("base64url")}`;
const CRON_SECRET = randomBytes(16).toString("hex");
const RUN_ID = randomBytes(4).toString("hex");
const EVENT_PREFIX = `evt_bench_${RUN_ID}_`;
const WEBHOOK_PATH = "/api/webhooks/stripe";
const BASELINE_PATH = "/api/health";
const BACKLOG_WAIT_MS = 300_000;
const signer = new Stripe("sk_test_bench_signer_only");

/** A `checkout.session.completed` as Stripe sends it, for one pending order. */
function completedEvent(order: BenchOrder, n: number): string {
  const created = Math.floor(Date.now() / 1000);
  return JSON.stringify({
    id: `${EVENT_PREFIX}${n}`,
    object: "event",
    api_version: "2025-10-29.clover",
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: "checkout.session.completed",
    data: {
      object: {
        id: `cs_test_bench_${RUN_ID}_${n}`,
        object: "checkout.session",
        mode: "payment",
        status: "complete",
        payment_status: "paid",
        amount_total: toStripeAmount(order.totalMinor, order.currency),
        amount_subtotal: toStripeAmount(order.totalMinor, order.currency),
        currency: order.currency.toLowerCase(),
        client_reference_id: order.id,
        metadata: { order_id: order.id, store_id: order.storeId },
        payment_intent: `pi_bench_${RUN_ID}_${n}`,
        created,
        expires_at: created + 3600,
        livemode: false,
      },
    },
  });
}

async function waitForEmptyInbox(baseUrl: string): Promise<number> {
  const started = Date.now();
  let pending = -1;
  while (Date.now() - started < BACKLOG_WAIT_MS) {
    const response = await fetch(`${baseUrl}/api/admin/inbox`, {
      headers: { authorization: `Bearer ${CRON_SECRET}` },
    });
    pending = ((await response.json()) as { pending: number }).pending;
    if (pending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `[bench] inbox ${pending === 0 ? "empty" : `still ${pending} pending`} ${seconds.toFixed(1)} s after the last answer`,
  );
  return seconds;
}

type Measurement = {
  baseline: LoadResult;
  webhook: LoadResult;
  drainSeconds: number;
  orders: BenchOrder[];
};

async function measure(database: BenchDatabase, port: number): Promise<Measurement> {
  let orders: BenchOrder[] = [];
  await database.prepare(async (db) => {
    orders = await createPendingOrders(db, ORDERS);
  });
  console.log(
    `\n[bench] ${database.name}: ${orders.length} pending orders; next start on 127.0.0.1:${port} …`,
  );
  const server = await startServer({
    port,
    env: {
      ...database.serverEnv,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      CRON_SECRET,
      TRUST_PROXY: "1",
    },
    readyPath: BASELINE_PATH,
  });
  let sent = 0;
  const eventRequest = (): GeneratedRequest => {
    const n = sent++;
    const payload = completedEvent(orders[n % orders.length]!, n);
    const signature = signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    return {
      method: "POST",
      path: WEBHOOK_PATH,
      headers: { "content-type": "application/json", "stripe-signature": signature },
      body: payload,
      key: `${EVENT_PREFIX}${n}`,
    };
  };
  try {
    await load({
      label: "warm-up",
      url: `${server.baseUrl}${BASELINE_PATH}`,
      headers: {},
      connections: CONNECTIONS,
      amount: 300,
    });
    const baseline = await load({
      label: "baseline",
      url: `${server.baseUrl}${BASELINE_PATH}`,
      headers: {},
      connections: CONNECTIONS,
      amount: orders.length,
    });
    const webhook = await load({
      label: "stripe events",
      url: `${server.baseUrl}${WEBHOOK_PATH}`,
      headers: {},
      connections: CONNECTIONS,
      amount: orders.length,
      generate: eventRequest,
    });
    const drainSeconds = await waitForEmptyInbox(server.baseUrl);
    return { baseline, webhook, drainSeconds, orders };
  } finally {
    await server.stop();
  }
}

async function report(database: BenchDatabase, measurement: Measurement): Promise<string[]> {
  const { baseline, webhook, drainSeconds, orders } = measurement;
  const perSecond = (result: LoadResult) =>
    (result.statusCounts["200"] ?? 0) / Math.max(result.seconds, 1e-9);
  const line = (label: string, result: LoadResult) =>
    console.log(
      `${label.padEnd(40)}${perSecond(result).toFixed(0).padStart(8)}/s  p50 ${result.p50Ms.toFixed(1)} ms  p99 ${result.p99Ms.toFixed(1)} ms  ${JSON.stringify(result.statusCounts)}${result.errors ? `, ${result.errors} errors` : ""}`,
    );
  console.log(`\n=== ${database.name} ===`);
  line(`GET ${BASELINE_PATH} (baseline)`, baseline);
  line(`POST ${WEBHOOK_PATH} (signed events)`, webhook);
  console.log(
    `ratio events ÷ baseline: ${(perSecond(webhook) / perSecond(baseline)).toFixed(2)} of the rate, p99 ${(webhook.p99Ms / Math.max(baseline.p99Ms, 1)).toFixed(1)}× as long`,
  );
  const applied = orders.length / Math.max(webhook.seconds + drainSeconds, 1e-9);
  console.log(
    `applied (paid transitions incl. confirmation queued): ${applied.toFixed(0)}/s end to end`,
  );
  const { check, problems } = await database.inspect((db) =>
    checkPaidOnce(
      db,
      orders.map((order) => order.id),
      EVENT_PREFIX,
    ),
  );
  if ((webhook.statusCounts["200"] ?? 0) !== orders.length)
    problems.push(`answers: ${JSON.stringify(webhook.statusCounts)}`);
  console.log(
    problems.length
      ? `PROBLEMS: ${problems.slice(0, 10).join("; ")}`
      : `check: ${check.paid}/${check.orders} orders paid exactly once (${check.paidEvents} order_paid events, ${check.storedEvents} events stored once each) ✓`,
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
    problems.push(...(await report(database, await measure(database, port))));
  });
  if (problems.length) process.exitCode = 1;
}

await main();
