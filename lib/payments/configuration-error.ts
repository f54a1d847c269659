import "server-only";
import { and, desc, eq, gt } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { checkoutSessions, events, storeCredentials } from "@/db/schema";
import { EVENT_TYPES } from "@/lib/analytics/event-types";

/**
 * Stripe refused a call for a reason only the owner can fix (a bad key, a missing
 * permission, a setting Stripe rejects). Kept as an events row — append-only, so recording
 * it never races a settings save — and shown in the dashboard until something proves it
 * fixed: a later Checkout Session, or a new Stripe key.
 */
export async function recordPaymentsConfigurationError(
  db: Database,
  input: { storeId: string; message: string; operation: string; orderId?: string; at: Date },
): Promise<void> {
  await db.insert(events).values({
    storeId: input.storeId,
    type: EVENT_TYPES.paymentsError,
    orderId: input.orderId ?? null,
    properties: { message: input.message, operation: input.operation },
    createdAt: input.at,
  });
}

export type PaymentsConfigurationError = { message: string; at: Date };

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
  const message = latest.properties.message;
  return {
    message: typeof message === "string" ? message : "Stripe refused a request",
    at: latest.at,
  };
}
