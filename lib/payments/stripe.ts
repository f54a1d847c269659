import "server-only";
import Stripe from "stripe";

/**
 * The one Stripe client module (DESIGN §2, §4b). `apiUrl` is STRIPE_API_URL, parsed into the
 * SDK's host/port/protocol, so tests and local checks reach a fake server on 127.0.0.1
 * through the real SDK. No retries inside the SDK: callers decide (a shopper waiting on
 * /pay gets "try again in a moment"; refunds retry from tick with the same idempotency key).
 */
export function stripeClient(secretKey: string, apiUrl: string): Stripe {
  const url = new URL(apiUrl);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return new Stripe(secretKey, {
    host: url.hostname,
    port: url.port ? Number(url.port) : protocol === "http" ? 80 : 443,
    protocol,
    maxNetworkRetries: 0,
    timeout: 15_000,
    appInfo: { name: "Chatcart" },
  });
}

/** A Stripe failure in words for the dashboard, and whether trying later can help. */
export function describeStripeError(error: unknown): { message: string; retryable: boolean } {
  if (error instanceof Stripe.errors.StripeError) {
    const status = error.statusCode ?? 0;
    const retryable =
      error instanceof Stripe.errors.StripeConnectionError ||
      error instanceof Stripe.errors.StripeAPIError ||
      error instanceof Stripe.errors.StripeRateLimitError ||
      status >= 500 ||
      status === 0;
    if (error instanceof Stripe.errors.StripeAuthenticationError) {
      return {
        message: "Stripe refused the secret key (check it in Settings → Payments)",
        retryable: false,
      };
    }
    if (error instanceof Stripe.errors.StripePermissionError) {
      return {
        message:
          "The Stripe key lacks a permission Chatcart needs (Checkout Sessions write, Refunds write, Events read)",
        retryable: false,
      };
    }
    return { message: `Stripe: ${error.message}`, retryable };
  }
  return { message: error instanceof Error ? error.message : String(error), retryable: true };
}
