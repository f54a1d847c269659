import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import type { StorePayments } from "./config";

/** The events a store's Stripe webhook endpoint must send (the webhook applies these). */
export const STRIPE_WEBHOOK_EVENTS = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
  "charge.refunded",
  "refund.updated",
] as const;

/**
 * Where Stripe should send a store's events: its own endpoint (`?store=<slug>`, verified with
 * the store's signing secret) when it has a webhook secret of its own, else the platform's.
 */
export function stripeWebhookUrl(origin: string, storeSlug: string, ownSecret: boolean): string {
  const url = new URL("/api/webhooks/stripe", origin);
  if (ownSecret) url.searchParams.set("store", storeSlug);
  return url.toString();
}

export type PaymentsModeView = {
  kind: "stripe" | "sandbox" | "unavailable";
  label: string;
  help: string;
};

/** The store's payments mode in the owner's words. */
export function describePaymentsMode(
  payments: StorePayments,
  t: DashboardMessages["payments"],
): PaymentsModeView {
  switch (payments.mode) {
    case "stripe":
      return {
        kind: "stripe",
        label: payments.keySource === "store" ? t.modes.stripeStore : t.modes.stripePlatform,
        help: t.modeHelp.stripe,
      };
    case "sandbox":
      return { kind: "sandbox", label: t.modes.sandbox, help: t.modeHelp.sandbox };
    case "unavailable":
      return { kind: "unavailable", label: t.modes.unavailable, help: t.modeHelp.unavailable };
  }
}
