import { describe, expect, it } from "vitest";
import en from "@/lib/dashboard-i18n/messages/en";
import ja from "@/lib/dashboard-i18n/messages/ja";
import { adjustFormSchema } from "@/lib/loyalty/adjust-form";
import { exampleOrderMinor, tierExamples } from "@/lib/loyalty/example";
import { parseKpiRange } from "@/lib/loyalty/kpi-range";
import { maskPhone } from "@/lib/loyalty/members";
import { defaultLoyaltyRules } from "@/lib/loyalty/rules";
import { parseRulesForm, rulesFormValues } from "@/lib/loyalty/rules-form";

const words = en.loyalty.errors;
const defaults = (currency: string) =>
  rulesFormValues(
    { enabled: true, name: "Kyoto Tea Points", rules: defaultLoyaltyRules(currency) },
    currency,
  );

describe("the programme form", () => {
  for (const currency of ["JPY", "USD", "KRW", "EUR"]) {
    it(`reads back the ${currency} defaults exactly`, () => {
      const parsed = parseRulesForm(defaults(currency), currency, words);
      expect(parsed).toEqual({
        ok: true,
        value: { enabled: true, name: "Kyoto Tea Points", rules: defaultLoyaltyRules(currency) },
      });
    });
  }

  it("takes major units and multipliers typed by hand", () => {
    const values = {
      ...defaults("USD"),
      earnPer: "2.50",
      pointValue: "0.05",
      tier1Multiplier: "1.3",
      tier2Threshold: "2,000",
    };
    delete (values as Record<string, string>).enabled;
    const parsed = parseRulesForm(values, "USD", words);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.enabled).toBe(false);
    expect(parsed.value.rules).toMatchObject({ earnPerMinor: 250, pointValueMinor: 5 });
    expect(parsed.value.rules.tiers[1]?.multiplierPercent).toBe(130);
    expect(parsed.value.rules.tiers[2]?.thresholdMinor).toBe(200_000);
  });

  it("names each bad field: negative rates, a 0 point value, thresholds not increasing", () => {
    const parsed = parseRulesForm(
      {
        ...defaults("JPY"),
        earnPoints: "-1",
        pointValue: "0",
        maxRedeemPercent: "120",
        signupBonus: "1.5",
        tier2Threshold: "50000",
        tier1Multiplier: "0.9",
        expiryWarningTemplate: "Bad Name",
        birthdayTemplate: "birthday-wishes",
        name: "",
      },
      "JPY",
      words,
    );
    expect(parsed).toEqual({
      ok: false,
      fieldErrors: {
        name: [words.name],
        earnPoints: ["At least 1"],
        pointValue: [words.positiveAmount],
        maxRedeemPercent: ["At most 100"],
        signupBonus: [words.wholeNumber],
        expiryWarningTemplate: [words.template],
        birthdayTemplate: [words.template],
        tier1Multiplier: [words.multiplier],
        tier2Threshold: [words.thresholdIncreasing],
      },
    });
  });

  it("refuses a return window as long as the expiry period: those points would never expire", () => {
    const form = (pendingDays: string, expiryMonths: string) =>
      parseRulesForm({ ...defaults("JPY"), pendingDays, expiryMonths }, "JPY", words);
    expect(form("60", "2")).toEqual({
      ok: false,
      fieldErrors: { pendingDays: [words.pendingOutlastsExpiry] },
    });
    expect(form("56", "2").ok).toBe(false);
    expect(form("55", "2").ok).toBe(true);
    // No expiry: any return window is fine.
    expect(form("365", "0").ok).toBe(true);
  });

  it("answers in Japanese with the Japanese dictionary, and a dropped tier is dropped", () => {
    const values = { ...defaults("JPY"), tier0Threshold: "100", tier2Name: "" };
    const parsed = parseRulesForm(values, "JPY", ja.loyalty.errors);
    expect(parsed).toEqual({
      ok: false,
      fieldErrors: { tier0Threshold: [ja.loyalty.errors.firstTierZero] },
    });
    const fixed = parseRulesForm({ ...values, tier0Threshold: "0" }, "JPY", words);
    expect(fixed.ok && fixed.value.rules.tiers.map((tier) => tier.key)).toEqual([
      "member",
      "silver",
    ]);
  });
});

describe("the live example", () => {
  it("is ¥4,800 or its equivalent, and earns by tier", () => {
    expect(exampleOrderMinor("JPY")).toBe(4800);
    expect(exampleOrderMinor("USD")).toBe(4800);
    expect(exampleOrderMinor("KRW")).toBe(48_000);
    expect(tierExamples(defaultLoyaltyRules("JPY"), 4800)).toEqual([
      { name: "Member", points: 48, valueMinor: 48 },
      { name: "Silver", points: 60, valueMinor: 60 },
      { name: "Gold", points: 72, valueMinor: 72 },
    ]);
  });
});

describe("the adjustment form", () => {
  const base = {
    customerId: "3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
    note: "Goodwill",
    requestKey: "7a1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
  };
  const errorOf = (delta: string, extra: Record<string, string> = {}) => {
    const parsed = adjustFormSchema.safeParse({ ...base, delta, ...extra });
    return parsed.success ? null : parsed.error.issues.map((issue) => issue.message);
  };
  it("refuses non-integers, zero, beyond ±1,000,000 and a missing reason", () => {
    expect(errorOf("1.5")).toEqual(["deltaWhole"]);
    expect(errorOf("abc")).toEqual(["deltaNumber"]);
    expect(errorOf("0")).toEqual(["deltaZero"]);
    expect(errorOf("1000001")).toEqual(["deltaRange"]);
    expect(errorOf("-1000001")).toEqual(["deltaRange"]);
    expect(errorOf("50", { note: "  " })).toEqual(["noteRequired"]);
    expect(adjustFormSchema.parse({ ...base, delta: "−1,000,000" }).delta).toBe(-1_000_000);
    expect(adjustFormSchema.parse({ ...base, delta: "+２５" }).delta).toBe(25);
  });
});

describe("the members table and the period", () => {
  it("masks a phone number to its country code and last four digits", () => {
    expect(maskPhone("+81 90 1234 4567")).toBe("+81 •• •••• 4567");
    expect(maskPhone("+1 415 555 0100")).toBe("+1 ••• ••• 0100");
    expect(maskPhone(null)).toBeNull();
  });

  it("reads 7/30/90 days in the store's time zone and refuses a reversed custom range", () => {
    const now = new Date("2026-12-06T16:00:00Z"); // already the 7th in Tokyo
    expect(parseKpiRange({ period: "7" }, "Asia/Tokyo", now).range).toEqual({
      from: "2026-12-01",
      to: "2026-12-07",
    });
    expect(parseKpiRange({ period: "7" }, "America/New_York", now).range.to).toBe("2026-12-06");
    expect(
      parseKpiRange({ period: "custom", from: "2026-11-10", to: "2026-11-01" }, "UTC", now),
    ).toMatchObject({ period: "30", invalid: true });
    expect(
      parseKpiRange({ period: "custom", from: "2026-11-01", to: "2026-11-10" }, "UTC", now).range,
    ).toEqual({ from: "2026-11-01", to: "2026-11-10" });
    // A shape of a date that is no date falls back instead of throwing.
    expect(
      parseKpiRange({ period: "custom", from: "2024-13-45", to: "2024-12-01" }, "UTC", now),
    ).toMatchObject({ period: "30", invalid: true });
  });
});
