import { describe, expect, it } from "vitest";
import { dashboardMessagesFor } from "@/lib/dashboard-i18n/messages";
import { formatMoney } from "@/lib/money/format";
import { paymentsErrorWords, refundRefusalWords } from "@/lib/payments/error-words";

const en = dashboardMessagesFor("en").paymentErrors;
const ja = dashboardMessagesFor("ja").paymentErrors;

describe("payment errors in the owner's language", () => {
  it("names a refused key and a missing permission without Stripe's English", () => {
    expect(paymentsErrorWords(ja, { kind: "authentication", message: "x" })).toContain(
      "シークレットキー",
    );
    expect(paymentsErrorWords(en, { kind: "permission", message: "x" })).toContain(
      "Refunds (write)",
    );
    expect(
      paymentsErrorWords(en, { kind: "stripe", message: "Stripe: Currency not supported" }),
    ).toBe("Stripe refused a request: Currency not supported");
  });

  it("says how much can still be refunded, formatted in the order's currency", () => {
    const money = (minor: number, currency: string) => formatMoney(minor, currency, "ja");
    const words = refundRefusalWords(
      ja,
      {
        ok: false,
        retryable: false,
        code: "too_much",
        message: "At most 4800",
        refundableMinor: 4800,
        currency: "JPY",
      },
      money,
    );
    expect(words).toBe(`返金できるのは最大${formatMoney(4800, "JPY", "ja")}です。`);
    expect(
      refundRefusalWords(
        en,
        { ok: false, retryable: true, code: "stripe", message: "down" },
        money,
      ),
    ).toBe(en.refundRetrying);
    expect(
      refundRefusalWords(en, { ok: false, retryable: false, code: "not_paid", message: "" }, money),
    ).toBe("Only a paid order can be refunded.");
  });
});
