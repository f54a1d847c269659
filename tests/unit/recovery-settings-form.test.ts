import { describe, expect, it } from "vitest";
import en from "@/lib/dashboard-i18n/messages/en";
import ja from "@/lib/dashboard-i18n/messages/ja";
import { defaultRecoverySettings, type RecoverySettings } from "@/lib/recovery/settings";
import {
  parseRecoveryForm,
  recoveryFormValues,
  stepField,
  stepTextField,
  stepVariableField,
} from "@/lib/recovery/settings-form";
import {
  parseRecoverySteps,
  withStepAdded,
  withStepRemoved,
} from "@/lib/recovery/settings-form-steps";

const words = en.recoverySettings.errors;
const form = (currency: string, settings: RecoverySettings = defaultRecoverySettings()) =>
  recoveryFormValues({ enabled: true, settings }, currency);

function errorsOf(values: Record<string, string>, currency = "JPY", dictionary = words) {
  const parsed = parseRecoveryForm(values, currency, dictionary);
  if (parsed.ok) throw new Error("expected the form to be refused");
  return parsed.fieldErrors;
}

function settingsOf(values: Record<string, string>, currency = "JPY") {
  const parsed = parseRecoveryForm(values, currency, words);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.value.settings;
}

describe("the recovery settings form", () => {
  for (const currency of ["JPY", "USD", "KWD"]) {
    it(`reads back the defaults exactly (${currency})`, () => {
      expect(parseRecoveryForm(form(currency), currency, words)).toEqual({
        ok: true,
        value: { enabled: true, settings: defaultRecoverySettings() },
      });
    });
  }

  it("shows delays in their largest whole unit and reads them back as minutes", () => {
    const values = form("JPY");
    expect([values.abandonAfter, values.abandonAfterUnit]).toEqual(["1", "hours"]);
    expect([values.step1Delay, values.step1DelayUnit]).toEqual(["1", "days"]);
    expect([values.step2Delay, values.step2DelayUnit]).toEqual(["3", "days"]);
    const settings = settingsOf({
      ...values,
      abandonAfter: "90",
      abandonAfterUnit: "minutes",
      step0Delay: "２",
      step0DelayUnit: "hours",
      step1Delay: "150",
      step1DelayUnit: "minutes",
    });
    expect(settings.abandonAfterMinutes).toBe(90);
    expect(settings.steps.map((step) => step.delayMinutes)).toEqual([120, 150, 72 * 60]);
  });

  it("stores a fixed offer typed in major units as exact minor units of the currency", () => {
    const offer = (currency: string, amount: string) =>
      settingsOf(
        {
          ...form(currency),
          [stepField(2, "Incentive")]: "amount",
          [stepField(2, "Amount")]: amount,
          [stepField(2, "ValidHours")]: "48",
        },
        currency,
      ).steps[2]!.incentive;
    expect(offer("JPY", "500")).toEqual({ kind: "amount", amountMinor: 500, validHours: 48 });
    expect(offer("JPY", "1,000")).toEqual({ kind: "amount", amountMinor: 1000, validHours: 48 });
    expect(offer("USD", "5.25")).toEqual({ kind: "amount", amountMinor: 525, validHours: 48 });
    expect(offer("USD", "0.10")).toEqual({ kind: "amount", amountMinor: 10, validHours: 48 });
    expect(offer("KWD", "1.234")).toEqual({ kind: "amount", amountMinor: 1234, validHours: 48 });
    // The inverse shows what was stored.
    const usd = form("USD", {
      ...defaultRecoverySettings(),
      steps: defaultRecoverySettings().steps.map((step) => ({
        ...step,
        incentive: { kind: "amount", amountMinor: 525, validHours: 24 },
      })),
    });
    expect(usd[stepField(0, "Amount")]).toBe("5.25");

    const refused = (currency: string, amount: string) =>
      errorsOf(
        {
          ...form(currency),
          [stepField(2, "Incentive")]: "amount",
          [stepField(2, "Amount")]: amount,
        },
        currency,
      )[stepField(2, "Amount")];
    // JPY has no decimals; USD two.
    expect(refused("JPY", "5.5")).toEqual(["Enter an amount like 100"]);
    expect(refused("USD", "5.255")).toEqual(["Enter an amount like 1.00"]);
    expect(refused("USD", "0")).toEqual([words.positiveAmount]);
    expect(refused("JPY", "")).toEqual([words.required]);
  });

  it("suggests 10 % for 48 hours and stores a percentage offer when chosen", () => {
    const values = form("JPY");
    expect(values[stepField(2, "Incentive")]).toBe("none");
    expect(values[stepField(2, "Percent")]).toBe("10");
    expect(settingsOf(values).steps[2]!.incentive).toBeNull();
    const chosen = settingsOf({ ...values, [stepField(2, "Incentive")]: "percent" });
    expect(chosen.steps[2]!.incentive).toEqual({ kind: "percent", percent: 10, validHours: 48 });
  });

  it("refuses each bad value with a field error", () => {
    const base = form("JPY");
    const cases: [Record<string, string>, string, string][] = [
      [{ step1Delay: "30", step1DelayUnit: "minutes" }, "step1Delay", words.delaysIncreasing],
      [{ step2Delay: "1", step2DelayUnit: "days" }, "step2Delay", words.delaysIncreasing],
      [{ step0Delay: "10", step0DelayUnit: "minutes" }, "step0Delay", words.stepDelayRange],
      [{ step2Delay: "31", step2DelayUnit: "days" }, "step2Delay", words.stepDelayRange],
      [{ steps: "4" }, "steps", words.tooManySteps],
      [{ steps: "0" }, "steps", words.noSteps],
      [
        { [stepField(2, "Incentive")]: "percent", [stepField(2, "Percent")]: "101" },
        stepField(2, "Percent"),
        words.percent,
      ],
      [
        { [stepField(2, "Incentive")]: "percent", [stepField(2, "ValidHours")]: "721" },
        stepField(2, "ValidHours"),
        words.validHours,
      ],
      [{ attributionDays: "0" }, "attributionDays", "At least 1"],
      [{ attributionDays: "31" }, "attributionDays", "At most 30"],
      [{ sequenceGapDays: "91" }, "sequenceGapDays", "At most 90"],
      [{ quietStart: "22:00", quietEnd: "22:00" }, "quietEnd", words.quietSame],
      [{ quietStart: "9pm" }, "quietStart", words.time],
      [{ abandonAfter: "10", abandonAfterUnit: "minutes" }, "abandonAfter", words.abandonRange],
      [{ abandonAfter: "25", abandonAfterUnit: "hours" }, "abandonAfter", words.abandonRange],
      [{ abandonAfter: "1.5" }, "abandonAfter", words.wholeNumber],
      [{ abandonAfter: "2", abandonAfterUnit: "days" }, "abandonAfter", words.invalid],
    ];
    for (const [change, field, message] of cases) {
      expect(errorsOf({ ...base, ...change })[field], JSON.stringify(change)).toEqual([message]);
    }
  });

  it("checks the texts: one language at least, known variables, the length", () => {
    const base = form("JPY");
    const empty = Object.fromEntries(
      ["en", "ja", "zh-Hans", "ko"].map((language) => [stepTextField(0, language as "en"), " "]),
    );
    expect(errorsOf({ ...base, ...empty })[stepTextField(0, "en")]).toEqual([words.noText]);
    expect(errorsOf({ ...base, [stepTextField(1, "ko")]: "{nme}님 {link}" })).toEqual({
      [stepTextField(1, "ko")]: [
        "Unknown variable {nme}. Use {name} {items} {total} {link} {incentive}",
      ],
    });
    expect(errorsOf({ ...base, [stepTextField(0, "ja")]: "あ".repeat(701) })).toEqual({
      [stepTextField(0, "ja")]: [words.textLong],
    });
    // Only the filled languages are stored; Korean alone is enough.
    const korean = settingsOf({ ...base, ...empty, [stepTextField(0, "ko")]: "{name}님 {link}" });
    expect(korean.steps[0]!.texts).toEqual({ ko: "{name}님 {link}" });
  });

  it("reads a step's template and its variables in order, refusing a gap", () => {
    const base = {
      ...form("JPY"),
      [stepField(0, "Template")]: "cart_reminder:en_US",
      [stepVariableField(0, 1)]: "name",
      [stepVariableField(0, 2)]: "total",
      [stepVariableField(0, 3)]: "link",
    };
    expect(settingsOf(base).steps[0]!.template).toEqual({
      name: "cart_reminder",
      language: "en_US",
      variables: ["name", "total", "link"],
    });
    expect(form("JPY", settingsOf(base))[stepField(0, "Template")]).toBe("cart_reminder:en_US");
    expect(errorsOf({ ...base, [stepVariableField(0, 2)]: "" })).toEqual({
      [stepField(0, "Template")]: [words.variableGap],
    });
    expect(errorsOf({ ...base, [stepVariableField(0, 2)]: "password" })).toEqual({
      [stepField(0, "Template")]: [words.invalid],
    });
  });

  it("says it in Japanese for a Japanese member", () => {
    const errors = errorsOf(
      { ...form("JPY"), quietStart: "21:00", quietEnd: "21:00", attributionDays: "40" },
      "JPY",
      ja.recoverySettings.errors,
    );
    expect(errors).toEqual({
      quietEnd: ["開始と終了には異なる時刻を指定してください"],
      attributionDays: ["30以下にしてください"],
    });
  });
});

describe("adding and removing steps in the form", () => {
  it("removes a step from the middle and moves the later ones up", () => {
    const base = { ...form("JPY"), [stepTextField(2, "ko")]: "마지막 {link}" };
    const removed = withStepRemoved(base, 1);
    expect(removed.steps).toBe("2");
    expect(removed[stepTextField(1, "ko")]).toBe("마지막 {link}");
    expect(removed.step1Delay).toBe("3");
    expect(Object.keys(removed).some((key) => key.startsWith("step2"))).toBe(false);
    expect(settingsOf(removed).steps.map((step) => step.delayMinutes)).toEqual([60, 72 * 60]);
    // The last step cannot go.
    const one = withStepRemoved(withStepRemoved(removed, 0), 0);
    expect(one.steps).toBe("1");
  });

  it("adds the default step of that number, later than the last, up to three", () => {
    const two = withStepRemoved(form("JPY"), 2);
    const three = withStepAdded(two, "JPY");
    expect(settingsOf(three)).toEqual(defaultRecoverySettings());
    expect(withStepAdded(three, "JPY")).toBe(three);
    // After a last step later than the default third one, the new one comes a day after it.
    const late = withStepAdded({ ...two, step1Delay: "5", step1DelayUnit: "days" }, "JPY");
    expect(settingsOf(late).steps[2]!.delayMinutes).toBe(6 * 24 * 60);
  });
});

describe("the steps for the live preview", () => {
  it("reads the steps whatever the rest of the form holds, and nothing while a step is bad", () => {
    const base = form("USD");
    const elsewhere = {
      ...base,
      attributionDays: "99",
      quietEnd: base.quietStart!,
      abandonAfter: "",
    };
    expect(parseRecoverySteps(elsewhere, "USD", words)).toEqual(defaultRecoverySettings().steps);
    expect(parseRecoverySteps({ ...base, step1Delay: "" }, "USD", words)).toBeNull();
    expect(parseRecoverySteps({ ...base, steps: "4" }, "USD", words)).toBeNull();
  });
});
