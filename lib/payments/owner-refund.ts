import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { refunds } from "@/db/schema";
import { whatsappPlatformConfig } from "@/lib/whatsapp/platform-config";
import { resolveStorePayments, stripePlatformConfig } from "./config";
import { type RequestRefundResult, requestRefund } from "./refunds";
import { deliverSandboxRefundEvent } from "./sandbox-checkout";

type RefundInput = { storeId: string; orderId: string; amountMinor: number; requestedBy: string };

/**
 * The dashboard's Refund: asks Stripe (lib/payments/refunds.ts). In sandbox mode nobody else
 * would send the `charge.refunded` event, so the test checkout's signer delivers it through
 * the webhook path, as Stripe would — the order changes there, never here.
 */
export async function refundFromDashboard(
  db: Database,
  input: RefundInput,
): Promise<RequestRefundResult> {
  const stripe = stripePlatformConfig();
  const result = await requestRefund(db, input, stripe);
  if (!result.ok) return result;
  const payments = await resolveStorePayments(db, input.storeId, stripe);
  if (payments.mode !== "sandbox") return result;
  const [row] = await db
    .select()
    .from(refunds)
    .where(and(eq(refunds.id, result.refundId), eq(refunds.storeId, input.storeId)));
  if (row?.status === "requested" && row.stripeRefundId) {
    await deliverSandboxRefundEvent(
      db,
      {
        storeId: input.storeId,
        orderId: input.orderId,
        paymentIntentId: row.paymentIntentId,
        amountMinor: row.amountMinor,
        refundId: row.stripeRefundId,
      },
      { stripe, whatsapp: whatsappPlatformConfig() },
    );
  }
  return result;
}
