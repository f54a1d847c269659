import "server-only";
import { env } from "@/lib/env";
import { stripePlatformConfig } from "@/lib/payments/config";
import type { TickOptions } from "./tick";

/** The deployment's tick budget and retention (TICK_BUDGET_MS, RETENTION_*_DAYS). */
export function tickOptionsFromEnv(): TickOptions {
  const settings = env();
  return {
    budgetMs: settings.TICK_BUDGET_MS,
    retention: {
      webhookDays: settings.RETENTION_WEBHOOK_DAYS,
      outboxDays: settings.RETENTION_OUTBOX_DAYS,
      eventsDays: settings.RETENTION_EVENTS_DAYS,
    },
    stripe: stripePlatformConfig(),
  };
}
