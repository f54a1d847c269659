import "server-only";
import { and, desc, eq, gt } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { checkoutSessions, events, storeCredentials } from "@/db/schema";
import { EVENT_TYPES } from "@/lib/analytics/event-types";
import { describeStripeError } from "./stripe";

/** What kind of fix a Stripe refusal needs, so the dashboard can say it in the owner's language. */
export type PaymentsErrorKind = "authentication" | "permission" | "stripe";

/** describeStripeError plus the kind: 401 → authentication, 403 → permission. */
export function describePaymentsError(error: unknown): {
  message: string;
  retryable: boolean;
  errorKind: PaymentsErrorKind;
} {
  const status = (error as { statusCode?: number } | null)?.statusCode;
  const errorKind = status === 401 ? "authentication" : status === 403 ? "permission" : "stripe";
  return { ...describeStripeError(error), errorKind };
}

/**
 * Stripe refused a call for a reason only the owner can fix (a bad key, a missing
 * permission, a setting Stripe rejects). Kept as an events row — append-only, so recording
 * it never races a settings save — and shown in the dashboard until something proves it
 * fixed: a later Checkout Session, or a new Stripe key.
 */
export async function recordPaymentsConfigurationError(
  db: Database,
  input: {
    storeId: string;
    message: string;
    errorKind?: PaymentsErrorKind;
    operation: string;
    orderId?: string;
    at: Date;
  },
): Promise<void> {
  await db.insert(events).values({
    storeId: input.storeId,
    type: EVENT_TYPES.paymentsError,
    orderId: input.orderId ?? null,
    properties: {
      message: input.message,
      kind: input.errorKind ?? "stripe",
      operation: input.operation,
    },
    createdAt: input.at,
  });
}

export type PaymentsConfigurationError = { message: string; kind: PaymentsErrorKind; at: Date };

/** The store's current Stripe configuration error in words, or null when there is none. */
export async function readPaymentsConfigurationError(
  db: Database,
  storeId: string,
): Promise<PaymentsConfigurationError | null> {
  const [latest] = await db
    .select({ properties: events.properties, at: events.createdAt })
    .from(events)
    .where(and(eq(events.storeId, storeId), eq(events.type, EVENT_TYPES.paymentsError)))
    .orderBy(desc(events.createdAt), desc(events.id))
    .limit(1);
  if (!latest) return null;
  const [session] = await db
    .select({ id: checkoutSessions.id })
    .from(checkoutSessions)
    .where(and(eq(checkoutSessions.storeId, storeId), gt(checkoutSessions.createdAt, latest.at)))
    .limit(1);
  if (session) return null;
  const [newKey] = await db
    .select({ name: storeCredentials.name })
    .from(storeCredentials)
    .where(
      and(
        eq(storeCredentials.storeId, storeId),
        eq(storeCredentials.name, "stripe_secret_key"),
        gt(storeCredentials.updatedAt, latest.at),
      ),
    )
    .limit(1);
  if (newKey) return null;
  const { message, kind } = latest.properties;
  return {
    message: typeof message === "string" ? message : "Stripe refused a request",
    kind: kind === "authentication" || kind === "permission" ? kind : "stripe",
    at: latest.at,
  };
}
