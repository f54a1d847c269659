import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { checkoutSessions, type Order, orders, recoverySteps } from "@/db/schema";
import { addDiscountLine, lockOrder } from "@/lib/orders/discount";
import { type Incentive, incentiveAmountMinor } from "./settings";

export const RECOVERY_DISCOUNT_KIND = "recovery";

/** What a step's `incentive` column records: the offer, and what became of it. */
export type IncentiveRecord = Incentive & {
  status: "applied" | "refused" | "withdrawn";
  reason?: string;
  orderId: string;
  amountMinor?: number;
  appliedAt: string;
  expiresAt?: string;
  withdrawnAt?: string;
};

/** Whether the order carries a recovery offer (cheap: no query). */
export function hasRecoveryOffer(order: Pick<Order, "discountLines">): boolean {
  return order.discountLines.some((line) => line.kind === RECOVERY_DISCOUNT_KIND);
}

function referenceOf(recoveryId: string, step: number): string {
  return `recovery:${recoveryId}:${step}`;
}

function parseReference(reference: string | undefined) {
  const match = /^recovery:([0-9a-f-]{36}):(\d+)$/.exec(reference ?? "");
  return match ? { recoveryId: match[1]!, step: Number(match[2]) } : null;
}

/**
 * Takes the step's offer off the order as a discount line, once: the line's reference names
 * the recovery and step, and an order that already carries a recovery discount gets no
 * second one. The offer holds for `validHours`; after that withdrawExpiredIncentive takes it
 * back off before the order is paid (the expiry lives in the step's record, not on the
 * order: `orders.expires_at` cancels the order, and the shopper may still pay full price).
 */
export async function applyIncentive(
  tx: Database,
  input: { order: Order; recoveryId: string; step: number; incentive: Incentive; now: Date },
): Promise<{ order: Order; record: IncentiveRecord }> {
  const { order, incentive, now } = input;
  const base = { ...incentive, orderId: order.id, appliedAt: now.toISOString() };
  const existing = order.discountLines.find((line) => line.kind === RECOVERY_DISCOUNT_KIND);
  if (existing) {
    return { order, record: { ...base, status: "refused", reason: "already_discounted" } };
  }
  const amountMinor = incentiveAmountMinor(incentive, order.totalMinor);
  if (amountMinor <= 0) {
    return { order, record: { ...base, status: "refused", reason: "too_small" } };
  }
  const added = await addDiscountLine(tx, {
    storeId: order.storeId,
    orderId: order.id,
    line: {
      kind: RECOVERY_DISCOUNT_KIND,
      label: incentive.kind === "percent" ? `${incentive.percent}%` : "offer",
      amountMinor,
      reference: referenceOf(input.recoveryId, input.step),
    },
    now,
  });
  if (!added.ok) return { order, record: { ...base, status: "refused", reason: added.reason } };
  const expiresAt = new Date(now.getTime() + incentive.validHours * 3_600_000);
  return {
    order: added.order,
    record: { ...base, status: "applied", amountMinor, expiresAt: expiresAt.toISOString() },
  };
}

/**
 * Takes an expired recovery offer back off a pending order (its total returns to the full
 * price), in the caller's transaction. Left alone while a Checkout Session is open: it was
 * made for the discounted total when the offer still held. Returns the order as it is now.
 */
export async function withdrawExpiredIncentive(
  tx: Database,
  order: Order,
  now: Date,
): Promise<Order> {
  const lines = order.discountLines.filter((line) => line.kind === RECOVERY_DISCOUNT_KIND);
  if (lines.length === 0 || order.status !== "pending") return order;
  const expired: { reference: string; amountMinor: number; stepId: string }[] = [];
  for (const line of lines) {
    const ref = parseReference(line.reference);
    if (!ref) continue;
    const [step] = await tx
      .select({ id: recoverySteps.id, incentive: recoverySteps.incentive })
      .from(recoverySteps)
      .where(
        and(
          eq(recoverySteps.storeId, order.storeId),
          eq(recoverySteps.recoveryId, ref.recoveryId),
          eq(recoverySteps.step, ref.step),
        ),
      );
    const record = step?.incentive as IncentiveRecord | null | undefined;
    if (!step || !record?.expiresAt || new Date(record.expiresAt) > now) continue;
    expired.push({ reference: line.reference!, amountMinor: line.amountMinor, stepId: step.id });
  }
  if (expired.length === 0) return order;
  const locked = await lockOrder(tx, order.storeId, order.id);
  if (!locked || locked.status !== "pending" || locked.awaitingAsyncPaymentAt) {
    return locked ?? order;
  }
  const [open] = await tx
    .select({ id: checkoutSessions.id })
    .from(checkoutSessions)
    .where(and(eq(checkoutSessions.orderId, order.id), eq(checkoutSessions.status, "open")))
    .limit(1);
  if (open) return locked;
  const gone = new Set(expired.map((line) => line.reference));
  const kept = locked.discountLines.filter((line) => !gone.has(line.reference ?? ""));
  const removed = locked.discountLines
    .filter((line) => gone.has(line.reference ?? ""))
    .reduce((sum, line) => sum + line.amountMinor, 0);
  const [updated] = await tx
    .update(orders)
    .set({
      discountLines: kept,
      discountMinor: locked.discountMinor - removed,
      totalMinor: locked.totalMinor + removed,
      updatedAt: now,
    })
    .where(eq(orders.id, locked.id))
    .returning();
  for (const line of expired) {
    await tx
      .update(recoverySteps)
      .set({
        incentive: sql`${recoverySteps.incentive} || ${JSON.stringify({
          status: "withdrawn",
          withdrawnAt: now.toISOString(),
        })}::jsonb`,
      })
      .where(eq(recoverySteps.id, line.stepId));
  }
  return updated!;
}
