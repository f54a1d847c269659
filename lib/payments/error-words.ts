import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { formatMessage } from "@/lib/i18n/messages";
import type { PaymentsErrorKind } from "./configuration-error";
import type { RequestRefundResult } from "./refunds";

type Words = DashboardMessages["paymentErrors"];

/** A store's Stripe configuration error (readPaymentsConfigurationError) in the owner's language. */
export function paymentsErrorWords(
  words: Words,
  error: { kind: PaymentsErrorKind; message: string },
): string {
  if (error.kind === "authentication") return words.authentication;
  if (error.kind === "permission") return words.permission;
  return formatMessage(words.stripe, { message: error.message.replace(/^Stripe: /, "") });
}

/** Why requestRefund did not request a refund, in the owner's language. */
export function refundRefusalWords(
  words: Words,
  result: Extract<RequestRefundResult, { ok: false }>,
  money: (minor: number, currency: string) => string,
): string {
  switch (result.code) {
    case "too_little":
      return words.refundTooLittle;
    case "not_configured":
      return words.notConfigured;
    case "not_found":
      return words.refundNotFound;
    case "not_paid":
      return words.refundNotPaid;
    case "too_much":
      return formatMessage(words.refundTooMuch, {
        amount: money(result.refundableMinor ?? 0, result.currency ?? "USD"),
      });
    default:
      return result.retryable
        ? words.refundRetrying
        : formatMessage(words.stripe, { message: result.message.replace(/^Stripe: /, "") });
  }
}
