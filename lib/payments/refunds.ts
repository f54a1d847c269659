import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { orders, type Refund, refunds } from "@/db/schema";
import { toStripeAmount } from "./amounts";
import { resolveStorePayments, type StorePayments, type StripePlatformConfig } from "./config";
import { describePaymentsError, recordPaymentsConfigurationError } from "./configuration-error";
import { stripeClient } from "./stripe";

/** Why a refund was not requested, for the dashboard's words (lib/payments/error-words.ts). */
export type RefundRefusalCode =
  | "too_little"
  | "not_configured"
  | "not_found"
  | "not_paid"
  | "too_much"
  /** Stripe refused it (4xx) or could not be reached (5xx, retryable). */
  | "stripe";

export type RequestRefundResult =
  | { ok: true; refundId: string }
  | {
      ok: false;
      message: string;
      retryable: boolean;
      code?: RefundRefusalCode;
      /** With too_much: what can still be refunded, in minor units. */
      refundableMinor?: number;
      currency?: string;
    };

/** How long a claimed refund is left alone by other ticks while its Stripe call runs. */
const CLAIM_LEASE_MS = 2 * 60_000;
/** After this many failed tries a due refund is marked failed and shown to the owner. */
export const MAX_REFUND_ATTEMPTS = 12;

/** 1, 2, 4 … minutes after each failed try, at most six hours. */
export function refundRetryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
}

type Outcome =
  { status: "requested"; stripeRefundId: string } | { status: "failed" | "due"; error: string };

/** Asks Stripe (or, in sandbox mode, pretends to) for one refund row. Never throws for Stripe errors. */
async function callStripe(
  db: Database,
  row: Refund,
  payments: StorePayments,
  config: StripePlatformConfig,
  now: Date,
): Promise<Outcome> {
  if (payments.mode === "sandbox") {
    return { status: "requested", stripeRefundId: `re_sandbox_${randomBytes(12).toString("hex")}` };
  }
  if (payments.mode === "unavailable") return { status: "failed", error: payments.reason };
  try {
    const refund = await stripeClient(payments.secretKey, config.apiUrl).refunds.create(
      {
        payment_intent: row.paymentIntentId,
        amount: toStripeAmount(row.amountMinor, row.currency),
        metadata: { order_id: row.orderId, store_id: row.storeId, reason: row.reason },
      },
      { idempotencyKey: row.idempotencyKey },
    );
    return { status: "requested", stripeRefundId: refund.id };
  } catch (error) {
    const { message, retryable, errorKind } = describePaymentsError(error);
    if (retryable) return { status: "due", error: message };
    await recordPaymentsConfigurationError(db, {
      storeId: row.storeId,
      orderId: row.orderId,
      message,
      errorKind,
      operation: "create_refund",
      at: now,
    });
    return { status: "failed", error: message };
  }
}

/** Writes what Stripe said; a retryable failure stays due with a backoff (or fails for good). */
async function record(db: Database, row: Refund, outcome: Outcome, now: Date): Promise<Refund> {
  const attempts = row.attempts + 1;
  const giveUp = outcome.status === "due" && attempts >= MAX_REFUND_ATTEMPTS;
  const [updated] = await db
    .update(refunds)
    .set(
      outcome.status === "requested"
        ? {
            status: "requested",
            stripeRefundId: outcome.stripeRefundId,
            attempts,
            lastError: null,
            nextAttemptAt: null,
            updatedAt: now,
          }
        : {
            status: giveUp ? "failed" : outcome.status,
            lastError: outcome.error,
            attempts,
            nextAttemptAt:
              outcome.status === "due" && !giveUp
                ? new Date(now.getTime() + refundRetryDelayMs(attempts))
                : null,
            updatedAt: now,
          },
    )
    .where(and(eq(refunds.id, row.id), eq(refunds.status, "due")))
    .returning();
  return updated ?? row;
}

/**
 * An owner's refund of a paid order (full when `amountMinor` is the unrefunded rest, else
 * partial), through Stripe's refunds API with the idempotency key `refund:<orderId>:<n>`.
 * The row is written (due) and committed first; Stripe is called outside any transaction;
 * a 5xx leaves it due for `runDueRefunds`. The order itself changes only when
 * `charge.refunded` arrives; until then the order page says "refund requested".
 * `refundId` is the refunds row's id.
 */
export async function requestRefund(
  db: Database,
  input: { storeId: string; orderId: string; amountMinor: number; requestedBy: string },
  config: StripePlatformConfig,
): Promise<RequestRefundResult> {
  const now = new Date();
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor < 1) {
    return {
      ok: false,
      retryable: false,
      code: "too_little",
      message: "The refund must be at least the smallest unit",
    };
  }
  const payments = await resolveStorePayments(db, input.storeId, config);
  if (payments.mode === "unavailable")
    return { ok: false, retryable: false, code: "not_configured", message: payments.reason };

  const created = await db.transaction(async (tx) => {
    const [order] = await tx
      .select()
      .from(orders)
      .where(and(eq(orders.id, input.orderId), eq(orders.storeId, input.storeId)))
      .for("update");
    if (!order) return { code: "not_found", error: "Order not found" } as const;
    if (order.status !== "paid" || !order.paymentIntentId)
      return { code: "not_paid", error: "Only a paid order can be refunded" } as const;
    const [pending] = await tx
      .select({
        owner: sql<number>`count(*) filter (where ${refunds.reason} = 'owner')::int`,
        amount: sql<number>`coalesce(sum(${refunds.amountMinor}) filter (where ${refunds.reason} = 'owner' and ${refunds.status} in ('due', 'requested')), 0)::int`,
      })
      .from(refunds)
      .where(eq(refunds.orderId, order.id));
    const refundable = order.totalMinor - order.refundedMinor - (pending?.amount ?? 0);
    if (input.amountMinor > refundable) {
      return {
        code: "too_much",
        error: `At most ${refundable} (minor units) can still be refunded`,
        refundableMinor: refundable,
        currency: order.currency,
      } as const;
    }
    const [row] = await tx
      .insert(refunds)
      .values({
        storeId: order.storeId,
        orderId: order.id,
        reason: "owner",
        paymentIntentId: order.paymentIntentId,
        amountMinor: input.amountMinor,
        currency: order.currency,
        status: "due",
        idempotencyKey: `refund:${order.id}:${(pending?.owner ?? 0) + 1}`,
        requestedBy: input.requestedBy,
        // Left alone by runDueRefunds while this request makes the call itself.
        nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return { row: row! } as const;
  });
  if ("error" in created) {
    const { error, ...refusal } = created;
    return { ok: false, retryable: false, message: error ?? "The refund was refused", ...refusal };
  }

  const recorded = await record(
    db,
    created.row,
    await callStripe(db, created.row, payments, config, now),
    now,
  );
  if (recorded.status === "requested") return { ok: true, refundId: recorded.id };
  return {
    ok: false,
    retryable: recorded.status === "due",
    code: "stripe",
    message: recorded.lastError ?? "Stripe did not accept the refund",
  };
}

export type DueRefundsReport = { requested: number; retrying: number; failed: number };

/** Claims one due refund (FOR UPDATE SKIP LOCKED) and leases it, in a transaction of its own. */
async function claimDueRefund(db: Database, now: Date): Promise<Refund | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(refunds)
      .where(
        and(
          eq(refunds.status, "due"),
          or(isNull(refunds.nextAttemptAt), lte(refunds.nextAttemptAt, now)),
        ),
      )
      .orderBy(asc(refunds.createdAt))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!row) return undefined;
    await tx
      .update(refunds)
      .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) })
      .where(eq(refunds.id, row.id));
    return row;
  });
}

/**
 * Refunds waiting for Stripe: double payments the processor recorded (`double:<payment_intent>`)
 * and owner refunds whose call met a 5xx. Claim → commit → call Stripe → record, one at a time,
 * until none is due or the deadline passes.
 */
export async function runDueRefunds(
  db: Database,
  config: StripePlatformConfig,
  now: Date = new Date(),
  options: { deadline?: number; limit?: number } = {},
): Promise<DueRefundsReport> {
  const report: DueRefundsReport = { requested: 0, retrying: 0, failed: 0 };
  const paymentsByStore = new Map<string, StorePayments>();
  for (let done = 0; done < (options.limit ?? 50); done++) {
    if (options.deadline !== undefined && Date.now() > options.deadline) break;
    const row = await claimDueRefund(db, now);
    if (!row) break;
    let payments = paymentsByStore.get(row.storeId);
    if (!payments) {
      payments = await resolveStorePayments(db, row.storeId, config);
      paymentsByStore.set(row.storeId, payments);
    }
    const recorded = await record(db, row, await callStripe(db, row, payments, config, now), now);
    if (recorded.status === "requested") report.requested += 1;
    else if (recorded.status === "due") report.retrying += 1;
    else report.failed += 1;
  }
  return report;
}

/** The refunds of an order, newest first, for the order page. */
export async function listOrderRefunds(db: Database, storeId: string, orderId: string) {
  return db
    .select()
    .from(refunds)
    .where(and(eq(refunds.storeId, storeId), eq(refunds.orderId, orderId)))
    .orderBy(desc(refunds.createdAt));
}
