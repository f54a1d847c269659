import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { recoveryPrograms } from "@/db/schema";
import { resolveWhatsAppChannel, type WhatsAppPlatformConfig } from "@/lib/whatsapp/channel";
import { sandboxStatusReporter } from "@/lib/whatsapp/sandbox";
import { drainOutbox } from "@/lib/whatsapp/send-outbox";
import { markAbandoned } from "./abandon";
import { loadRecoveryProgram } from "./program";
import { runRecoverySteps } from "./run-steps";

/** How far ahead the sandbox may run: beyond the longest sequence and its waits. */
export const SANDBOX_RUN_MAX_AHEAD_MS = 31 * 24 * 60 * 60 * 1000;
/** Moments visited between now and the chosen time; each is one pass of the three jobs. */
const MAX_ROUNDS = 60;

export type SandboxRunRefusal = "not_sandbox" | "recovery_off" | "out_of_range";

export type SandboxRunReport = {
  ok: true;
  /** How far the run got: the chosen time, unless the store had too many due moments. */
  asOf: Date;
  abandoned: number;
  sent: number;
  waiting: number;
  skipped: number;
  stopped: number;
  delivered: number;
  /** The store's next step still to be decided after `asOf`, if any. */
  nextStepAt: Date | null;
};

/** Only a store whose messages go to the simulator: no WhatsApp credentials, sandbox allowed. */
async function inSandbox(db: Database, storeId: string, config: WhatsAppPlatformConfig) {
  return (await resolveWhatsAppChannel(db, storeId, config)).mode === "sandbox";
}

/**
 * The Simulator's "run due work as of": what the minute-by-minute ticks would have done for
 * this store alone between `now` and `asOf` — carts abandoned at their delay, each due step
 * decided at its time (quiet hours and the daily cap move it on), the outbox delivered to the
 * simulator — by running the recovery jobs, filtered to the store, at each moment something
 * falls due, on a clock set to that moment. Messages and decisions carry those times;
 * delivery statuses come back on the real clock, as the simulated phone reports them.
 * Refused unless the store is in the sandbox (never a store with WhatsApp credentials, never
 * in production without the sandbox), so it cannot reach a real phone or another store.
 */
export async function runSandboxRecovery(
  db: Database,
  config: WhatsAppPlatformConfig,
  input: { storeId: string; asOf: Date; now?: Date; origin?: string | null },
): Promise<SandboxRunReport | { ok: false; reason: SandboxRunRefusal }> {
  const { storeId, asOf } = input;
  const now = input.now ?? new Date();
  if (!(await inSandbox(db, storeId, config))) return { ok: false, reason: "not_sandbox" };
  if (asOf < now || asOf.getTime() - now.getTime() > SANDBOX_RUN_MAX_AHEAD_MS) {
    return { ok: false, reason: "out_of_range" };
  }
  const program = await loadRecoveryProgram(db, storeId);
  if (!program?.enabled) return { ok: false, reason: "recovery_off" };

  const report: SandboxRunReport = {
    ok: true,
    asOf,
    abandoned: 0,
    sent: 0,
    waiting: 0,
    skipped: 0,
    stopped: 0,
    delivered: 0,
    nextStepAt: null,
  };
  const onSandboxSent = sandboxStatusReporter(db, config);
  let at = now;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const clock = () => at;
    const abandoned = await markAbandoned(db, { now: clock, storeId });
    report.abandoned += abandoned.carts + abandoned.orders;
    const steps = await runRecoverySteps(db, {
      now: clock,
      storeId,
      ...(input.origin !== undefined && { origin: input.origin }),
    });
    if ("sent" in steps) {
      report.sent += steps.sent;
      report.waiting += steps.waiting;
      report.skipped += steps.skipped;
      report.stopped += steps.stopped;
    }
    const drained = await drainOutbox(db, { config, now: clock, storeId, onSandboxSent });
    report.delivered += drained.sent;
    if (at >= asOf) break;
    const next = await nextDueMoment(db, storeId, at, program.settings.abandonAfterMinutes);
    at = next && next < asOf ? next : asOf;
  }
  // Short of `asOf` only when a store had more due moments than MAX_ROUNDS: say how far it got.
  report.asOf = at;
  report.nextStepAt = await nextDueMoment(db, storeId, at, null);
  return report;
}

/**
 * The first moment after `after` when this store has recovery work: a step falls due, or
 * (with `abandonAfterMinutes`) a customer's cart or a sent order link reaches the delay.
 */
async function nextDueMoment(
  db: Database,
  storeId: string,
  after: Date,
  abandonAfterMinutes: number | null,
): Promise<Date | null> {
  const delay = sql`(${abandonAfterMinutes ?? 0}::int * interval '1 minute')`;
  const abandonment =
    abandonAfterMinutes === null
      ? sql`null::timestamptz`
      : sql`(select min(c.updated_at + ${delay}) from carts c
          where c.store_id = ${storeId} and c.status = 'active' and c.customer_id is not null
            and c.updated_at + ${delay} > ${after}
            and exists (select 1 from cart_items i where i.cart_id = c.id))`;
  const unpaid =
    abandonAfterMinutes === null
      ? sql`null::timestamptz`
      : sql`(select min(t.at) from (
          select greatest(o.created_at, (select max(m.created_at) from messages m
            where m.customer_id = o.customer_id
              and m.dedupe_key like 'order:' || o.id || ':link:%')) + ${delay} as at
          from orders o where o.store_id = ${storeId} and o.status = 'pending') t
          where t.at > ${after})`;
  const result = await db.execute(sql`
    select least(
      (select min(s.due_at) from recovery_steps s
        where s.store_id = ${storeId} and s.status in ('scheduled', 'waiting')
          and s.due_at > ${after}),
      ${abandonment},
      ${unpaid}) as next`);
  const next = (result as unknown as { rows: { next: Date | string | null }[] }).rows[0]?.next;
  return next ? new Date(next) : null;
}

/**
 * Switches recovery on with the store's saved (or default) sequence, from the Simulator, so a
 * sandbox store can try it at once. Refused outside the sandbox: a connected store turns
 * recovery on in its settings, knowing what it sends to real shoppers.
 */
export async function switchRecoveryOnInSandbox(
  db: Database,
  config: WhatsAppPlatformConfig,
  input: { storeId: string; userId: string | null; now?: Date },
): Promise<{ ok: true } | { ok: false; reason: "not_sandbox" }> {
  if (!(await inSandbox(db, input.storeId, config))) return { ok: false, reason: "not_sandbox" };
  const now = input.now ?? new Date();
  await db
    .insert(recoveryPrograms)
    .values({ storeId: input.storeId, enabled: true, updatedBy: input.userId, updatedAt: now })
    .onConflictDoUpdate({
      target: recoveryPrograms.storeId,
      set: { enabled: true, updatedBy: input.userId, updatedAt: now },
    });
  return { ok: true };
}
