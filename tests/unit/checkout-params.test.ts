import { describe, expect, it } from "vitest";
import {
  CheckoutRefusedError,
  checkoutExpiresAt,
  checkoutSessionParams,
  stripeLocale,
} from "@/lib/payments/checkout-params";

const order = {
  id: "order-1",
  storeId: "store-1",
  currency: "JPY",
  language: "en",
  subtotalMinor: 9600,
  discountMinor: 0,
  totalMinor: 9600,
};
const items = [{ name: "Uji Matcha", unitPriceMinor: 4800, quantity: 2, lineTotalMinor: 9600 }];
const input = {
  order,
  items,
  token: "t".repeat(43),
  origin: "https://example.test",
  expiryMinutes: 60,
  shippingCountries: ["JP"],
  now: new Date("2026-12-06T12:34:56Z"),
};

describe("Checkout Session parameters", () => {
  it("counts expires_at from the start of the minute, so concurrent opens send the same body", () => {
    const start = Date.parse("2026-12-06T12:34:00Z") / 1000;
    expect(checkoutExpiresAt(new Date("2026-12-06T12:34:56Z"), 60)).toBe(start + 3600);
    expect(checkoutExpiresAt(new Date("2026-12-06T12:34:01Z"), 60)).toBe(start + 3600);
  });

  it("stays a minute inside Stripe's 30 min – 24 h window", () => {
    const now = new Date("2026-12-06T12:34:56Z");
    const start = Date.parse("2026-12-06T12:34:00Z") / 1000;
    expect(checkoutExpiresAt(now, 30)).toBe(start + 31 * 60);
    expect(checkoutExpiresAt(now, 24 * 60)).toBe(start + (24 * 60 - 1) * 60);
  });

  it.each([
    ["en", "en"],
    ["ja", "ja"],
    ["zh-Hans", "zh"],
    ["ko", "ko"],
    ["fr", "en"],
  ])("maps the order's language %s to Checkout's locale %s", (language, locale) => {
    expect(stripeLocale(language)).toBe(locale);
  });

  it("refuses a discounted order: the line items would not add up to the total", () => {
    expect(() =>
      checkoutSessionParams({
        ...input,
        order: { ...order, discountMinor: 500, totalMinor: 9100 },
      }),
    ).toThrow(CheckoutRefusedError);
  });

  it("refuses items that do not add up to the total", () => {
    expect(() =>
      checkoutSessionParams({ ...input, order: { ...order, totalMinor: 9700 } }),
    ).toThrow(/do not add up/);
  });
});
