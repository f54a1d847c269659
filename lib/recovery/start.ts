import "server-only";
import { and, eq, gte, inArray, or, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { events, recoveries, recoverySteps } from "@/db/schema";
import { EVENT_TYPES } from "@/lib/analytics/event-types";
import type { RecoverySettings } from "./settings";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether the customer had a sequence within the store's gap: a recovery abandoned since
 * then that is still going or sent them something (one that stopped before any reminder
 * never reached them, so it does not count).
 */
export async function hadRecentSequence(
  tx: Database,
  input: { storeId: string; customerId: string; gapDays: number; now: Date },
): Promise<boolean> {
  const since = new Date(input.now.getTime() - input.gapDays * DAY_MS);
  const [row] = await tx
    .select({ id: recoveries.id })
    .from(recoveries)
    .where(
      and(
        eq(recoveries.storeId, input.storeId),
        eq(recoveries.customerId, input.customerId),
        gte(recoveries.abandonedAt, since),
        or(
          eq(recoveries.status, "active"),
          sql`exists (select 1 from ${recoverySteps} s where s.recovery_id = ${recoveries.id} and s.status = 'sent')`,
        ),
      ),
    )
    .limit(1);
  return Boolean(row);
}

export type StartRecoveryInput = {
  storeId: string;
  customerId: string;
  cartId: string | null;
  orderId: string | null;
  valueMinor: number;
  currency: string;
  settings: RecoverySettings;
  now: Date;
};

/**
 * A recovery with its steps scheduled at abandonment + each step's delay, and the
 * `cart_abandoned` event, in the caller's transaction. Null when the cart or order already
 * has an active recovery (the partial unique indexes decide, not a prior read).
 */
export async function startRecovery(tx: Database, input: StartRecoveryInput) {
  const [recovery] = await tx
    .insert(recoveries)
    .values({
      storeId: input.storeId,
      customerId: input.customerId,
      cartId: input.cartId,
      orderId: input.orderId,
      abandonedAt: input.now,
      valueMinor: input.valueMinor,
      currency: input.currency,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .onConflictDoNothing()
    .returning();
  if (!recovery) return null;
  await tx.insert(recoverySteps).values(
    input.settings.steps.map((step, index) => ({
      storeId: input.storeId,
      recoveryId: recovery.id,
      step: index + 1,
      dueAt: new Date(input.now.getTime() + step.delayMinutes * 60_000),
      createdAt: input.now,
    })),
  );
  return recovery;
}

export async function recordAbandoned(
  tx: Database,
  input: {
    storeId: string;
    customerId: string;
    cartId: string | null;
    orderId: string | null;
    recoveryId: string | null;
    valueMinor: number;
    currency: string;
    now: Date;
  },
) {
  await tx.insert(events).values({
    storeId: input.storeId,
    type: EVENT_TYPES.cartAbandoned,
    customerId: input.customerId,
    orderId: input.orderId,
    properties: {
      cartId: input.cartId,
      recoveryId: input.recoveryId,
      kind: input.cartId && !input.orderId ? "cart" : "order",
      valueMinor: input.valueMinor,
      currency: input.currency,
    },
    createdAt: input.now,
  });
}

/** Ends the recovery's steps not yet decided (a stop, the owner, a payment). */
export async function cancelOpenSteps(
  tx: Database,
  recoveryId: string,
  reason: string,
  now: Date,
): Promise<void> {
  await tx
    .update(recoverySteps)
    .set({ status: "cancelled", reason, decidedAt: now })
    .where(
      and(
        eq(recoverySteps.recoveryId, recoveryId),
        inArray(recoverySteps.status, ["scheduled", "waiting"]),
      ),
    );
}
