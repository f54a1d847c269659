import type Stripe from "stripe";
import type { Order, OrderItem } from "@/db/schema";
import { matchLanguage, type ShopperLanguage } from "@/lib/i18n/languages";
import { CHECKOUT_EXPIRY_MINUTES } from "@/lib/stores/settings";
import { toStripeAmount } from "./amounts";

const STRIPE_LOCALES: Record<ShopperLanguage, Stripe.Checkout.SessionCreateParams.Locale> = {
  en: "en",
  ja: "ja",
  "zh-Hans": "zh",
  ko: "ko",
};

export function stripeLocale(language: string): Stripe.Checkout.SessionCreateParams.Locale {
  return STRIPE_LOCALES[matchLanguage(language) ?? "en"];
}

/**
 * `expires_at` for a session created at `now`: the store's expiry counted from the start of
 * the current minute, so concurrent opens of one link version send identical parameters
 * (Stripe answers a reused idempotency key with different parameters by an error). Kept one
 * minute inside Stripe's 30 min–24 h window on both ends.
 */
export function checkoutExpiresAt(now: Date, expiryMinutes: number): number {
  const minutes = Math.min(
    Math.max(expiryMinutes, CHECKOUT_EXPIRY_MINUTES.min + 1),
    CHECKOUT_EXPIRY_MINUTES.max - 1,
  );
  return Math.floor(now.getTime() / 60_000) * 60 + minutes * 60;
}

export class CheckoutRefusedError extends Error {
  override name = "CheckoutRefusedError";
}

export type CheckoutParamsInput = {
  order: Pick<
    Order,
    | "id"
    | "storeId"
    | "currency"
    | "language"
    | "subtotalMinor"
    | "discountMinor"
    | "totalMinor"
    | "expiresAt"
  >;
  items: Pick<OrderItem, "name" | "unitPriceMinor" | "quantity" | "lineTotalMinor">[];
  token: string;
  origin: string;
  expiryMinutes: number;
  shippingCountries: string[];
  /** The Stripe coupon for the order's discount (checkoutCouponParams); required when it has one. */
  couponId?: string | null;
  now: Date;
};

/** A coupon's name shows on Checkout: the order's discount labels, within Stripe's 40 characters. */
export function couponName(labels: string[]): string {
  const name = labels.join(" + ") || "Discount";
  return name.length > 40 ? `${name.slice(0, 39)}…` : name;
}

/**
 * The one-off coupon that takes an order's discount (redeemed points) off its Checkout
 * Session: an amount in Stripe's units, once, for one redemption. Its idempotency key names
 * the order, the link version and the amount, so concurrent opens make one coupon.
 */
export function checkoutCouponParams(
  order: Pick<Order, "id" | "currency" | "discountMinor" | "discountLines">,
  version: number,
): { params: Stripe.CouponCreateParams; idempotencyKey: string } {
  return {
    params: {
      amount_off: toStripeAmount(order.discountMinor, order.currency),
      currency: order.currency.toLowerCase(),
      duration: "once",
      max_redemptions: 1,
      name: couponName(order.discountLines.map((line) => line.label)),
      metadata: { order_id: order.id },
    },
    idempotencyKey: `coupon:${order.id}:v${version}:${order.discountMinor}`,
  };
}

/**
 * The session's expiry: the store's, but no later than the order's own (redeemed points are
 * held until then), and never inside Stripe's 30-minute minimum.
 */
function sessionExpiresAt(input: CheckoutParamsInput): number {
  const storeExpiry = checkoutExpiresAt(input.now, input.expiryMinutes);
  const orderExpiry = input.order.expiresAt;
  if (!orderExpiry) return storeExpiry;
  const orderMinute = Math.floor(orderExpiry.getTime() / 60_000) * 60;
  return Math.max(checkoutExpiresAt(input.now, 0), Math.min(storeExpiry, orderMinute));
}

/** Stripe charges the line items less the coupon: that must be the order's total. */
export function checkCheckoutSum(
  order: Pick<Order, "discountMinor" | "totalMinor">,
  items: Pick<OrderItem, "unitPriceMinor" | "quantity">[],
): void {
  const sum = items.reduce((total, item) => total + item.unitPriceMinor * item.quantity, 0);
  if (items.length === 0 || sum - order.discountMinor !== order.totalMinor) {
    throw new CheckoutRefusedError(
      "The order's items less its discount do not add up to its total",
    );
  }
}

/** The create parameters (DESIGN §4b); throws CheckoutRefusedError when Stripe's sum would differ. */
export function checkoutSessionParams(
  input: CheckoutParamsInput,
): Stripe.Checkout.SessionCreateParams {
  const { order } = input;
  if (order.discountMinor > 0 && !input.couponId) {
    throw new CheckoutRefusedError("This order's discount has no coupon at Stripe");
  }
  checkCheckoutSum(order, input.items);
  const metadata = { order_id: order.id, store_id: order.storeId };
  const done = (result: string) =>
    new URL(`/pay/${input.token}/done?result=${result}`, input.origin).toString();
  return {
    mode: "payment",
    line_items: input.items.map((item) => ({
      price_data: {
        currency: order.currency.toLowerCase(),
        unit_amount: toStripeAmount(item.unitPriceMinor, order.currency),
        product_data: { name: item.name },
      },
      quantity: item.quantity,
    })),
    client_reference_id: order.id,
    metadata,
    payment_intent_data: { metadata },
    locale: stripeLocale(order.language),
    ...(order.discountMinor > 0 && { discounts: [{ coupon: input.couponId! }] }),
    expires_at: sessionExpiresAt(input),
    shipping_address_collection: {
      allowed_countries:
        input.shippingCountries as Stripe.Checkout.SessionCreateParams.ShippingAddressCollection.AllowedCountry[],
    },
    success_url: done("success"),
    cancel_url: done("cancel"),
  };
}
