import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import type { AnalyticsWindow } from "@/lib/analytics/range";
import type { AnalyticsStore } from "@/lib/analytics/store";
import { recoveredRevenue } from "./revenue";

/** The recovery steps a store can have (lib/recovery/settings.ts allows up to three). */
export const RECOVERY_STEP_NUMBERS = [1, 2, 3] as const;

export type ReminderFigures = {
  /** Steps whose reminder was queued in the window. */
  sent: number;
  /** Of those, delivered (a read message was delivered). */
  delivered: number;
  read: number;
  /** Refused by WhatsApp (failed) or by the sending rules at send time (blocked). */
  failed: number;
  /** Steps decided not to go in the window (with a reason). */
  skipped: number;
  /** Recovered orders paid in the window attributed to this step. */
  recovered: number;
  recoveredRevenueMinor: number;
};

export type StepFigures = ReminderFigures & {
  step: number;
  /** recovered / the period's abandoned carts; the steps' rates add up to the whole. */
  recoveryRate: number | null;
};

export type RecoveryKpis = ReminderFigures & {
  currency: string;
  /** Recoveries (carts or unpaid orders) abandoned in the window. */
  abandoned: number;
  /** Their value when abandoned, in the store's currency. */
  abandonedValueMinor: number;
  /** recovered / abandoned, null when nothing was abandoned. */
  recoveryRate: number | null;
  /** Skipped steps by reason code, most frequent first. */
  skippedByReason: { reason: string; count: number }[];
  steps: StepFigures[];
};

type StepRow = {
  step: number;
  reason: string | null;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  skipped: number;
};

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * The Recovery page's figures for a period (DESIGN §4d, the analytics contract's section
 * signature): carts abandoned in the window and their value; reminders by the time they were
 * decided (sent, then what WhatsApp reported of them); skipped steps by reason; recovered
 * orders and revenue from the attribution stored on orders paid in the window, net of refunds.
 * Everything is aggregated in SQL and filtered by store first.
 */
export async function recoveryKpis(
  db: Database,
  store: AnalyticsStore,
  window: AnalyticsWindow,
): Promise<RecoveryKpis> {
  const abandonedQuery = db.execute(sql`
    select count(*)::int as abandoned,
      coalesce(sum(value_minor) filter (where currency = ${store.currency}), 0)::bigint as value
    from recoveries
    where store_id = ${store.id} and abandoned_at >= ${window.start} and abandoned_at < ${window.end}`);
  const stepsQuery = db.execute(sql`
    select s.step::int as step, s.reason,
      count(*) filter (where s.status = 'sent')::int as sent,
      count(*) filter (where s.status = 'sent' and m.status in ('delivered', 'read'))::int as delivered,
      count(*) filter (where s.status = 'sent' and m.status = 'read')::int as read,
      count(*) filter (where s.status = 'sent' and m.status in ('failed', 'blocked'))::int as failed,
      count(*) filter (where s.status = 'skipped')::int as skipped
    from recovery_steps s
    left join messages m on m.id = s.message_id and m.store_id = s.store_id
    where s.store_id = ${store.id} and s.status in ('sent', 'skipped')
      and s.decided_at >= ${window.start} and s.decided_at < ${window.end}
    group by s.step, s.reason`);
  const [abandonedResult, stepsResult, revenue] = await Promise.all([
    abandonedQuery,
    stepsQuery,
    recoveredRevenue(db, store.id, { from: window.start, to: window.end }, store.currency),
  ]);
  const totals = (abandonedResult as unknown as { rows: { abandoned: number; value: unknown }[] })
    .rows[0];
  const abandoned = Number(totals?.abandoned ?? 0);
  const stepRows = (stepsResult as unknown as { rows: StepRow[] }).rows.map((row) => ({
    ...row,
    step: Number(row.step),
    sent: Number(row.sent),
    delivered: Number(row.delivered),
    read: Number(row.read),
    failed: Number(row.failed),
    skipped: Number(row.skipped),
  }));

  const steps = RECOVERY_STEP_NUMBERS.map((step): StepFigures => {
    const rows = stepRows.filter((row) => row.step === step);
    const sum = (key: "sent" | "delivered" | "read" | "failed" | "skipped") =>
      rows.reduce((total, row) => total + row[key], 0);
    const recovered = revenue.byStep.find((row) => row.step === step);
    return {
      step,
      sent: sum("sent"),
      delivered: sum("delivered"),
      read: sum("read"),
      failed: sum("failed"),
      skipped: sum("skipped"),
      recovered: recovered?.orders ?? 0,
      recoveredRevenueMinor: recovered?.revenueMinor ?? 0,
      recoveryRate: rate(recovered?.orders ?? 0, abandoned),
    };
  });
  const byReason = new Map<string, number>();
  for (const row of stepRows) {
    if (row.skipped > 0 && row.reason) {
      byReason.set(row.reason, (byReason.get(row.reason) ?? 0) + row.skipped);
    }
  }
  const total = (key: keyof ReminderFigures) => steps.reduce((sum, step) => sum + step[key], 0);
  return {
    currency: store.currency,
    abandoned,
    abandonedValueMinor: Number(totals?.value ?? 0),
    sent: total("sent"),
    delivered: total("delivered"),
    read: total("read"),
    failed: total("failed"),
    skipped: total("skipped"),
    // Every recovered order counts, whatever its step (a step beyond three cannot exist today).
    recovered: revenue.orders,
    recoveredRevenueMinor: revenue.revenueMinor,
    recoveryRate: rate(revenue.orders, abandoned),
    skippedByReason: [...byReason]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    steps,
  };
}
