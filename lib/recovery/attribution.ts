import "server-only";
import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import {
  carts,
  events,
  messages,
  type Order,
  orders,
  recoveries,
  recoverySteps,
} from "@/db/schema";
import { EVENT_TYPES } from "@/lib/analytics/event-types";
import { loadRecoveryProgram } from "./program";
import { cancelOpenSteps } from "./start";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Called in the payment's transaction right after an order becomes paid (DESIGN §4d). The
 * order is recovered when a reminder for its cart or order was delivered (or read) before
 * the payment and within the store's attribution window: it is attributed to the last such
 * step, once (the recovery moves from not-recovered to recovered under its row lock), and the
 * attribution is stored on the order so reports read it, never re-derive it. A recovery of
 * this cart or order that is still going and did not earn the payment stops as `paid`.
 */
export async function attributeRecovery(tx: Database, paid: Order, now: Date): Promise<void> {
  const paidAt = paid.paidAt ?? now;
  const candidates = await tx
    .select()
    .from(recoveries)
    .where(
      and(
        eq(recoveries.storeId, paid.storeId),
        inArray(recoveries.status, ["active", "stopped", "lost"]),
        paid.cartId
          ? or(eq(recoveries.orderId, paid.id), eq(recoveries.cartId, paid.cartId))
          : eq(recoveries.orderId, paid.id),
      ),
    )
    .orderBy(desc(recoveries.abandonedAt))
    .for("update");
  if (candidates.length === 0) return;
  const program = await loadRecoveryProgram(tx, paid.storeId);
  const windowMs = (program?.settings.attributionDays ?? 5) * DAY_MS;
  for (const recovery of candidates) {
    const deliveredAt = sql`coalesce(${messages.deliveredAt}, ${messages.readAt})`;
    const [step] = await tx
      .select({ step: recoverySteps.step, deliveredAt: sql<Date | string>`${deliveredAt}` })
      .from(recoverySteps)
      .innerJoin(messages, eq(messages.id, recoverySteps.messageId))
      .where(
        and(
          eq(recoverySteps.recoveryId, recovery.id),
          eq(recoverySteps.status, "sent"),
          inArray(messages.status, ["delivered", "read"]),
          sql`${deliveredAt} <= ${paidAt}`,
        ),
      )
      .orderBy(desc(recoverySteps.step))
      .limit(1);
    const delivered = step ? new Date(step.deliveredAt) : null;
    if (step && delivered && paidAt.getTime() - delivered.getTime() <= windowMs) {
      await recover(tx, paid, recovery.id, recovery.cartId, step.step, paidAt, now);
      return;
    }
  }
  for (const recovery of candidates.filter((row) => row.status === "active")) {
    await tx
      .update(recoveries)
      .set({ status: "stopped", stopReason: "paid", endedAt: now, updatedAt: now })
      .where(eq(recoveries.id, recovery.id));
    await cancelOpenSteps(tx, recovery.id, "paid", now);
  }
}

async function recover(
  tx: Database,
  paid: Order,
  recoveryId: string,
  cartId: string | null,
  step: number,
  paidAt: Date,
  now: Date,
) {
  await tx
    .update(recoveries)
    .set({
      status: "recovered",
      recoveredOrderId: paid.id,
      recoveredStep: step,
      recoveredAt: paidAt,
      endedAt: now,
      updatedAt: now,
    })
    .where(eq(recoveries.id, recoveryId));
  await cancelOpenSteps(tx, recoveryId, "paid", now);
  await tx.update(orders).set({ recoveryId, recoveryStep: step }).where(eq(orders.id, paid.id));
  const cart = paid.cartId ?? cartId;
  if (cart) {
    await tx
      .update(carts)
      .set({ status: "recovered" })
      .where(and(eq(carts.id, cart), eq(carts.storeId, paid.storeId)));
  }
  await tx.insert(events).values({
    storeId: paid.storeId,
    type: EVENT_TYPES.cartRecovered,
    source: paid.source,
    customerId: paid.customerId,
    orderId: paid.id,
    properties: {
      recoveryId,
      step,
      amountMinor: paid.totalMinor,
      currency: paid.currency,
      cartId: cart,
    },
    createdAt: now,
  });
}
