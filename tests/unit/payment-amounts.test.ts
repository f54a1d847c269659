import { describe, expect, it } from "vitest";
import {
  fromStripeAmount,
  stripeCurrencyDigits,
  toStripeAmount,
  UnsupportedAmountError,
} from "@/lib/payments/amounts";

describe("Stripe amounts per currency", () => {
  it.each([
    // currency, order minor units, Stripe's amount, Stripe's decimals
    ["JPY", 4800, 4800, 0], // ¥4,800: zero-decimal, whole yen
    ["KRW", 35000, 35000, 0], // ₩35,000
    ["USD", 1250, 1250, 2], // $12.50 in cents
    ["EUR", 999, 999, 2], // €9.99 in cents
    ["ISK", 500, 50000, 2], // kr500: 0 decimals in ISO, Stripe counts hundredths
    ["KWD", 1250, 1250, 3], // 1.250 KD in fils
  ])("%s: %i minor units are %i for Stripe", (currency, minor, stripe, digits) => {
    expect(stripeCurrencyDigits(currency)).toBe(digits);
    expect(toStripeAmount(minor, currency)).toBe(stripe);
    expect(fromStripeAmount(stripe, currency)).toBe(minor);
  });

  it("accepts lower-case codes as Stripe sends them", () => {
    expect(toStripeAmount(4800, "jpy")).toBe(4800);
    expect(fromStripeAmount(50000, "isk")).toBe(500);
    expect(stripeCurrencyDigits("krw")).toBe(0);
  });

  it("refuses amounts that are not whole, negative or unsafe", () => {
    expect(() => toStripeAmount(12.5, "USD")).toThrow(UnsupportedAmountError);
    expect(() => toStripeAmount(-1, "JPY")).toThrow(UnsupportedAmountError);
    expect(() => toStripeAmount(Number.MAX_SAFE_INTEGER + 1, "USD")).toThrow(
      UnsupportedAmountError,
    );
    expect(fromStripeAmount(-100, "USD")).toBeNull();
    expect(fromStripeAmount(1.5, "JPY")).toBeNull();
  });

  it("returns null for a Stripe ISK amount that is not whole krónur", () => {
    expect(fromStripeAmount(50050, "ISK")).toBeNull();
  });

  it("round-trips zero", () => {
    for (const currency of ["JPY", "KRW", "USD", "EUR", "ISK", "KWD"]) {
      expect(toStripeAmount(0, currency)).toBe(0);
      expect(fromStripeAmount(0, currency)).toBe(0);
    }
  });
});
