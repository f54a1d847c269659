/**
 * `npm run bench:dashboard`: the analytics pages at scale, on PostgreSQL through the Neon driver
 * and the local WebSocket proxy (the production path). Seeds, or reuses, one scaled store
 * (scripts/lib/seed-scale.ts: at BENCH_SCALE=1, 1,000,000 events, 300,000 clicks, 100,000
 * orders, 50,000 customers, 200,000 ledger rows, 30,000 carts over 12 months) in the database
 * `chatcart_scale` of the server at BENCH_DATABASE_URL / TEST_DATABASE_URL (kept between runs).
 *
 * For a 30-day and a 12-month range it times each section's queries (the current and the
 * previous period, as the page asks for them), every section for both periods in one parallel
 * round, and what the Overview page asks for (its figures and a card per section) BENCH_ITERATIONS times (default 20), beside `select 1`
 * measured in the same run, and prints p50/p95. Then EXPLAIN (ANALYZE, BUFFERS) of the slowest
 * statement the overview sends. Not a test: it prints figures.
 */
import { drizzle } from "drizzle-orm/neon-serverless";
import { Pool } from "@neondatabase/serverless";
import { sql } from "drizzle-orm";
import { configureNeon, type Database, openPostgres, POOL_OPTIONS } from "@/db/drivers";
import * as schema from "@/db/schema";
import { conversionsBySource } from "@/lib/analytics/conversions";
import { loyaltySection } from "@/lib/analytics/loyalty";
import { loadStoreOverview } from "@/lib/analytics/overview";
import { loadSectionSummaries } from "@/lib/analytics/section-summaries";
import { messageHealth } from "@/lib/analytics/message-health";
import { conversionsByProduct } from "@/lib/analytics/products";
import { addDays, localDay, rangeOfDays, type AnalyticsWindow } from "@/lib/analytics/range";
import { revenueOverTime } from "@/lib/analytics/revenue-over-time";
import { refreshStoreRollups } from "@/lib/analytics/rollup/refresh";
import type { AnalyticsStore } from "@/lib/analytics/store";
import { travellerJourney } from "@/lib/analytics/traveller";
import { recoveryKpis } from "@/lib/recovery/kpis";
import { seedScaleStore } from "../scripts/lib/seed-scale";
import { describeMachine, waitForPort } from "./lib/databases";
import { spawnHelper, freePort, root } from "./lib/production-server";
import path from "node:path";

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 20);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const DATABASE = "chatcart_scale";

type Period = {
  current: AnalyticsWindow;
  previous: AnalyticsWindow;
  bucket: "day" | "week";
  days: number;
};
type Section = (db: Database, store: AnalyticsStore, period: Period) => Promise<unknown>;

const both =
  (run: (db: Database, store: AnalyticsStore, window: AnalyticsWindow) => Promise<unknown>) =>
  (db: Database, store: AnalyticsStore, period: Period) =>
    Promise.all([run(db, store, period.current), run(db, store, period.previous)]);

const SECTIONS: Record<string, Section> = {
  conversions: both(conversionsBySource),
  revenueOverTime: (db, store, period) =>
    Promise.all([
      revenueOverTime(db, store, period.current, period.bucket),
      revenueOverTime(db, store, period.previous, period.bucket),
    ]),
  products: both(conversionsByProduct),
  traveller: both(travellerJourney),
  loyalty: both(loyaltySection),
  recovery: both(recoveryKpis),
  messageHealth: both(messageHealth),
};

function period(timezone: string, days: number, now: Date): Period {
  const to = localDay(timezone, now);
  return rangeOfDays({ from: addDays(to, 1 - days), to }, timezone);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

type Figures = { p50: number; p95: number };

async function time(run: () => Promise<unknown>): Promise<Figures> {
  await run(); // warm: plans cached, pages in shared buffers
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

const fmt = (ms: number) => ms.toFixed(1);

/**
 * The same queries with the store's rollups in use and ignored (its state row set aside, so
 * every day is computed from the raw rows, as before the first refresh).
 */
async function timeWithAndWithout(db: Database, storeId: string, run: () => Promise<unknown>) {
  const withRollups = await time(run);
  const [state] = (
    (await db.execute(
      sql`delete from analytics_rollup_state where store_id = ${storeId} returning timezone`,
    )) as unknown as { rows: { timezone: string }[] }
  ).rows;
  try {
    return { withRollups, without: await time(run) };
  } finally {
    await db.execute(sql`insert into analytics_rollup_state (store_id, timezone)
      values (${storeId}, ${state?.timezone ?? ""})`);
  }
}

/** Builds the store's rollups from scratch, then times the refresh of one changed day. */
async function timeRollupBuild(db: Database, storeId: string) {
  await db.execute(sql`delete from analytics_rollup_state where store_id = ${storeId}`);
  let started = performance.now();
  await refreshStoreRollups(db, storeId);
  const ms = performance.now() - started;
  const [count] = (
    (await db.execute(sql`select (select count(*) from analytics_activity_days where store_id = ${storeId})
        + (select count(*) from analytics_product_days where store_id = ${storeId}) as n`)) as unknown as {
      rows: { n: unknown }[];
    }
  ).rows;
  // What a write today leaves for the next tick: one changed day.
  await db.execute(sql`insert into analytics_changes (store_id, at) values (${storeId}, now())`);
  started = performance.now();
  await refreshStoreRollups(db, storeId);
  return { ms, rows: Number(count?.n ?? 0), refreshMs: performance.now() - started };
}

async function main() {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!adminUrl)
    throw new Error("Set TEST_DATABASE_URL (or BENCH_DATABASE_URL) to a PostgreSQL server");
  console.log(describeMachine());
  const proxyPort = await freePort();
  const proxyAddress = `127.0.0.1:${proxyPort}`;
  const proxy = spawnHelper(
    [path.join(root, "node_modules", ".bin", "tsx"), "scripts/db-proxy.ts"],
    {
      DB_PROXY_PORT: String(proxyPort),
    },
  );
  await waitForPort(proxyPort);
  const admin = openPostgres(adminUrl, proxyAddress);
  const exists = await admin.db.execute(sql`select 1 from pg_database where datname = ${DATABASE}`);
  if ((exists as unknown as { rows: unknown[] }).rows.length === 0) {
    await admin.db.execute(sql.raw(`create database ${DATABASE}`));
  }
  const url = new URL(adminUrl);
  url.pathname = `/${DATABASE}`;
  const handle = openPostgres(url.toString(), proxyAddress);
  // The statements each section sends, for EXPLAIN (the same pool settings as the app's).
  configureNeon(proxyAddress);
  const captured: { query: string; params: unknown[] }[] = [];
  const pool = new Pool({ connectionString: url.toString(), options: POOL_OPTIONS });
  const logged = drizzle({
    client: pool,
    schema,
    casing: "snake_case",
    logger: { logQuery: (query, params) => captured.push({ query, params }) },
  }) as unknown as Database;
  try {
    await handle.migrate();
    const seeded = await seedScaleStore(handle.db, { scale: SCALE });
    console.log(
      `[bench] scaled store ${seeded.slug} (${seeded.created ? "seeded now" : "reused"}), scale ${SCALE}`,
    );
    const [store] = await handle.db
      .select({
        id: schema.stores.id,
        timezone: schema.stores.timezone,
        currency: schema.stores.currency,
      })
      .from(schema.stores)
      .where(sql`${schema.stores.id} = ${seeded.storeId}`);
    if (!store) throw new Error("scaled store not found");
    // The store's data ends when it was seeded; ranges end on that day.
    const [last] = (
      (await handle.db.execute(
        sql`select max(created_at) as at from clicks where store_id = ${store.id}`,
      )) as unknown as { rows: { at: string | Date }[] }
    ).rows;
    const now = new Date(last?.at ?? Date.now());
    const db = handle.db;
    const baseline = await time(() => db.execute(sql`select 1`));
    console.log(
      `\nselect 1 (one round trip): p50 ${fmt(baseline.p50)} ms, p95 ${fmt(baseline.p95)} ms`,
    );
    const build = await timeRollupBuild(db, store.id);
    console.log(
      `rollups built from scratch in ${fmt(build.ms)} ms (${build.rows} rows); ` +
        `${fmt(build.refreshMs)} ms to refresh one changed day`,
    );
    for (const [label, days] of [
      ["30 days", 30],
      ["12 months", 365],
    ] as const) {
      const range = period(store.timezone, days, now);
      console.log(
        `\n### ${label} (${range.current.from} – ${range.current.to}, vs the ${days} days before)\n`,
      );
      console.log(
        "| section | rollups p50 ms | p95 ms | without p50 ms | p95 ms | without ÷ with (p50) | p50 ÷ select 1 |",
      );
      console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
      const row = (name: string, withRollups: Figures, without: Figures) =>
        console.log(
          `| ${name} | ${fmt(withRollups.p50)} | ${fmt(withRollups.p95)} | ${fmt(without.p50)} | ` +
            `${fmt(without.p95)} | ${(without.p50 / withRollups.p50).toFixed(1)} | ` +
            `${(withRollups.p50 / baseline.p50).toFixed(1)} |`,
        );
      const both = (run: () => Promise<unknown>) => timeWithAndWithout(db, store.id, run);
      for (const [name, section] of Object.entries(SECTIONS)) {
        const figures = await both(() => section(db, store, range));
        row(name, figures.withRollups, figures.without);
      }
      const everySection = await both(() =>
        Promise.all(Object.values(SECTIONS).map((section) => section(db, store, range))),
      );
      row("every section, both periods", everySection.withRollups, everySection.without);
      // What the Overview page asks for: its figures and chart, and a card per section.
      const overview = await both(() =>
        Promise.all([
          loadStoreOverview(db, store, { range }),
          loadSectionSummaries(db, store, range),
        ]),
      );
      row("**the Overview page**", overview.withRollups, overview.without);
    }
    // Every statement of the 12-month overview, once, through the logging connection; the
    // slowest by its own execution time gets its plan printed.
    const range = period(store.timezone, 365, now);
    captured.length = 0;
    for (const section of Object.values(SECTIONS)) await section(logged, store, range);
    let slowest: { ms: number; plan: string; query: string } | undefined;
    for (const statement of captured) {
      const client = await pool.connect();
      try {
        const result = await client.query(
          `explain (analyze, buffers, format text) ${statement.query}`,
          statement.params as unknown[],
        );
        const plan = result.rows.map((row: Record<string, string>) => row["QUERY PLAN"]).join("\n");
        const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
        if (!slowest || ms > slowest.ms) slowest = { ms, plan, query: statement.query };
      } finally {
        client.release();
      }
    }
    if (slowest) {
      console.log(`\nSlowest statement of the 12-month overview (${fmt(slowest.ms)} ms):\n`);
      console.log(slowest.query);
      console.log(`\n${slowest.plan}`);
    }
  } finally {
    await pool.end();
    await handle.close();
    await admin.close();
    await proxy.stop();
  }
}

await main();
