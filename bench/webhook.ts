/**
 * `npm run bench:webhook`: what the WhatsApp webhook (POST /api/webhooks/whatsapp) costs
 * next to a route of the same server that does no database work (/api/health). Not a test:
 * it prints figures, and checks the inbox afterwards.
 *
 * 1. `next build` into NEXT_DIST_DIR (default .next), or reuses it with BENCH_SKIP_BUILD=1.
 * 2. `next start` on 127.0.0.1 with WHATSAPP_APP_SECRET (random) and WHATSAPP_SANDBOX=on,
 *    so the bot's replies go to the simulator, never to Meta; on a fresh embedded database
 *    (PGlite, seeded with the demo) and, with TEST_DATABASE_URL, a new PostgreSQL database
 *    through the Neon driver and the WebSocket proxy (bench/lib/databases.ts).
 * 3. Before the server starts, writes BENCH_SENT_MESSAGES outbound messages "the app sent"
 *    (status sent, a wamid each), so the status run reports on real messages.
 * 4. autocannon, BENCH_DURATION seconds (default 10) each with BENCH_CONNECTIONS connections
 *    (default 10), after a warm-up: the baseline; delivery statuses of those sent messages
 *    (delivered, then read); inbound text messages, each from a new wa_id (a new customer:
 *    customer, conversation, message and the bot's replies in the outbox), as fast as the
 *    server answers; and the same at a fixed BENCH_PACED_RATE per second, for the end-to-end
 *    time from receipt to the bot's reply being queued. Every request carries a body of its
 *    own, signed like Meta's: X-Hub-Signature-256 = HMAC-SHA256 of those bytes.
 * 5. Waits (GET /api/admin/inbox) until nothing is pending — before the paced run, and at
 *    the end — so every acknowledged item was applied by the server itself.
 * 6. Stops the server, opens the database afresh and checks that every acknowledged event is
 *    in webhook_events exactly once and applied, and every acknowledged message has one
 *    inbound message; prints the end-to-end p50/p99 of both message runs.
 *
 * Options (environment): NEXT_DIST_DIR, BENCH_SKIP_BUILD=1, BENCH_DURATION, BENCH_CONNECTIONS,
 * BENCH_PACED_RATE (default 20), BENCH_SENT_MESSAGES (default 8000), BENCH_PORT (default: a
 * free port), TEST_DATABASE_URL.
 */
import { randomBytes } from "node:crypto";
import { DEMO_STORE_SLUG } from "@/lib/demo/seed";
import { signWebhookBody } from "@/lib/whatsapp/signature";
import {
  type BusinessNumber,
  buildInboundMessageWebhook,
  buildStatusWebhook,
} from "@/lib/whatsapp/webhook-builders";
import type { DeliveryStatus } from "@/lib/whatsapp/webhook-items";
import { type BenchDatabase, describeMachine, forEachDatabase } from "./lib/databases";
import { type GeneratedRequest, load, type LoadResult } from "./lib/load-test";
import {
  checkInbox,
  type EndToEnd,
  endToEnd,
  readInbox,
  seedSentMessages,
  waitForEmptyInbox,
} from "./lib/webhook-inbox";
import { ensureBuild, freePort, startServer } from "./lib/production-server";

const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PACED_RATE = Number(process.env.BENCH_PACED_RATE ?? 20);
const SENT_MESSAGES = Number(process.env.BENCH_SENT_MESSAGES ?? 8000);
const WARM_UP = { baseline: 300, statuses: 200, messages: 100 };
const SETTLE_MS = 5_000;
const APP_SECRET = randomBytes(16).toString("hex");
const CRON_SECRET = randomBytes(16).toString("hex");
/** The longest the bench waits for the server to apply what it acknowledged. */
const BACKLOG_WAIT_MS = 180_000;
const WEBHOOK_PATH = "/api/webhooks/whatsapp";
const BASELINE_PATH = "/api/health";
/** The demo store's number (db/seed.ts), so every event is routed to it. */
const DEMO_NUMBER: BusinessNumber = {
  phoneNumberId: "100000000000001",
  displayPhoneNumber: "15550001234",
};
const RUN_ID = randomBytes(4).toString("hex");
/** Every benchmark event's wamid starts so: counting them ignores everything else. */
const WAMID_PREFIX = `wamid.BENCH.${RUN_ID}.`;
/** Shoppers no demo customer could be: no Japanese number has a 0 after the country code. */
const WA_ID_PREFIX = "8100";

/** The one customer the pre-written sent messages went to (outside WA_ID_PREFIX's count). */
const SENT_TO = "8200999999999";
const sentWamid = (index: number) => `${WAMID_PREFIX}sent.${index}`;

/** "paced": inbound messages at a fixed rate; their wamids and shoppers are their own. */
type Kind = "status" | "message" | "paced" | "warm";
const generated: Record<Kind, number> = { status: 0, message: 0, paced: 0, warm: 0 };

function nextWamid(kind: Kind): { n: number; wamid: string; waId: string } {
  const n = ++generated[kind];
  const shopper = { status: 0, message: 0, paced: 50_000_000, warm: 90_000_000 }[kind] + n;
  const waId = `${WA_ID_PREFIX}${String(shopper).padStart(9, "0")}`;
  return { n, wamid: `${WAMID_PREFIX}${kind}.${n}`, waId };
}

function signed(body: string, key: string): GeneratedRequest {
  const headers = {
    "content-type": "application/json",
    "x-hub-signature-256": signWebhookBody(body, APP_SECRET),
  };
  return { method: "POST", path: WEBHOOK_PATH, headers, body, key };
}

/** Delivery statuses of the sent messages in order: each one delivered, then read. */
function statusWebhook(): GeneratedRequest {
  const n = ++generated.status;
  const wamid = sentWamid(Math.floor((n - 1) / 2) % SENT_MESSAGES);
  const status: DeliveryStatus = n % 2 === 1 ? "delivered" : "read";
  const payload = buildStatusWebhook({
    ...DEMO_NUMBER,
    wamid,
    status,
    recipientId: SENT_TO,
    timestamp: new Date(),
  });
  return signed(JSON.stringify(payload), `status:${wamid}:${status}`);
}

/** A first message from a new shopper. */
function messageWebhook(kind: "message" | "paced" | "warm"): GeneratedRequest {
  const { n, wamid, waId } = nextWamid(kind);
  const payload = buildInboundMessageWebhook({
    ...DEMO_NUMBER,
    waId,
    profileName: `Bench Shopper ${n}`,
    wamid,
    timestamp: new Date(),
    message: { type: "text", text: "Hi! I have a question" },
  });
  return signed(JSON.stringify(payload), `message:${wamid}`);
}

type Run = { label: string; result: LoadResult };
type Measurement = { database: BenchDatabase; runs: Run[]; acknowledged: Set<string> };

async function measure(database: BenchDatabase, port: number): Promise<Measurement> {
  for (const kind of Object.keys(generated) as Kind[]) generated[kind] = 0;
  await database.prepare((db) =>
    seedSentMessages(db, { count: SENT_MESSAGES, waId: SENT_TO, wamid: sentWamid }),
  );
  console.log(`\n[bench] ${database.name}: next start on 127.0.0.1:${port} …`);
  const server = await startServer({
    port,
    env: {
      ...database.serverEnv,
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_SANDBOX: "on",
      // In production only the operator's binding routes a number to a store (the demo
      // seed's own binding counts in development only): bind the demo number, as an operator would.
      WHATSAPP_PHONE_NUMBERS: `${DEMO_NUMBER.phoneNumberId}:${DEMO_STORE_SLUG}`,
      // The baseline run sends a new X-Forwarded-For per request, as from one proxy.
      TRUST_PROXY: "1",
      // For GET /api/admin/inbox: how many items are still pending.
      CRON_SECRET,
    },
    readyPath: BASELINE_PATH,
  });
  const acknowledged = new Set<string>();
  const onAnswer = (key: string, status: number) => {
    if (status === 200) acknowledged.add(key);
  };
  const run = (
    label: string,
    route: string,
    timing: { durationSeconds?: number; amount?: number; rate?: number },
    generate?: () => GeneratedRequest,
  ): Promise<LoadResult> =>
    load({
      label,
      url: `${server.baseUrl}${route}`,
      headers: {},
      connections: CONNECTIONS,
      ...timing,
      ...(generate && { generate, onAnswer }),
    });
  const runs: Run[] = [];
  try {
    await run("warm-up", BASELINE_PATH, { amount: WARM_UP.baseline });
    await run("warm-up", WEBHOOK_PATH, { amount: WARM_UP.statuses }, statusWebhook);
    await run("warm-up", WEBHOOK_PATH, { amount: WARM_UP.messages }, () => messageWebhook("warm"));
    // The warm-up's items are applied after the responses: let that finish before measuring.
    await waitForEmptyInbox(server.baseUrl, CRON_SECRET, BACKLOG_WAIT_MS);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const timing = { durationSeconds: DURATION_SECONDS };
    console.log(`[bench] warmed up; ${DURATION_SECONDS} s each: baseline, statuses, messages …`);
    for (const [label, route, generate] of [
      [`GET ${BASELINE_PATH} (baseline)`, BASELINE_PATH, undefined],
      ["POST status webhooks", WEBHOOK_PATH, statusWebhook],
      ["POST inbound messages", WEBHOOK_PATH, () => messageWebhook("message")],
    ] as const) {
      runs.push({ label, result: await run(label, route, timing, generate) });
    }
    // The burst's backlog is applied before the paced run, so its end-to-end time is its own.
    await waitForEmptyInbox(server.baseUrl, CRON_SECRET, BACKLOG_WAIT_MS);
    const paced = `POST inbound messages, ${PACED_RATE}/s`;
    const pacedTiming = { ...timing, rate: PACED_RATE };
    runs.push({
      label: paced,
      result: await run(paced, WEBHOOK_PATH, pacedTiming, () => messageWebhook("paced")),
    });
    await waitForEmptyInbox(server.baseUrl, CRON_SECRET, BACKLOG_WAIT_MS);
    // The last replies' sends (and the sandbox's statuses) after the last item was applied.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  } finally {
    await server.stop();
  }
  return { database, runs, acknowledged };
}

function eventsPerSecond(result: LoadResult): number {
  return (result.statusCounts["200"] ?? 0) / Math.max(result.seconds, 1e-9);
}

async function printReport(measurement: Measurement): Promise<string[]> {
  const { runs, database } = measurement;
  const fmt = (value: number, digits = 0) => value.toFixed(digits).padStart(9);
  console.log(`\n=== ${database.name} ===`);
  console.log(
    `${"run".padEnd(32)}${"2xx/s".padStart(9)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}  statuses`,
  );
  const problems: string[] = [];
  for (const { label, result } of runs) {
    const statuses = Object.entries(result.statusCounts).map(([status, n]) => `${n}× ${status}`);
    const errors = result.errors ? `, ${result.errors} errors` : "";
    console.log(
      `${label.padEnd(32)}${fmt(eventsPerSecond(result))}${fmt(result.p50Ms, 1)}${fmt(result.p99Ms, 1)}  ${statuses.join(", ")}${errors}`,
    );
    const others = Object.keys(result.statusCounts).filter((status) => status !== "200");
    if (others.length || result.errors) problems.push(`${label}: ${statuses.join(", ")}${errors}`);
  }
  const [baseline, ...webhooks] = runs;
  for (const { label, result } of baseline ? webhooks : []) {
    const rate = eventsPerSecond(result) / eventsPerSecond(baseline!.result);
    const p50 = result.p50Ms / Math.max(baseline!.result.p50Ms, 1);
    const p99 = result.p99Ms / Math.max(baseline!.result.p99Ms, 1);
    console.log(
      `ratio ${label} ÷ baseline: ${rate.toFixed(2)} of the rate, p50 ${p50.toFixed(1)}×, p99 ${p99.toFixed(1)}× as long`,
    );
  }
  const prefixes = { wamid: WAMID_PREFIX, shopperWaId: WA_ID_PREFIX };
  const inbox = await database.inspect((db) => readInbox(db, prefixes));
  const sent = {
    status: generated.status,
    message: generated.message + generated.paced + generated.warm,
  };
  problems.push(...checkInbox(inbox, measurement.acknowledged, sent));
  const latency = await database.inspect(async (db) => ({
    burst: await endToEnd(db, `${WAMID_PREFIX}message.`),
    paced: await endToEnd(db, `${WAMID_PREFIX}paced.`),
  }));
  const describe = (name: string, e2e: EndToEnd) =>
    console.log(
      `end to end (receipt → bot reply queued), ${name}: p50 ${e2e.p50Ms.toFixed(0)} ms, p99 ${e2e.p99Ms.toFixed(0)} ms over ${e2e.count} messages (${e2e.unanswered} without a reply), ${e2e.perSecond.toFixed(1)} answered/s`,
    );
  describe("burst", latency.burst);
  describe(`paced ${PACED_RATE}/s`, latency.paced);
  console.log(
    problems.length
      ? `PROBLEMS: ${problems.join("; ")}`
      : "check: every acknowledged event stored exactly once and applied, one inbound row per message ✓",
  );
  return problems;
}

async function main(): Promise<void> {
  console.log(describeMachine());
  console.log(`[bench] ${DURATION_SECONDS} s per run, ${CONNECTIONS} connections, loopback only`);
  await ensureBuild({ reuse: process.env.BENCH_SKIP_BUILD === "1" });
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
  const problems: string[] = [];
  await forEachDatabase(RUN_ID, async (database) => {
    problems.push(...(await printReport(await measure(database, port))));
  });
  if (problems.length) process.exitCode = 1;
}

await main();
