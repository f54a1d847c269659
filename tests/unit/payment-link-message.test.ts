import { describe, expect, it } from "vitest";
import { SHOPPER_LANGUAGES } from "@/lib/i18n/languages";
import { orderNumberPrefix } from "@/lib/orders/order-number";
import {
  generatePaymentToken,
  PAYMENT_TOKEN_PATTERN,
  paymentLinkUrl,
} from "@/lib/payments/payment-link";
import { paymentLinkContent } from "@/lib/payments/send-link";

const items = [
  { name: "Uji Matcha", quantity: 2, lineTotalMinor: 6400 },
  { name: "Tea Bowl", quantity: 1, lineTotalMinor: 8800 },
];
const order = { number: "KT-10482", totalMinor: 15200, currency: "JPY", note: null };

describe("the payment link message", () => {
  it.each(SHOPPER_LANGUAGES)("is a cta_url to our /pay link with the total, in %s", (language) => {
    const content = paymentLinkContent(
      { ...order, language },
      items,
      "https://shop.example/pay/abc",
    );
    if (content.type !== "cta_url") throw new Error(content.type);
    expect(content.url).toBe("https://shop.example/pay/abc");
    expect(content.displayText.length).toBeLessThanOrEqual(20);
    expect(content.displayText).toMatch(/15,200/);
    expect(content.body).toContain("KT-10482");
    expect(content.body).toMatch(/2 × Uji Matcha/);
  });

  it("reads 'Pay ¥15,200' in English and puts an agent's note first", () => {
    const content = paymentLinkContent(
      { ...order, language: "en", note: "Gift-wrapped as asked" },
      items,
      "https://x.example/pay/t",
    );
    expect(content).toMatchObject({ type: "cta_url", displayText: "Pay ¥15,200" });
    if (content.type !== "cta_url") throw new Error(content.type);
    expect(content.body.startsWith("Gift-wrapped as asked\n\nOrder KT-10482")).toBe(true);
  });

  it("drops the amount from the button rather than overflow WhatsApp's 20 characters", () => {
    const content = paymentLinkContent(
      { ...order, totalMinor: 1234567890123, language: "en" },
      items,
      "https://x.example/pay/t",
    );
    if (content.type !== "cta_url") throw new Error(content.type);
    expect(content.displayText).toBe("Pay");
  });
});

describe("payment tokens and order numbers", () => {
  it("makes 256-bit base64url tokens that are never repeated", () => {
    const tokens = new Set(Array.from({ length: 1000 }, generatePaymentToken));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(token).toMatch(PAYMENT_TOKEN_PATTERN);
    expect(paymentLinkUrl("https://shop.example", "tok")).toBe("https://shop.example/pay/tok");
  });

  it.each([
    ["Kyoto Tea House", "kyoto-tea", "KT"],
    ["京都茶屋", "kyoto-chaya", "KC"],
    ["抹茶", "matcha", "MC"],
    ["抹茶", "123", "CC"],
  ])("prefixes %s (%s) with %s", (name, slug, prefix) => {
    expect(orderNumberPrefix(name, slug)).toBe(prefix);
  });
});
