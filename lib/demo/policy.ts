import type { DatabaseEnv } from "@/lib/env";

/** Demo data only: printed at start-up, on the sign-in page of a demo and in the README. */
export const DEMO_OWNER = { email: "owner@demo.chatcart.dev", password: "chatcart-demo" } as const;

/**
 * Whether this deployment runs the demo store (seeded with a published password, and shown
 * on the sign-in page). Only on the embedded database, and in production only when the
 * operator asks for it with SEED_DEMO=1: a plain `next start` without DATABASE_URL must not
 * hand the world an owner account.
 */
export function isDemoEnabled(
  config: Pick<DatabaseEnv, "DATABASE_URL" | "NODE_ENV" | "SEED_DEMO">,
): boolean {
  if (config.DATABASE_URL) return false;
  return config.NODE_ENV !== "production" || config.SEED_DEMO;
}
