import { currencyDigits } from "@/lib/money/format";

/**
 * Stripe's amounts are integers in the currency's smallest unit as Stripe counts it, which
 * is ISO 4217's minor unit except for a few currencies Stripe treats differently. Orders
 * keep ISO minor units (lib/money); this is the one place that converts.
 * https://docs.stripe.com/currencies#zero-decimal and #special-cases
 */
const STRIPE_ZERO_DECIMAL = new Set([
  "BIF",
  "CLP",
  "DJF",
  "GNF",
  "JPY",
  "KMF",
  "KRW",
  "MGA",
  "PYG",
  "RWF",
  "UGX",
  "VND",
  "VUV",
  "XAF",
  "XOF",
  "XPF",
]);
const STRIPE_THREE_DECIMAL = new Set(["BHD", "JOD", "KWD", "OMR", "TND"]);

/** Decimal places Stripe uses for `currency` (ISK: 0 in ISO, 2 for Stripe). */
export function stripeCurrencyDigits(currency: string): number {
  const code = currency.toUpperCase();
  if (STRIPE_ZERO_DECIMAL.has(code)) return 0;
  if (STRIPE_THREE_DECIMAL.has(code)) return 3;
  return 2;
}

export class UnsupportedAmountError extends Error {
  override name = "UnsupportedAmountError";
}

/** (4800, "JPY") → 4800; (1250, "USD") → 1250; (500, "ISK") → 50000. */
export function toStripeAmount(minor: number, currency: string): number {
  if (!Number.isSafeInteger(minor) || minor < 0) {
    throw new UnsupportedAmountError(`${minor} is not a non-negative whole amount`);
  }
  const shift = stripeCurrencyDigits(currency) - currencyDigits(currency.toUpperCase());
  if (shift >= 0) return minor * 10 ** shift;
  const factor = 10 ** -shift;
  if (minor % factor !== 0) {
    throw new UnsupportedAmountError(`${minor} ${currency} cannot be charged exactly`);
  }
  return minor / factor;
}

/** The inverse: Stripe's amount back to ISO minor units; null when it is not whole. */
export function fromStripeAmount(amount: number, currency: string): number | null {
  if (!Number.isSafeInteger(amount) || amount < 0) return null;
  const shift = stripeCurrencyDigits(currency) - currencyDigits(currency.toUpperCase());
  if (shift <= 0) return amount * 10 ** -shift;
  const factor = 10 ** shift;
  return amount % factor === 0 ? amount / factor : null;
}
