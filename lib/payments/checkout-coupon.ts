import "server-only";
import type Stripe from "stripe";
import type { Order } from "@/db/schema";
import { UnsupportedAmountError } from "./amounts";
import { checkoutCouponParams } from "./checkout-params";
import type { EnsureSessionResult } from "./checkout-session";
import { describePaymentsError } from "./configuration-error";

/**
 * The order's discount as a one-off Stripe coupon, made before its session (one per link
 * version; a replay of the idempotency key answers with the same coupon).
 */
export async function createCheckoutCoupon(
  stripe: Stripe,
  order: Order,
  version: number,
): Promise<{ ok: true; id: string } | Extract<EnsureSessionResult, { ok: false }>> {
  let request: ReturnType<typeof checkoutCouponParams>;
  try {
    request = checkoutCouponParams(order, version);
  } catch (error) {
    if (error instanceof UnsupportedAmountError) {
      return { ok: false, retryable: false, message: error.message };
    }
    throw error;
  }
  try {
    const coupon = await stripe.coupons.create(request.params, {
      idempotencyKey: request.idempotencyKey,
    });
    return { ok: true, id: coupon.id };
  } catch (error) {
    if ((error as { rawType?: string }).rawType === "idempotency_error") {
      return { ok: false, retryable: true, message: "Another open of this link is still under way" };
    }
    const described = describePaymentsError(error);
    return { ok: false, ...described, stripeRefused: !described.retryable };
  }
}
