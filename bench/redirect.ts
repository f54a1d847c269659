/**
 * `npm run bench:redirect`: how much the tracked redirect (/go/demo?src=widget — store
 * lookup, rate-limit upsert, click + event insert, 302) costs next to a route of the same
 * server that does no database work (/api/health). Not a test: it prints figures.
 *
 * 1. `next build` into NEXT_DIST_DIR (default .next), or reuses it with BENCH_SKIP_BUILD=1.
 * 2. `next start` on 127.0.0.1 with a fresh embedded database (PGlite, seeded with the demo).
 *    With TEST_DATABASE_URL set, again against a new PostgreSQL database through the Neon
 *    driver and the WebSocket proxy (the production code path), dropped afterwards.
 * 3. autocannon: a warm-up, then BENCH_DURATION seconds (default 10) on each route with
 *    BENCH_CONNECTIONS connections (default 10), browser-like headers, and a new
 *    X-Forwarded-For per request (see bench/lib/load-test.ts for why); the server runs with
 *    TRUST_PROXY=1, as behind one proxy, so it believes that header.
 * 4. Stops the server, opens the database afresh (PGlite allows one process) and checks
 *    that the clicks table grew by the number of 302s.
 *
 * Options (environment): NEXT_DIST_DIR, BENCH_SKIP_BUILD=1, BENCH_DURATION, BENCH_CONNECTIONS,
 * BENCH_PORT (default: a free port), TEST_DATABASE_URL.
 */
import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { clicks, stores } from "@/db/schema";
import { DEMO_STORE_SLUG } from "@/lib/demo/seed";
import { type BenchDatabase, describeMachine, forEachDatabase } from "./lib/databases";
import { load, type LoadResult } from "./lib/load-test";
import { ensureBuild, freePort, startServer } from "./lib/production-server";

const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const WARM_UP_REQUESTS = 300;
const RUN_ID = randomBytes(4).toString("hex");
/** Every benchmark click carries this Referer, so counting them ignores the seeded history. */
const MARK_REFERER = `https://bench.chatcart.invalid/${RUN_ID}/p/uji-matcha`;
const BROWSER_HEADERS = {
  "user-agent":
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "accept-language": "en-GB,en;q=0.9,ja;q=0.8",
  referer: MARK_REFERER,
};
const REDIRECT_PATH = `/go/${DEMO_STORE_SLUG}?src=widget`;
const BASELINE_PATH = "/api/health";

async function countMarkedClicks(db: Database): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(clicks)
    .innerJoin(stores, eq(stores.id, clicks.storeId))
    .where(and(eq(stores.slug, DEMO_STORE_SLUG), eq(clicks.referrer, MARK_REFERER)));
  return row?.count ?? 0;
}

type Report = {
  backend: string;
  baseline: LoadResult;
  redirect: LoadResult;
  redirects302: number;
  redirectSent: number;
  recorded: number;
};

async function measure(backend: BenchDatabase, port: number): Promise<Report> {
  console.log(`\n[bench] ${backend.name}: next start on 127.0.0.1:${port} …`);
  // The load generator stands in for one proxy that appends the client address.
  const server = await startServer({
    port,
    env: { ...backend.serverEnv, TRUST_PROXY: "1" },
    readyPath: BASELINE_PATH,
  });
  const run = (
    label: string,
    route: string,
    timing: { durationSeconds?: number; amount?: number },
  ) =>
    load({
      label,
      url: `${server.baseUrl}${route}`,
      headers: BROWSER_HEADERS,
      connections: CONNECTIONS,
      ...timing,
    });
  let warmUp: LoadResult, baseline: LoadResult, redirect: LoadResult;
  try {
    await run("warm-up", BASELINE_PATH, { amount: WARM_UP_REQUESTS });
    warmUp = await run("warm-up", REDIRECT_PATH, { amount: WARM_UP_REQUESTS });
    console.log(`[bench] warmed up; ${DURATION_SECONDS} s on ${BASELINE_PATH} …`);
    baseline = await run(`GET ${BASELINE_PATH} (no database)`, BASELINE_PATH, {
      durationSeconds: DURATION_SECONDS,
    });
    console.log(`[bench] ${DURATION_SECONDS} s on ${REDIRECT_PATH} …`);
    redirect = await run(`GET ${REDIRECT_PATH}`, REDIRECT_PATH, {
      durationSeconds: DURATION_SECONDS,
    });
    // Requests still in flight when autocannon stopped are finished by the server.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  } finally {
    await server.stop();
  }
  return {
    backend: backend.name,
    baseline,
    redirect,
    redirects302: (warmUp.statusCounts["302"] ?? 0) + (redirect.statusCounts["302"] ?? 0),
    redirectSent: warmUp.sent + redirect.sent,
    recorded: await backend.inspect(countMarkedClicks),
  };
}

function unexpectedStatuses(result: LoadResult, expected: string): string[] {
  return Object.entries(result.statusCounts)
    .filter(([status]) => status !== expected)
    .map(([status, count]) => `${count}× ${status}`);
}

/** Prints the figures; returns the problems found (wrong statuses, clicks not matching 302s). */
function print(report: Report): string[] {
  const fmt = (value: number, digits = 0) => value.toFixed(digits).padStart(9);
  console.log(`\n=== ${report.backend} ===`);
  console.log(
    `${"route".padEnd(34)}${"req/s".padStart(9)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}  statuses`,
  );
  for (const result of [report.baseline, report.redirect]) {
    const statuses = Object.entries(result.statusCounts).map(
      ([status, count]) => `${count}× ${status}`,
    );
    console.log(
      `${result.label.padEnd(34)}${fmt(result.requestsPerSecond)}${fmt(result.p50Ms, 1)}${fmt(result.p99Ms, 1)}  ${statuses.join(", ")}${result.errors ? `, ${result.errors} errors` : ""}`,
    );
  }
  const throughputRatio = report.redirect.requestsPerSecond / report.baseline.requestsPerSecond;
  const p99Ratio = report.redirect.p99Ms / Math.max(report.baseline.p99Ms, 1);
  console.log(
    `ratio /go ÷ baseline: ${throughputRatio.toFixed(2)} of the requests/s, p99 ${p99Ratio.toFixed(1)}× as long`,
  );
  console.log(
    `clicks recorded: ${report.recorded}; 302 answers (warm-up + run): ${report.redirects302}; /go requests sent: ${report.redirectSent}`,
  );

  const problems = [
    ...unexpectedStatuses(report.baseline, "200").map((s) => `baseline answered ${s}`),
    ...unexpectedStatuses(report.redirect, "302").map((s) => `/go answered ${s}`),
  ];
  if (report.baseline.errors + report.redirect.errors > 0) problems.push("connection errors");
  // Every 302 recorded its click; requests cut off when a run ended may add a few more.
  if (report.recorded < report.redirects302 || report.recorded > report.redirectSent)
    problems.push(`clicks (${report.recorded}) do not match the 302s (${report.redirects302})`);
  console.log(
    problems.length ? `PROBLEMS: ${problems.join("; ")}` : "check: every 302 recorded one click ✓",
  );
  return problems;
}

async function main(): Promise<void> {
  console.log(describeMachine());
  console.log(`[bench] ${DURATION_SECONDS} s per route, ${CONNECTIONS} connections, loopback only`);
  await ensureBuild({ reuse: process.env.BENCH_SKIP_BUILD === "1" });
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();

  const problems: string[] = [];
  await forEachDatabase(RUN_ID, async (backend) => {
    problems.push(...print(await measure(backend, port)));
  });
  if (problems.length) process.exitCode = 1;
}

await main();
