import "server-only";
import { and, asc, count, desc, eq, gte, inArray, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Database } from "@/db/drivers";
import {
  customers,
  messages,
  orders,
  recoveries,
  recoveryStatus,
  recoverySteps,
  type RecoveryStatus,
} from "@/db/schema";
import type { AnalyticsWindow } from "@/lib/analytics/range";
import { maskPhone } from "@/lib/loyalty/members";
import { formatPhoneNumber } from "@/lib/stores/profile-schema";
import {
  type RecoveryOutcome,
  recoveryOutcome,
  type RecoveryStepState,
  recoveryStepState,
} from "./step-state";

export const RECOVERY_LIST_PAGE_SIZE = 25;

/** The list's filters in the URL; anything unusable is ignored. */
export const recoveryListQuerySchema = z.object({
  status: z.enum(recoveryStatus.enumValues).optional().catch(undefined),
  /** `range`: only carts abandoned in the page's period; otherwise every one, newest first. */
  abandoned: z.enum(["range"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type RecoveryListQuery = z.output<typeof recoveryListQuerySchema>;

export type RecoveryListRow = {
  id: string;
  status: RecoveryStatus;
  customerName: string | null;
  /** Masked: the full number stays in the inbox. */
  phone: string | null;
  valueMinor: number;
  currency: string;
  abandonedAt: Date;
  /** The order being recovered or the one that paid, for a link to its page. */
  orderNumber: string | null;
  steps: { step: number; channel: string | null; state: RecoveryStepState }[];
  outcome: RecoveryOutcome;
};

export type RecoveryList = {
  rows: RecoveryListRow[];
  total: number;
  page: number;
  pageCount: number;
};

/**
 * One page of a store's recoveries, newest first, with each step's state (its message's
 * delivery when it was sent) and the outcome. Three queries, each filtered by store first.
 */
export async function listRecoveries(
  db: Database,
  storeId: string,
  query: RecoveryListQuery,
  window: AnalyticsWindow,
): Promise<RecoveryList> {
  const where = and(
    eq(recoveries.storeId, storeId),
    query.status ? eq(recoveries.status, query.status) : undefined,
    query.abandoned === "range" ? gte(recoveries.abandonedAt, window.start) : undefined,
    query.abandoned === "range" ? lt(recoveries.abandonedAt, window.end) : undefined,
  );
  const [{ total } = { total: 0 }] = await db
    .select({ total: count() })
    .from(recoveries)
    .where(where);
  const pageCount = Math.max(1, Math.ceil(total / RECOVERY_LIST_PAGE_SIZE));
  const page = Math.min(query.page ?? 1, pageCount);
  const recoveredOrder = alias(orders, "recovered_order");
  const openOrder = alias(orders, "open_order");
  const rows = await db
    .select({
      recovery: recoveries,
      customerName: customers.name,
      phone: customers.phone,
      waId: customers.waId,
      recoveredNumber: recoveredOrder.number,
      recoveredTotal: recoveredOrder.totalMinor,
      recoveredRefunded: recoveredOrder.refundedMinor,
      recoveredCurrency: recoveredOrder.currency,
      openNumber: openOrder.number,
    })
    .from(recoveries)
    .innerJoin(
      customers,
      and(eq(customers.id, recoveries.customerId), eq(customers.storeId, recoveries.storeId)),
    )
    .leftJoin(
      recoveredOrder,
      and(
        eq(recoveredOrder.id, recoveries.recoveredOrderId),
        eq(recoveredOrder.storeId, recoveries.storeId),
      ),
    )
    .leftJoin(
      openOrder,
      and(eq(openOrder.id, recoveries.orderId), eq(openOrder.storeId, recoveries.storeId)),
    )
    .where(where)
    .orderBy(desc(recoveries.abandonedAt), desc(recoveries.id))
    .limit(RECOVERY_LIST_PAGE_SIZE)
    .offset((page - 1) * RECOVERY_LIST_PAGE_SIZE);
  const ids = rows.map((row) => row.recovery.id);
  const stepRows = ids.length
    ? await db
        .select({
          step: recoverySteps,
          message: {
            status: messages.status,
            errorCode: messages.errorCode,
            errorReason: messages.errorReason,
            sentAt: messages.sentAt,
            deliveredAt: messages.deliveredAt,
            readAt: messages.readAt,
            failedAt: messages.failedAt,
          },
        })
        .from(recoverySteps)
        .leftJoin(
          messages,
          and(eq(messages.id, recoverySteps.messageId), eq(messages.storeId, storeId)),
        )
        .where(and(eq(recoverySteps.storeId, storeId), inArray(recoverySteps.recoveryId, ids)))
        .orderBy(asc(recoverySteps.recoveryId), asc(recoverySteps.step))
    : [];
  return {
    total,
    page,
    pageCount,
    rows: rows.map((row): RecoveryListRow => {
      const { recovery } = row;
      // WhatsApp's id is the number in digits when no phone was stored separately.
      const phone = row.phone ?? (row.waId ? `+${row.waId}` : null);
      const recoveredMinor =
        row.recoveredTotal === null ? null : row.recoveredTotal - (row.recoveredRefunded ?? 0);
      return {
        id: recovery.id,
        status: recovery.status,
        customerName: row.customerName,
        phone: phone ? maskPhone(formatPhoneNumber(phone)) : null,
        valueMinor: recovery.valueMinor,
        currency: recovery.currency,
        abandonedAt: recovery.abandonedAt,
        orderNumber: row.recoveredNumber ?? row.openNumber,
        steps: stepRows
          .filter(({ step }) => step.recoveryId === recovery.id)
          .map(({ step, message }) => ({
            step: step.step,
            channel: step.channel,
            state: recoveryStepState(step, message?.status ? message : null),
          })),
        outcome: recoveryOutcome(recovery, {
          amountMinor: recoveredMinor,
          currency: row.recoveredCurrency ?? recovery.currency,
        }),
      };
    }),
  };
}
