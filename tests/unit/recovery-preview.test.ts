import { describe, expect, it } from "vitest";
import { type PreviewSample, previewStep, sampleLines } from "@/lib/recovery/preview";
import { defaultRecoverySettings, type RecoveryStepSettings } from "@/lib/recovery/settings";

const sample: PreviewSample = {
  lines: sampleLines(
    [
      { priceMinor: 3200, names: { en: "Matcha", ja: "抹茶" } },
      { priceMinor: 1500, names: { en: "Tea cup", ja: "湯呑み" } },
      { priceMinor: 999, names: { en: "Never shown" } },
    ],
    4800,
  ),
  currency: "JPY",
  timezone: "Asia/Tokyo",
  link: "https://shop.test/pay/sample",
  now: new Date("2026-03-10T01:00:00Z"),
};
const [first, , last] = defaultRecoverySettings().steps as [
  RecoveryStepSettings,
  RecoveryStepSettings,
  RecoveryStepSettings,
];
const template = {
  name: "cart_reminder",
  language: "en",
  category: "marketing" as const,
  body: "Hi {{1}}, your cart ({{2}}) is waiting: {{3}}",
  variableCount: 3,
};
const withTemplate = (step: RecoveryStepSettings, variables = ["name", "total", "link"]) => ({
  ...step,
  template: {
    name: "cart_reminder",
    language: "en",
    variables,
  } as RecoveryStepSettings["template"],
});

describe("the recovery settings preview", () => {
  it("fills the free-form text with a sample cart of the store's first two products", () => {
    const preview = previewStep(first, "en", sample, []);
    expect(preview.freeForm).toEqual({
      text: "Hi Emma, you left 1 × Matcha, 2 × Tea cup in your cart. Pay in one tap: https://shop.test/pay/sample",
      fallbackLanguage: null,
    });
    expect(previewStep(first, "ja", sample, []).freeForm?.text).toBe(
      "さくら様、カートに1 × 抹茶, 2 × 湯呑みが残っています。こちらからお支払いいただけます：https://shop.test/pay/sample",
    );
    expect(preview.template).toBeNull();
  });

  it("takes the offer off the total and names it, in the shopper's language", () => {
    const offered = {
      ...last,
      incentive: { kind: "percent" as const, percent: 10, validHours: 48 },
    };
    // ¥6,200 less 10 % (¥620) is ¥5,580; valid 48 hours from 10:00 on 10 March in Tokyo.
    const text = previewStep(offered, "en", sample, []).freeForm!.text;
    expect(text).toContain("(¥5,580)");
    expect(text).toContain("Includes ¥620 off, valid until Mar 12, 2026, 10:00 AM.");
    const fixed = {
      ...last,
      incentive: { kind: "amount" as const, amountMinor: 9999, validHours: 1 },
    };
    // An offer that would leave nothing to pay is not applied (nor by the engine).
    const unapplied = previewStep(fixed, "en", sample, []).freeForm!.text;
    expect(unapplied).toContain("(¥6,200)");
    expect(unapplied).not.toContain("off, valid until");
  });

  it("falls back to the English text for a language the step has none in, and says so", () => {
    const preview = previewStep(first, "ko", sample, []);
    expect(preview.freeForm?.fallbackLanguage).toBe("en");
    expect(preview.freeForm?.text).toMatch(/^Hi 지민, you left 1 × Matcha/);
    expect(previewStep({ ...first, texts: {} }, "en", sample, []).freeForm).toBeNull();
  });

  it("shows the template's body with the mapped values, or that it can't be used", () => {
    expect(previewStep(withTemplate(first), "ja", sample, [template]).template).toEqual({
      status: "ready",
      name: "cart_reminder",
      language: "en",
      text: "Hi さくら, your cart (￥6,200) is waiting: https://shop.test/pay/sample",
    });
    expect(previewStep(withTemplate(first), "en", sample, []).template).toEqual({
      status: "unavailable",
      name: "cart_reminder",
      language: "en",
    });
    expect(
      previewStep(withTemplate(first, ["name", "total"]), "en", sample, [template]).template
        ?.status,
    ).toBe("unavailable");
  });

  it("uses one sample product at the fallback price when the store has none", () => {
    const [line] = sampleLines([], 4800);
    expect(line).toMatchObject({ quantity: 1, unitMinor: 4800 });
    expect(line?.names.ja).toBe("サンプル商品");
  });
});
