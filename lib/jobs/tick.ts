import type { Database } from "@/db/drivers";
import { refreshAnalyticsRollups, type RollupRefreshReport } from "@/lib/analytics/rollup/refresh";
import { grantBirthdayBonuses } from "@/lib/loyalty/jobs/birthday";
import { expirePoints } from "@/lib/loyalty/jobs/expire";
import { warnExpiringPoints } from "@/lib/loyalty/jobs/expiry-warning";
import type { LoyaltyJobReport } from "@/lib/loyalty/jobs/run";
import { reviewTiers } from "@/lib/loyalty/jobs/tier-review";
import {
  expireUnpaidOrders,
  type ExpireUnpaidReport,
  waitForOpenSession,
} from "@/lib/orders/expire-unpaid";
import { expireOpenCheckoutSession } from "@/lib/payments/checkout-session";
import type { StripePlatformConfig } from "@/lib/payments/config";
import { type DueRefundsReport, runDueRefunds } from "@/lib/payments/refunds";
import { type AbandonReport, markAbandoned } from "@/lib/recovery/abandon";
import { runRecoverySteps, type StepsReport } from "@/lib/recovery/run-steps";
import { endLostRecoveries } from "@/lib/recovery/stop";
import { processWebhookEvents, type ProcessReport } from "@/lib/processing/processor";
import { type PruneReport, pruneRetained, type RetentionPolicy } from "@/lib/processing/retention";
import type { WhatsAppPlatformConfig } from "@/lib/whatsapp/channel";
import { sandboxStatusReporter } from "@/lib/whatsapp/sandbox";
import { type DrainReport, drainOutbox } from "@/lib/whatsapp/send-outbox";

/** Sends what the outbox holds for the WhatsApp platform, sandbox statuses included. */
export function deliverOutbox(
  db: Database,
  config: WhatsAppPlatformConfig,
  options: { deadline?: number } = {},
): Promise<DrainReport> {
  return drainOutbox(db, {
    config,
    onSandboxSent: sandboxStatusReporter(db, config),
    ...(options.deadline !== undefined && { deadline: options.deadline }),
  });
}

export type TickOptions = {
  /** The whole tick's time budget in ms, shared among the jobs (TICK_BUDGET_MS). */
  budgetMs: number;
  retention: RetentionPolicy;
  /** Stripe settings for due refunds; without them the refunds job waits (tests, old callers). */
  stripe?: StripePlatformConfig;
};

export const DEFAULT_TICK_OPTIONS: TickOptions = {
  budgetMs: 20_000,
  retention: { webhookDays: 30, outboxDays: 30, eventsDays: 730 },
};

type JobContext = {
  db: Database;
  config: WhatsAppPlatformConfig;
  options: TickOptions;
  deadline: number;
};

/**
 * Scheduled work (DESIGN §5), one small job per line of the report, each with its own claim.
 * Later issues add theirs (abandonment, recovery steps) to this list.
 */
const JOBS = {
  /** Items a delivery's after() did not get to (its instance was frozen or busy). */
  applyInbox: ({ db, config, deadline }: JobContext): Promise<ProcessReport> =>
    processWebhookEvents(db, { config, deadline, only: "fresh" }),
  drainOutbox: ({ db, config, deadline }: JobContext): Promise<DrainReport> =>
    deliverOutbox(db, config, { deadline }),
  retryFailed: ({ db, config, deadline }: JobContext): Promise<ProcessReport> =>
    processWebhookEvents(db, { config, deadline, only: "retry" }),
  /** Refunds the processor recorded (double payments) and owner refunds that met a Stripe 5xx. */
  dueRefunds: ({
    db,
    options,
    deadline,
  }: JobContext): Promise<DueRefundsReport | { skipped: string }> =>
    options.stripe
      ? runDueRefunds(db, options.stripe, new Date(), { deadline })
      : Promise.resolve({ skipped: "no Stripe configuration" }),
  /** Loyalty (DESIGN §4c): warn before expiry, expire, birthday bonuses, anniversary reviews. */
  loyaltyExpiryWarnings: ({ db, deadline }: JobContext): Promise<LoyaltyJobReport> =>
    warnExpiringPoints(db, { now: new Date(), deadline }),
  loyaltyExpiry: ({ db, deadline }: JobContext): Promise<LoyaltyJobReport> =>
    expirePoints(db, { now: new Date(), deadline }),
  loyaltyBirthdays: ({ db, deadline }: JobContext): Promise<LoyaltyJobReport> =>
    grantBirthdayBonuses(db, { now: new Date(), deadline }),
  loyaltyTierReviews: ({ db, deadline }: JobContext): Promise<LoyaltyJobReport> =>
    reviewTiers(db, { now: new Date(), deadline }),
  /** Pending orders past their expiry (points redeemed on them): cancelled, points returned. */
  expireUnpaidOrders: ({ db, options, deadline }: JobContext): Promise<ExpireUnpaidReport> => {
    const now = new Date();
    const stripe = options.stripe;
    return expireUnpaidOrders(db, {
      now,
      deadline,
      expire: stripe
        ? (db, input) => expireOpenCheckoutSession(db, input, stripe)
        : waitForOpenSession(now),
    });
  },
  /** Recovery (DESIGN §4d): carts and unpaid orders left past the delay, due steps, lost ones. */
  abandonCarts: ({ db, deadline }: JobContext): Promise<AbandonReport> =>
    markAbandoned(db, { deadline }),
  recoverySteps: ({ db, deadline }: JobContext): Promise<StepsReport | { skipped: string }> =>
    runRecoverySteps(db, { deadline }),
  endRecoveries: ({ db }: JobContext): Promise<{ lost: number }> => endLostRecoveries(db),
  /** Analytics (DESIGN §4e): the days changed since the last tick, recomputed into the rollups. */
  analyticsRollups: ({ db, deadline }: JobContext): Promise<RollupRefreshReport> =>
    refreshAnalyticsRollups(db, { deadline }),
  prune: ({ db, options }: JobContext): Promise<PruneReport> =>
    pruneRetained(db, options.retention),
};

type Jobs = typeof JOBS;
export type TickReport = {
  [Name in keyof Jobs]: Awaited<ReturnType<Jobs[Name]>> | { error: string };
} & { tookMs: number };

/**
 * Runs every job in turn. Each gets an equal share of what is left of the budget, so a
 * backlog in one never starves the others, and what one leaves unused goes to the next.
 * Safe to run concurrently (ticks overlap, several instances): every job claims with SKIP
 * LOCKED. A job that throws is reported and the others still run.
 */
export async function tick(
  db: Database,
  config: WhatsAppPlatformConfig,
  options: TickOptions = DEFAULT_TICK_OPTIONS,
): Promise<TickReport> {
  const started = Date.now();
  const end = started + options.budgetMs;
  const names = Object.keys(JOBS) as (keyof Jobs)[];
  const report: Record<string, unknown> = {};
  for (const [index, name] of names.entries()) {
    const remaining = Math.max(0, end - Date.now());
    const deadline = Date.now() + remaining / (names.length - index);
    try {
      report[name] = await JOBS[name]({ db, config, options, deadline });
    } catch (error) {
      console.error(`[tick] ${name} failed`, error);
      report[name] = { error: error instanceof Error ? error.message : String(error) };
    }
  }
  return { ...report, tookMs: Date.now() - started } as TickReport;
}
