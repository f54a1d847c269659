import { describe, expect, it } from "vitest";
import {
  CheckoutRefusedError,
  checkoutCouponParams,
  checkoutExpiresAt,
  checkoutSessionParams,
  couponName,
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
  expiresAt: null as Date | null,
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

  it("refuses a discounted order without its coupon", () => {
    expect(() =>
      checkoutSessionParams({
        ...input,
        order: { ...order, discountMinor: 500, totalMinor: 9100 },
      }),
    ).toThrow(CheckoutRefusedError);
  });

  it("takes a discount off through the coupon, when items less the discount make the total", () => {
    const params = checkoutSessionParams({
      ...input,
      order: { ...order, discountMinor: 500, totalMinor: 9100 },
      couponId: "coupon_1",
    });
    expect(params.discounts).toEqual([{ coupon: "coupon_1" }]);
    expect(params.line_items?.[0]?.price_data?.unit_amount).toBe(4800);
    expect(() =>
      checkoutSessionParams({
        ...input,
        order: { ...order, discountMinor: 500, totalMinor: 9600 },
        couponId: "coupon_1",
      }),
    ).toThrow(/do not add up/);
  });

  it("makes a one-off coupon in Stripe's units, keyed by order, version and amount", () => {
    const { params, idempotencyKey } = checkoutCouponParams(
      {
        id: "order-1",
        currency: "USD",
        discountMinor: 480,
        discountLines: [{ kind: "loyalty", label: "Kyoto Tea Points", amountMinor: 480 }],
      },
      3,
    );
    expect(params).toMatchObject({
      amount_off: 480,
      currency: "usd",
      duration: "once",
      max_redemptions: 1,
      name: "Kyoto Tea Points",
    });
    expect(idempotencyKey).toBe("coupon:order-1:v3:480");
    expect(couponName(["x".repeat(50)])).toHaveLength(40);
  });

  it("ends the session no later than the order's own expiry, but not inside Stripe's minimum", () => {
    const now = new Date("2026-12-06T12:34:56Z");
    const start = Date.parse("2026-12-06T12:34:00Z") / 1000;
    const soon = { ...order, expiresAt: new Date(now.getTime() + 10 * 60_000) };
    expect(checkoutSessionParams({ ...input, order: soon }).expires_at).toBe(start + 31 * 60);
    const later = { ...order, expiresAt: new Date("2026-12-06T13:10:30Z") };
    expect(checkoutSessionParams({ ...input, order: later }).expires_at).toBe(
      Date.parse("2026-12-06T13:10:00Z") / 1000,
    );
    const far = { ...order, expiresAt: new Date(now.getTime() + 48 * 3600_000) };
    expect(checkoutSessionParams({ ...input, order: far }).expires_at).toBe(start + 3600);
  });

  it("refuses items that do not add up to the total", () => {
    expect(() =>
      checkoutSessionParams({ ...input, order: { ...order, totalMinor: 9700 } }),
    ).toThrow(/do not add up/);
  });
});
