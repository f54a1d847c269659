import { describe, expect, it } from "vitest";
import { currencyDigits, formatMoney } from "@/lib/money/format";

describe("money formatting", () => {
  it("knows each currency's minor units", () => {
    expect(currencyDigits("JPY")).toBe(0);
    expect(currencyDigits("USD")).toBe(2);
    expect(currencyDigits("KWD")).toBe(3);
  });

  it("formats integer minor units without floating-point drift", () => {
    expect(formatMoney(280000, "JPY", "en")).toBe("¥280,000");
    expect(formatMoney(1999, "USD", "en")).toBe("$19.99");
    expect(formatMoney(10, "USD", "en")).toBe("$0.10");
  });
});
