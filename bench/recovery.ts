/**
 * `npm run bench:recovery`: the cart-recovery work of `tick` on PostgreSQL (Neon driver
 * through the local WebSocket proxy, a new database dropped afterwards; admin connection
 * from BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL), against the fake Graph API.
 *   (a) busy: one store with BENCH_CARTS (default 100,000) abandoned carts whose step 1 is
 *       due. Whole `tick` calls (their default 20 s budget, shared by every job) are timed
 *       BENCH_BUSY_TICKS times (default 3): steps decided and reminders queued per second,
 *       per tick and in total. Then the outbox those reminders filled is drained to the
 *       fake Graph API: messages delivered per second.
 *   (b) idle: the rest of the due steps are set aside by SQL (100,000 recoveries with steps 2
 *       and 3 still scheduled, nothing due), then the recovery jobs (abandonCarts,
 *       recoverySteps, endRecoveries) and a whole `tick` are timed BENCH_IDLE_RUNS times
 *       (default 30), beside `select 1` and the same recovery jobs with recovery off.
 * Not a test: it prints figures and ratios.
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { DEFAULT_TICK_OPTIONS, deliverOutbox, tick } from "@/lib/jobs/tick";
import { markAbandoned } from "@/lib/recovery/abandon";
import { runRecoverySteps, type StepsReport } from "@/lib/recovery/run-steps";
import { endLostRecoveries } from "@/lib/recovery/stop";
import type { WhatsAppPlatformConfig } from "@/lib/whatsapp/channel";
import { startFakeGraphApi } from "../tests/support/fake-graph-api";
import { describeMachine, postgresDatabase } from "./lib/databases";
import { countQueries, profileQueries } from "./lib/query-counter";
import {
  BENCH_PHONE_NUMBER_ID,
  BENCH_STORE_SLUG,
  countDueSteps,
  createRecoveryBenchStore,
  stepStatuses,
} from "./lib/recovery-fixture";

const CARTS = Number(process.env.BENCH_CARTS ?? 100_000);
const BUSY_TICKS = Number(process.env.BENCH_BUSY_TICKS ?? 3);
const IDLE_RUNS = Number(process.env.BENCH_IDLE_RUNS ?? 30);
const RUN_ID = randomBytes(4).toString("hex");
const TOKEN = "bench-platform-token";
const queries = countQueries();

const perSecond = (count: number, ms: number) => (ms > 0 ? (count * 1000) / ms : 0);
const fmt = (n: number, digits = 1) => n.toFixed(digits);

async function median(runs: number, run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(3, runs); i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** The three recovery jobs of tick, in its order. */
async function recoveryJobs(db: Database) {
  await markAbandoned(db);
  await runRecoverySteps(db);
  await endLostRecoveries(db);
}

function stepsOf(report: unknown): StepsReport {
  if (!report || typeof report !== "object" || !("sent" in report)) {
    throw new Error(`recoverySteps did not run: ${JSON.stringify(report)}`);
  }
  return report as StepsReport;
}

async function busy(db: Database, config: WhatsAppPlatformConfig, baselineMs: number) {
  let decided = 0;
  let sent = 0;
  let took = 0;
  for (let i = 1; i <= BUSY_TICKS; i++) {
    const start = performance.now();
    const before = queries();
    const report = await tick(db, config, DEFAULT_TICK_OPTIONS);
    const ms = performance.now() - start;
    const statements = queries() - before;
    const steps = stepsOf(report.recoverySteps);
    const count = steps.sent + steps.waiting + steps.skipped + steps.stopped + steps.cancelled;
    decided += count;
    sent += steps.sent;
    took += ms;
    console.log(
      `[bench] tick ${i}: ${fmt(ms / 1000, 2)} s, recoverySteps ${JSON.stringify(steps)}, ` +
        `drainOutbox sent ${"sent" in report.drainOutbox ? report.drainOutbox.sent : "?"}; ` +
        `${fmt(perSecond(count, ms))} steps decided/s, ${fmt(perSecond(steps.sent, ms))} sends queued/s ` +
        `(per tick wall time); ${statements} statements in the tick, ` +
        `${fmt(ms / Math.max(1, count) / baselineMs)} select-1 times per step`,
    );
  }
  console.log(
    `[bench] ${BUSY_TICKS} ticks: ${decided} steps decided, ${sent} reminders queued in ${fmt(took / 1000, 2)} s: ` +
      `${fmt(perSecond(decided, took))} steps decided/s, ${fmt(perSecond(sent, took))} sends queued/s`,
  );
  return { decided, sent, took };
}

async function deliver(db: Database, config: WhatsAppPlatformConfig, graphRequests: () => number) {
  const before = graphRequests();
  const start = performance.now();
  const report = await deliverOutbox(db, config, { deadline: Date.now() + 30 * 60_000 });
  const ms = performance.now() - start;
  const requests = graphRequests() - before;
  console.log(
    `[bench] outbox drain: ${JSON.stringify(report)}, ${requests} requests to the fake Graph API in ` +
      `${fmt(ms / 1000, 2)} s: ${fmt(perSecond(report.sent, ms))} messages delivered/s`,
  );
  return { sent: report.sent, ms };
}

/** Medians of interleaved runs (recovery on, then off), so drifting load hits both alike. */
async function onOff(db: Database, runs: number, run: () => Promise<unknown>) {
  const toggle = (enabled: boolean) =>
    db.execute(sql`update recovery_programs set enabled = ${enabled}`);
  const on: number[] = [];
  const off: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    for (const [enabled, samples] of [
      [true, on],
      [false, off],
    ] as const) {
      await toggle(enabled);
      const start = performance.now();
      await run();
      if (i >= 3) samples.push(performance.now() - start);
    }
  }
  await toggle(true);
  const mid = (samples: number[]) => samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
  return { on: mid(on), off: mid(off) };
}

async function statementsOf(run: () => Promise<unknown>): Promise<number> {
  const before = queries();
  await run();
  return queries() - before;
}

async function idle(db: Database, config: WhatsAppPlatformConfig, storeId: string) {
  const now = new Date();
  const leftover = await db.execute(sql`update recovery_steps
    set status = 'skipped', reason = 'bench_set_aside', decided_at = ${now}
    where store_id = ${storeId} and status in ('scheduled', 'waiting') and due_at <= ${now}`);
  console.log(
    `[bench] set aside ${(leftover as unknown as { rowCount?: number }).rowCount ?? "?"} due steps; due now: ${await countDueSteps(db, now)}`,
  );
  await db.execute(sql`vacuum analyze`);
  const wholeTick = () => tick(db, config, DEFAULT_TICK_OPTIONS);
  const baseline = await median(IDLE_RUNS * 3, () => db.execute(sql`select 1`));
  const jobs = await onOff(db, IDLE_RUNS, () => recoveryJobs(db));
  const whole = await onOff(db, IDLE_RUNS, wholeTick);
  const baselineAfter = await median(IDLE_RUNS * 3, () => db.execute(sql`select 1`));
  const line = (label: string, ms: number, statements?: number) =>
    console.log(
      `${label.padEnd(58)} median ${fmt(ms, 2).padStart(8)} ms  ${fmt(ms / baseline).padStart(6)}× select 1` +
        (statements === undefined ? "" : `  ${statements} statements`),
    );
  line("select 1 (baseline, one round trip)", baseline, 1);
  line("select 1 again, after the idle runs", baselineAfter, 1);
  line(
    "idle recovery jobs (abandon, steps, end lost), recovery on",
    jobs.on,
    await statementsOf(() => recoveryJobs(db)),
  );
  await db.execute(sql`update recovery_programs set enabled = false`);
  const offStatements = await statementsOf(() => recoveryJobs(db));
  await db.execute(sql`update recovery_programs set enabled = true`);
  line("idle recovery jobs, recovery off everywhere", jobs.off, offStatements);
  line("idle whole tick, recovery on", whole.on, await statementsOf(wholeTick));
  line("idle whole tick, recovery off everywhere", whole.off);
  console.log(
    "[bench] idle recovery jobs, recovery on: the statements, slowest first (ms per run)",
  );
  for (const entry of (await profileQueries(IDLE_RUNS, () => recoveryJobs(db))).slice(0, 6)) {
    console.log(`  ${fmt(entry.ms, 2).padStart(7)} ms  ×${fmt(entry.calls, 0)}  ${entry.text}`);
  }
  console.log(
    `ratio idle recovery jobs on ÷ off: ${fmt(jobs.on / jobs.off, 2)}×; whole tick on ÷ off: ${fmt(whole.on / whole.off, 2)}×`,
  );
}

/** The step job alone with a whole tick's budget (20 s), as if no other job had work. */
async function stepJobAlone(db: Database, baselineMs: number) {
  const before = queries();
  const start = performance.now();
  const report = await runRecoverySteps(db, {
    deadline: Date.now() + DEFAULT_TICK_OPTIONS.budgetMs,
  });
  const ms = performance.now() - start;
  const steps = stepsOf(report);
  const decided = steps.sent + steps.waiting + steps.skipped + steps.stopped + steps.cancelled;
  const statements = queries() - before;
  console.log(
    `[bench] recoverySteps alone, ${DEFAULT_TICK_OPTIONS.budgetMs / 1000} s deadline: ${decided} decided, ${steps.sent} queued in ` +
      `${fmt(ms / 1000, 2)} s: ${fmt(perSecond(decided, ms))} steps decided/s, ${fmt(perSecond(steps.sent, ms))} sends queued/s; ` +
      `${fmt(statements / Math.max(1, decided))} statements per step, ${fmt(ms / Math.max(1, decided) / baselineMs)} select-1 times per step`,
  );
}

async function main(): Promise<void> {
  console.log(describeMachine());
  const adminUrl =
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!adminUrl) {
    console.log(
      "[bench] set BENCH_DATABASE_URL (or TEST_DATABASE_URL, DATABASE_URL): PostgreSQL only",
    );
    process.exitCode = 1;
    return;
  }
  const graph = await startFakeGraphApi({ accessToken: TOKEN });
  const database = await postgresDatabase(adminUrl, RUN_ID);
  const config: WhatsAppPlatformConfig = {
    graphApiUrl: graph.url,
    platformAccessToken: TOKEN,
    platformAppSecret: undefined,
    platformPhoneNumbers: new Map([[BENCH_PHONE_NUMBER_ID, BENCH_STORE_SLUG]]),
    sandbox: "off",
    nodeEnv: "production",
    encryptionKey: randomBytes(32).toString("base64"),
  };
  let graphRequests = 0;
  try {
    await database.inspect(async (db) => {
      const start = Date.now();
      const storeId = await createRecoveryBenchStore(db, CARTS, new Date());
      console.log(
        `[bench] ${CARTS} abandoned carts with step 1 due made in ${fmt((Date.now() - start) / 1000)} s; ` +
          `due now: ${await countDueSteps(db, new Date())}`,
      );
      const baseline = await median(50, () => db.execute(sql`select 1`));
      // The step job works inside transactions: a statement there, for comparison.
      const inTransaction =
        (await median(20, () =>
          db.transaction(async (tx) => {
            for (let i = 0; i < 10; i++) await tx.execute(sql`select 1`);
          }),
        )) / 10;
      console.log(
        `[bench] select 1: median ${fmt(baseline, 2)} ms; in a transaction (10 per transaction) ${fmt(inTransaction, 2)} ms each`,
      );
      const requests = () => {
        // The fake keeps every request; only the count matters here.
        graphRequests += graph.requests.length;
        graph.requests.length = 0;
        return graphRequests;
      };
      await busy(db, config, baseline);
      await stepJobAlone(db, baseline);
      await deliver(db, config, requests);
      console.log(
        `[bench] bench store's steps: ${JSON.stringify(await stepStatuses(db, storeId))}`,
      );
      await idle(db, config, storeId);
    });
  } finally {
    await database.cleanup();
    await graph.close();
  }
}

await main();
