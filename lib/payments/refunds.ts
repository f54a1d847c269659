import "server-only";
import type { Database } from "@/db/drivers";
import type { StripePlatformConfig } from "./config";

// Contract for the branch that builds refunds (replaced there; not called on main yet).

export type RequestRefundResult =
  { ok: true; refundId: string } | { ok: false; message: string; retryable: boolean };

/**
 * An owner's refund of a paid order (full when `amountMinor` is the unrefunded rest, else
 * partial), through Stripe's refunds API with an idempotency key. The order itself changes
 * only when `charge.refunded` arrives; until then the order page says "refund requested".
 */
export async function requestRefund(
  _db: Database,
  _input: { storeId: string; orderId: string; amountMinor: number; requestedBy: string },
  _config: StripePlatformConfig,
): Promise<RequestRefundResult> {
  throw new Error("requestRefund: not built yet");
}
