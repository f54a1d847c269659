/**
 * `npm run bench:loyalty`: the loyalty reads that must stay fast as the ledger grows, on
 * PGlite and (with TEST_DATABASE_URL, or DATABASE_URL as the admin connection) a new
 * PostgreSQL database reached through the Neon driver and the local WebSocket proxy:
 *   (a) "My points" for a member with 10,000 ledger rows: programme, account, balances
 *       (available/pending), the last 5 rows, 12-month spend (next tier), expiry date;
 *   (b) the Loyalty page's KPIs for a store with 100,000 ledger rows over 30 days.
 * Beside `select 1` (one round trip, the baseline) in the same run. Rows are made with
 * generate_series on the seeded demo store, so setup takes seconds. Not a test: it prints
 * p50/p95 and ratios. Options: BENCH_ITERATIONS (default 200), BENCH_KPI_ITERATIONS (50).
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import type { LoyaltyAccount } from "@/db/schema";
import { DEMO_STORE_SLUG } from "@/lib/demo/seed";
import { nextTier, pointsExpireAt, tierByKey } from "@/lib/loyalty/calculate";
import { accountBalances, findAccount, ledgerSum, recentLedgerRows } from "@/lib/loyalty/ledger";
import { loadProgramme } from "@/lib/loyalty/program";
import { twelveMonthSpend } from "@/lib/loyalty/spend";
import { type BenchDatabase, describeMachine, forEachDatabase } from "./lib/databases";
import { pageKpis } from "./lib/loyalty-kpis";

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const KPI_ITERATIONS = Number(process.env.BENCH_KPI_ITERATIONS ?? 50);
const HEAVY_ROWS = 10_000;
const OTHER_MEMBERS = 2_000;
const ROWS_PER_OTHER = 45;
const RUN_ID = randomBytes(4).toString("hex");
const DAY = 86_400_000;

type Sample = { label: string; p50: number; p95: number };

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * 2,001 members of the demo store; the first has 10,000 ledger rows, the others 45 each,
 * spread over the last year (a fifth of them redemptions, some expiries, reversals and
 * adjustments; earnings of the last 7 days pending), then every cached balance and last
 * activity set from the rows, as the ledger functions would have left them.
 */
async function createLedger(db: Database, storeId: string, now: Date): Promise<string> {
  await db.execute(sql`insert into customers (store_id, wa_id, phone, name, locale, opted_in_at, created_at)
    select ${storeId}, '99900' || lpad(i::text, 7, '0'), '+99900' || lpad(i::text, 7, '0'),
      'Bench member ' || i, 'ja', ${now}::timestamptz - interval '400 days', ${now}::timestamptz - interval '400 days'
    from generate_series(0, ${OTHER_MEMBERS}) i`);
  await db.execute(sql`insert into loyalty_accounts (store_id, customer_id, joined_at, tier, created_at, updated_at)
    select store_id, id, created_at,
      case when wa_id::bigint % 10 = 9 then 'gold' when wa_id::bigint % 10 >= 7 then 'silver' else 'member' end,
      created_at, created_at
    from customers where store_id = ${storeId} and wa_id like '99900%'`);
  await db.execute(sql`insert into loyalty_ledger
      (store_id, account_id, customer_id, delta, reason, cause_key, available_at, created_at)
    select a.store_id, a.id, a.customer_id,
      case when r < 12 then 10 + (g * 7) % 90 when r < 16 then -(5 + g % 40) when r = 16 then 100
        when r = 17 then -(1 + g % 30) when r = 18 then -(1 + g % 20) else 1 + g % 50 end,
      (case when r < 12 then 'earn' when r < 16 then 'redeem' when r = 16 then 'birthday'
        when r = 17 then 'expire' when r = 18 then 'reversal' else 'adjust' end)::loyalty_reason,
      'bench:' || a.id || ':' || g,
      at + case when r < 12 then interval '7 days' else interval '0 days' end, at
    from loyalty_accounts a join customers c on c.id = a.customer_id
    cross join lateral (select case when c.wa_id = '999000000000'
      then ${HEAVY_ROWS}::int else ${ROWS_PER_OTHER}::int end as n) k
    cross join lateral generate_series(1, k.n) g
    cross join lateral (select g % 20 as r,
      ${now}::timestamptz - (365.0 * g / k.n) * interval '1 day' as at) x
    where a.store_id = ${storeId} and c.wa_id like '99900%'`);
  await db.execute(sql`update loyalty_accounts a set balance = s.balance, last_activity_at = s.last
    from (select account_id, sum(delta)::int as balance,
      max(created_at) filter (where reason in ('earn', 'redeem', 'birthday')) as last
      from loyalty_ledger where store_id = ${storeId} and cause_key like 'bench:%' group by account_id) s
    where s.account_id = a.id`);
  const [heavy] = await rows<{ id: string }>(
    db,
    sql`select id from customers where store_id = ${storeId} and wa_id = '999000000000'`,
  );
  return heavy!.id;
}

async function time(label: string, iterations: number, run: () => Promise<unknown>) {
  for (let i = 0; i < Math.min(10, iterations); i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  const sample = { label, p50: at(0.5), p95: at(0.95) };
  console.log(
    `${label.padEnd(58)} p50 ${sample.p50.toFixed(2).padStart(8)} ms  p95 ${sample.p95.toFixed(2).padStart(8)} ms`,
  );
  return sample;
}

/** Each read of "My points" on its own. */
async function breakdown(
  db: Database,
  storeId: string,
  customerId: string,
  account: LoyaltyAccount,
  now: Date,
): Promise<Sample[]> {
  const parts: [string, () => Promise<unknown>][] = [
    ["loadProgramme", () => loadProgramme(db, storeId)],
    ["findAccount", () => findAccount(db, storeId, customerId)],
    ["accountBalances (pending sum)", () => accountBalances(db, account, now)],
    ["recentLedgerRows(5)", () => recentLedgerRows(db, storeId, account.id, 5)],
    ["twelveMonthSpend", () => twelveMonthSpend(db, storeId, customerId, now)],
  ];
  const samples: Sample[] = [];
  for (const [label, run] of parts)
    samples.push(await time(`    of which ${label}`, ITERATIONS, run));
  return samples;
}

/** What the bot's "My points" reads for one member. */
async function myPoints(db: Database, storeId: string, customerId: string, now: Date) {
  const programme = await loadProgramme(db, storeId);
  const account = await findAccount(db, storeId, customerId);
  if (!programme || !account) throw new Error("no programme or account");
  // One after another, as one request on one connection would.
  const balances = await accountBalances(db, account, now);
  const recent = await recentLedgerRows(db, storeId, account.id, 5);
  const spend = await twelveMonthSpend(db, storeId, customerId, now);
  const tier = tierByKey(account.tier, programme.rules.tiers);
  return {
    balances,
    recent,
    tier,
    next: nextTier(spend, tier, programme.rules.tiers),
    expiresAt: pointsExpireAt(account.lastActivityAt, programme.rules),
  };
}

async function measure(database: BenchDatabase): Promise<string[]> {
  const now = new Date();
  const problems: string[] = [];
  let storeId = "";
  let heavyId = "";
  console.log(
    `\n[bench] ${database.name}: making ${HEAVY_ROWS + OTHER_MEMBERS * ROWS_PER_OTHER} ledger rows …`,
  );
  await database.prepare(async (db) => {
    const [store] = await rows<{ id: string }>(
      db,
      sql`select id from stores where slug = ${DEMO_STORE_SLUG}`,
    );
    storeId = store!.id;
    const start = Date.now();
    heavyId = await createLedger(db, storeId, now);
    console.log(`[bench] setup took ${((Date.now() - start) / 1000).toFixed(1)} s`);
  });
  await database.inspect(async (db) => {
    await db.execute(sql`analyze`);
    const [counts] = await rows<{ store: number; heavy: number }>(
      db,
      sql`select count(*)::int as store, count(*) filter (where c.wa_id = '999000000000')::int as heavy
        from loyalty_ledger l join customers c on c.id = l.customer_id where l.store_id = ${storeId}`,
    );
    console.log(
      `[bench] ledger rows: ${counts!.store} in the store, ${counts!.heavy} of the heavy member`,
    );
    const account = await findAccount(db, storeId, heavyId);
    if (account!.balance !== (await ledgerSum(db, account!.id)))
      problems.push("balance ≠ ledger sum");
    const points = await myPoints(db, storeId, heavyId, now);
    console.log(
      `[bench] heavy member: ${points.balances.available} available, ${points.balances.pending} pending, tier ${points.tier.key}, ${points.recent.length} recent rows`,
    );
    const range = { from: new Date(now.getTime() - 30 * DAY), to: now };
    console.log(`[bench] KPIs over 30 days: ${JSON.stringify(await pageKpis(db, storeId, range))}`);

    const baseline = await time("select 1 (baseline, one round trip)", ITERATIONS, () =>
      db.execute(sql`select 1`),
    );
    const results: Sample[] = [
      await time("(a) My points, member with 10,000 rows (5 queries)", ITERATIONS, () =>
        myPoints(db, storeId, heavyId, now),
      ),
      ...(await breakdown(db, storeId, heavyId, account!, now)),
      await time("(b) Loyalty page KPIs, store with 100,000 rows", KPI_ITERATIONS, () =>
        pageKpis(db, storeId, range),
      ),
    ];
    // Experiment only, in this throwaway database: an index covering the KPI aggregate.
    await db.execute(sql`create index bench_experiment_ledger_kpis
      on loyalty_ledger (store_id, created_at) include (reason, delta)`);
    await db.execute(sql`vacuum analyze loyalty_ledger`);
    results.push(
      await time("(b) KPIs, EXPERIMENT with a covering index", KPI_ITERATIONS, () =>
        pageKpis(db, storeId, range),
      ),
    );
    for (const result of results) {
      console.log(
        `ratio ${result.label.trim().padEnd(52)} ÷ baseline: p50 ${(result.p50 / baseline.p50).toFixed(1)}×, p95 ${(result.p95 / baseline.p95).toFixed(1)}×`,
      );
    }
  });
  return problems;
}

async function main(): Promise<void> {
  console.log(describeMachine());
  // forEachDatabase runs PostgreSQL with TEST_DATABASE_URL; DATABASE_URL serves as well (a
  // new database is made on that server and dropped afterwards; its own data is not touched).
  process.env.TEST_DATABASE_URL ??= process.env.DATABASE_URL;
  const problems: string[] = [];
  await forEachDatabase(RUN_ID, async (database) => {
    problems.push(...(await measure(database)));
  });
  if (problems.length) {
    console.log(`PROBLEMS: ${problems.join("; ")}`);
    process.exitCode = 1;
  }
}

await main();
