import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { recoveries, type Recovery, type RecoveryStep, recoverySteps } from "@/db/schema";
import { paymentLinkOrigin } from "@/lib/payments/link-origin";
import { decideRecoveryStep } from "./decide";
import { loadRecoveryProgram, type RecoveryProgram } from "./program";
import { sendReminder } from "./send-reminder";
import { cancelOpenSteps } from "./start";
import { gatherStepFacts } from "./step-facts";

export type StepsReport = {
  sent: number;
  waiting: number;
  skipped: number;
  stopped: number;
  cancelled: number;
  failed: number;
};

type Claimed = { id: string; recovery_id: string; customer_id: string };

class NotSent extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

const RETRY_AFTER_ERROR_MS = 5 * 60_000;

/**
 * Due steps whose earlier steps are all decided, oldest first, under FOR UPDATE SKIP LOCKED
 * (the partial index on due_at serves `status in ('scheduled', 'waiting')`): two ticks never
 * hold the same step.
 */
async function claimDueSteps(
  tx: Database,
  now: Date,
  limit: number,
  storeId: string | undefined,
): Promise<Claimed[]> {
  const store = storeId ? sql`and s.store_id = ${storeId}` : sql``;
  const result = await tx.execute(sql`
    select s.id, s.recovery_id, r.customer_id from recovery_steps s
    join recoveries r on r.id = s.recovery_id
    where s.status in ('scheduled', 'waiting') and s.due_at <= ${now} ${store}
      and not exists (
        select 1 from recovery_steps e where e.recovery_id = s.recovery_id and e.step < s.step
          and e.status in ('scheduled', 'waiting'))
    order by s.due_at
    limit ${limit}
    for update of s skip locked`);
  return (result as unknown as { rows: Claimed[] }).rows;
}

/** One customer's steps are decided one tick at a time: the 24-hour cap spans their carts. */
async function lockCustomer(tx: Database, customerId: string): Promise<boolean> {
  const result = await tx.execute(
    sql`select pg_try_advisory_xact_lock(hashtextextended(${`recovery:${customerId}`}, 0)) as ok`,
  );
  return Boolean((result as unknown as { rows: { ok: boolean }[] }).rows[0]?.ok);
}

/**
 * The step job (DESIGN §4d, §5): claims due steps, gathers the facts and asks
 * decideRecoveryStep — send (order, offer and reminder in one transaction), wait (due_at
 * moved), skip (with the reason; the next step stays scheduled) or stop (the recovery
 * stopped, its other steps cancelled). A step that throws is retried in a few minutes.
 */
export async function runRecoverySteps(
  db: Database,
  options: {
    now?: () => Date;
    deadline?: number;
    batchSize?: number;
    origin?: string | null;
    /** Only this store's steps (the sandbox's "run due work now"); all stores by default. */
    storeId?: string;
  } = {},
): Promise<StepsReport | { skipped: string }> {
  const origin = options.origin === undefined ? paymentLinkOrigin() : options.origin;
  if (!origin) return { skipped: "no payment link origin (APP_URL)" };
  const clock = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 25;
  const report: StepsReport = {
    sent: 0,
    waiting: 0,
    skipped: 0,
    stopped: 0,
    cancelled: 0,
    failed: 0,
  };
  const programs = new Map<string, RecoveryProgram | null>();
  for (;;) {
    if (options.deadline !== undefined && Date.now() > options.deadline) break;
    const now = clock();
    const { claimed, decided } = await db.transaction(async (tx) => {
      const rows = await claimDueSteps(tx, now, batchSize, options.storeId);
      let count = 0;
      for (const row of rows) {
        if (!(await lockCustomer(tx, row.customer_id))) continue;
        count += 1;
        try {
          await tx.transaction((sp) => decideStep(sp, row, { now, origin, programs, report }));
        } catch (error) {
          console.error(`[recovery] step ${row.id} failed`, error);
          report.failed += 1;
          await tx
            .update(recoverySteps)
            .set({ dueAt: new Date(now.getTime() + RETRY_AFTER_ERROR_MS) })
            .where(eq(recoverySteps.id, row.id));
        }
      }
      return { claimed: rows.length, decided: count };
    });
    if (claimed < batchSize || decided === 0) break;
  }
  return report;
}

type Context = {
  now: Date;
  origin: string;
  programs: Map<string, RecoveryProgram | null>;
  report: StepsReport;
};

async function decideStep(tx: Database, claimed: Claimed, context: Context): Promise<void> {
  const { now, report } = context;
  const [recovery] = await tx
    .select()
    .from(recoveries)
    .where(eq(recoveries.id, claimed.recovery_id))
    .for("update");
  const [step] = await tx.select().from(recoverySteps).where(eq(recoverySteps.id, claimed.id));
  if (!recovery || !step) return;
  if (recovery.status !== "active") {
    await setStep(tx, step, {
      status: "cancelled",
      reason: recovery.stopReason ?? recovery.status,
      now,
    });
    report.cancelled += 1;
    return;
  }
  if (!context.programs.has(recovery.storeId)) {
    context.programs.set(recovery.storeId, await loadRecoveryProgram(tx, recovery.storeId));
  }
  const program = context.programs.get(recovery.storeId);
  const settings = program?.settings.steps[step.step - 1];
  if (!program || !settings) {
    await setStep(tx, step, { status: "cancelled", reason: "step_removed", now });
    report.cancelled += 1;
    return;
  }
  const facts = await gatherStepFacts(tx, recovery, settings);
  if (!facts) return stop(tx, recovery, "no_consent", now, report);
  const decision = decideRecoveryStep({
    now,
    timezone: program.timezone,
    settings: program.settings,
    step: settings,
    customer: facts.customer,
    abandonedAt: recovery.abandonedAt,
    lastRecoveryMessageAt: facts.lastRecoveryMessageAt,
    paidSinceAbandoned: facts.paidSinceAbandoned,
    cartEmpty: facts.lines.length === 0,
    orderClosed: facts.orderClosed,
    stoppedByOwner: false,
    recoveryOff: !program.enabled,
    templateApproved: facts.templateApproved,
  });
  switch (decision.action) {
    case "stop":
      return stop(tx, recovery, decision.reason, now, report);
    case "wait":
      await tx
        .update(recoverySteps)
        .set({ status: "waiting", dueAt: decision.until, reason: decision.reason })
        .where(eq(recoverySteps.id, step.id));
      report.waiting += 1;
      return;
    case "skip":
      await setStep(tx, step, { status: "skipped", reason: decision.reason, now });
      report.skipped += 1;
      return;
    case "send":
      try {
        await tx.transaction(async (sp) => {
          const outcome = await sendReminder(sp, {
            recovery,
            step,
            settings,
            program,
            facts,
            channel: decision.channel,
            origin: context.origin,
            now,
          });
          // Roll back the order and offer made for a reminder that did not go.
          if (!outcome.sent) throw new NotSent(outcome.reason);
        });
        report.sent += 1;
      } catch (error) {
        if (!(error instanceof NotSent)) throw error;
        await setStep(tx, step, { status: "skipped", reason: error.reason, now });
        report.skipped += 1;
      }
  }
}

async function setStep(
  tx: Database,
  step: RecoveryStep,
  change: { status: "skipped" | "cancelled"; reason: string; now: Date },
) {
  await tx
    .update(recoverySteps)
    .set({ status: change.status, reason: change.reason, decidedAt: change.now })
    .where(eq(recoverySteps.id, step.id));
}

async function stop(
  tx: Database,
  recovery: Recovery,
  reason: string,
  now: Date,
  report: StepsReport,
) {
  await tx
    .update(recoveries)
    .set({ status: "stopped", stopReason: reason, endedAt: now, updatedAt: now })
    .where(and(eq(recoveries.id, recovery.id), eq(recoveries.status, "active")));
  await cancelOpenSteps(tx, recovery.id, reason, now);
  report.stopped += 1;
}
