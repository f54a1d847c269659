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
 * 3. autocannon, BENCH_DURATION seconds (default 10) each with BENCH_CONNECTIONS connections
 *    (default 10), after a warm-up: the baseline; delivery statuses (a new wamid and status in
 *    every request: statuses of messages we never sent are stored with an error — still
 *    inbox events); inbound text messages, each from a new wa_id (a new customer: customer,
 *    conversation, message and the bot's replies in the outbox). Every request carries a
 *    body of its own, signed like Meta's: X-Hub-Signature-256 = HMAC-SHA256 of those bytes.
 * 4. Stops the server, opens the database afresh and checks that every acknowledged event is
 *    in webhook_events exactly once, and every acknowledged message has one inbound message.
 *
 * Options (environment): NEXT_DIST_DIR, BENCH_SKIP_BUILD=1, BENCH_DURATION, BENCH_CONNECTIONS,
 * BENCH_PORT (default: a free port), TEST_DATABASE_URL.
 */
import { randomBytes } from "node:crypto";
import { and, count, eq, like, or, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { customers, messages, webhookEvents } from "@/db/schema";
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
import { ensureBuild, freePort, startServer } from "./lib/production-server";

const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const WARM_UP = { baseline: 300, statuses: 200, messages: 100 };
const SETTLE_MS = 5_000;
/** After the measured runs: time for the after() work (and its replies) to finish before the check. */
const DRAIN_MS = 20_000;
const APP_SECRET = randomBytes(16).toString("hex");
const WEBHOOK_PATH = "/api/webhooks/whatsapp";
const BASELINE_PATH = "/api/health";
/** The demo store's number (db/seed.ts), so every event is routed to it. */
const DEMO_NUMBER: BusinessNumber = {
  phoneNumberId: "100000000000001",
  displayPhoneNumber: "15550001234",
};
const STATUSES: readonly DeliveryStatus[] = ["sent", "delivered", "read"];
const RUN_ID = randomBytes(4).toString("hex");
/** Every benchmark event's wamid starts so: counting them ignores everything else. */
const WAMID_PREFIX = `wamid.BENCH.${RUN_ID}.`;
/** Shoppers no demo customer could be (theirs are +1…55501xx and +447700900xxx). */
const WA_ID_PREFIX = "81";

type Kind = "status" | "message";
const generated: Record<Kind, number> = { status: 0, message: 0 };

function nextWamid(kind: Kind): { n: number; wamid: string; waId: string } {
  const n = ++generated[kind];
  const waId = `${WA_ID_PREFIX}${String(n).padStart(11, "0")}`;
  return { n, wamid: `${WAMID_PREFIX}${kind}.${n}`, waId };
}

function signed(body: string, key: string): GeneratedRequest {
  const headers = {
    "content-type": "application/json",
    "x-hub-signature-256": signWebhookBody(body, APP_SECRET),
  };
  return { method: "POST", path: WEBHOOK_PATH, headers, body, key };
}

/** A delivery status of a message this store never sent: a distinct wamid and status each time. */
function statusWebhook(): GeneratedRequest {
  const { n, wamid, waId } = nextWamid("status");
  const status = STATUSES[n % STATUSES.length] ?? "sent";
  const payload = buildStatusWebhook({
    ...DEMO_NUMBER,
    wamid,
    status,
    recipientId: waId,
    timestamp: new Date(),
  });
  return signed(JSON.stringify(payload), `status:${wamid}:${status}`);
}

/** A first message from a new shopper. */
function messageWebhook(): GeneratedRequest {
  const { n, wamid, waId } = nextWamid("message");
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
    },
    readyPath: BASELINE_PATH,
  });
  const acknowledged = new Set<string>();
  generated.status = generated.message = 0;
  const onAnswer = (key: string, status: number) => {
    if (status === 200) acknowledged.add(key);
  };
  const run = (
    label: string,
    route: string,
    timing: { durationSeconds?: number; amount?: number },
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
    await run("warm-up", WEBHOOK_PATH, { amount: WARM_UP.messages }, messageWebhook);
    // The warm-up's replies are sent after the responses: let that finish before measuring.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const timing = { durationSeconds: DURATION_SECONDS };
    console.log(`[bench] warmed up; ${DURATION_SECONDS} s each: baseline, statuses, messages …`);
    for (const [label, route, generate] of [
      [`GET ${BASELINE_PATH} (baseline)`, BASELINE_PATH, undefined],
      ["POST status webhooks", WEBHOOK_PATH, statusWebhook],
      ["POST inbound messages", WEBHOOK_PATH, messageWebhook],
    ] as const) {
      runs.push({ label, result: await run(label, route, timing, generate) });
    }
    // Requests in flight when a run ended, and the replies' sends after the response.
    await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));
  } finally {
    await server.stop();
  }
  return { database, runs, acknowledged };
}

type Inbox = {
  /** External ids of the benchmark's events in webhook_events, one entry per row. */
  events: { key: string; applied: boolean; failed: boolean }[];
  /** wamids of the inbound messages rows the benchmark's messages created, one per row. */
  inbound: string[];
  /** The bot's replies to the benchmark's shoppers, by status. */
  replies: Record<string, number>;
};

async function readInbox(db: Database): Promise<Inbox> {
  const events = await db
    .select({
      key: webhookEvents.externalId,
      applied: sql<boolean>`${webhookEvents.processedAt} is not null`,
      failed: sql<boolean>`${webhookEvents.error} is not null`,
    })
    .from(webhookEvents)
    .where(
      or(
        like(webhookEvents.externalId, `status:${WAMID_PREFIX}%`),
        like(webhookEvents.externalId, `message:${WAMID_PREFIX}%`),
      ),
    );
  const inbound = await db
    .select({ wamid: messages.waMessageId })
    .from(messages)
    .where(and(like(messages.waMessageId, `${WAMID_PREFIX}%`), eq(messages.direction, "inbound")));
  const replies = await db
    .select({ status: messages.status, n: count() })
    .from(messages)
    .innerJoin(customers, eq(customers.id, messages.customerId))
    .where(and(like(customers.waId, `${WA_ID_PREFIX}%`), eq(messages.direction, "outbound")))
    .groupBy(messages.status);
  return {
    events,
    inbound: inbound.flatMap((row) => (row.wamid ? [row.wamid] : [])),
    replies: Object.fromEntries(replies.map((row) => [row.status, row.n])),
  };
}

/** Every acknowledged event stored once, no more events than were sent, one message row each. */
function checkInbox(inbox: Inbox, acknowledged: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const kind of ["status", "message"] as const) {
    const rows = inbox.events.filter((event) => event.key.startsWith(`${kind}:`));
    const stored = new Set(rows.map((row) => row.key));
    const acked = [...acknowledged].filter((key) => key.startsWith(`${kind}:`));
    const missing = acked.filter((key) => !stored.has(key));
    const applied = rows.filter((row) => row.applied).length;
    const failed = rows.filter((row) => row.failed).length;
    console.log(
      `${kind} events: ${acked.length} acknowledged (200), ${rows.length} stored (${applied} applied, ${failed} with an error, ${rows.length - applied - failed} still pending when the server stopped), ${generated[kind]} sent`,
    );
    if (missing.length) problems.push(`${missing.length} acknowledged ${kind} events not stored`);
    if (stored.size !== rows.length)
      problems.push(`${rows.length - stored.size} duplicate ${kind} events`);
    if (rows.length > generated[kind]) problems.push(`more ${kind} events stored than sent`);
  }
  const messageKeys = new Set(
    inbox.events
      .filter((event) => event.key.startsWith("message:"))
      .map((event) => event.key.slice(8)),
  );
  const inbound = new Set(inbox.inbound);
  console.log(
    `inbound messages rows: ${inbox.inbound.length}; bot replies by status: ${JSON.stringify(inbox.replies)}`,
  );
  if (inbound.size !== inbox.inbound.length) problems.push("duplicate inbound messages rows");
  const unmatched = [...messageKeys].filter((wamid) => !inbound.has(wamid)).length;
  if (unmatched || inbound.size !== messageKeys.size)
    problems.push(
      `${unmatched} stored messages without their inbound row (or rows without events)`,
    );
  return problems;
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
  problems.push(...checkInbox(await database.inspect(readInbox), measurement.acknowledged));
  console.log(
    problems.length
      ? `PROBLEMS: ${problems.join("; ")}`
      : "check: every acknowledged event stored exactly once, one inbound row per message ✓",
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
