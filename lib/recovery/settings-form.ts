import { createFieldReader, type NumberFieldWords } from "@/lib/forms/field-reader";
import { priceInputValue } from "@/lib/catalog/price";
import { formatMessage } from "@/lib/i18n/messages";
import { SHOPPER_LANGUAGES, type ShopperLanguage } from "@/lib/i18n/languages";
import {
  type Incentive,
  RECOVERY_LIMITS,
  REMINDER_VARIABLES,
  type RecoverySettings,
  recoverySettingsSchema,
  type RecoveryStepSettings,
  type ReminderVariable,
} from "./settings";

/**
 * The Recovery settings form: what the owner types (delays with a unit, offers in major
 * units) to exact settings (minutes, minor units) and back. Pure, so the live preview and
 * the server action read the form the same way. Steps are numbered from 0 in field names.
 */

export type RecoveryFormErrors = NumberFieldWords & {
  invalid: string;
  abandonRange: string;
  stepDelayRange: string;
  delaysIncreasing: string;
  tooManySteps: string;
  noSteps: string;
  noText: string;
  textLong: string;
  /** "Unknown variable {variable}: use {allowed}" */
  unknownVariable: string;
  percent: string;
  validHours: string;
  time: string;
  quietSame: string;
  variableGap: string;
};

export type RecoveryFormInput = { enabled: boolean; settings: RecoverySettings };

export type RecoveryFormResult =
  { ok: true; value: RecoveryFormInput } | { ok: false; fieldErrors: Record<string, string[]> };

export const DELAY_UNITS = { minutes: 1, hours: 60, days: 24 * 60 } as const;
export type DelayUnit = keyof typeof DELAY_UNITS;
export const INCENTIVE_KINDS = ["none", "percent", "amount"] as const;
export const MAX_TEMPLATE_VARIABLES = 10;
/** What an offer field shows before one is chosen: the suggested 10 % for 48 hours. */
export const SUGGESTED_OFFER = { percent: 10, validHours: 48 } as const;

type StepPart = "Delay" | "DelayUnit" | "Incentive" | "Percent" | "Amount" | "ValidHours";
export const stepField = (index: number, part: StepPart | "Template") => `step${index}${part}`;
export const stepTextField = (index: number, language: ShopperLanguage) =>
  `step${index}Text_${language}`;
export const stepVariableField = (index: number, n: number) => `step${index}Var${n}`;
/** A template's option value: Meta names a template by name and language together. */
export const templateChoice = (template: { name: string; language: string }) =>
  `${template.name}:${template.language}`;

const VARIABLE_NUMBERS = Array.from({ length: MAX_TEMPLATE_VARIABLES }, (_, i) => i + 1);
const PLACEHOLDER = /\{(\w+)\}/g;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Every field name of step `index`, in a fixed order (to move a step's values as one). */
export function stepFieldNames(index: number): string[] {
  return [
    ...(
      ["Delay", "DelayUnit", "Incentive", "Percent", "Amount", "ValidHours", "Template"] as const
    ).map((part) => stepField(index, part)),
    ...SHOPPER_LANGUAGES.map((language) => stepTextField(index, language)),
    ...VARIABLE_NUMBERS.map((n) => stepVariableField(index, n)),
  ];
}

export function stepCount(values: Record<string, string>): number {
  const count = Number(values.steps);
  return Number.isInteger(count) ? count : 0;
}

export function parseRecoveryForm(
  values: Record<string, string>,
  currency: string,
  words: RecoveryFormErrors,
): RecoveryFormResult {
  const reader = createFieldReader(values, words, currency);
  const { errors, fail, integer } = reader;
  const minutes = (field: string, units: readonly DelayUnit[], min: number, max: number) => {
    const unit = values[`${field}Unit`] as DelayUnit;
    const amount = integer(field, 0, Number.MAX_SAFE_INTEGER);
    if (!units.includes(unit)) return fail(field, words.invalid);
    if (amount === null) return null;
    const total = amount * DELAY_UNITS[unit];
    return total < min || total > max ? "range" : total;
  };

  const abandon = minutes(
    "abandonAfter",
    ["minutes", "hours"],
    RECOVERY_LIMITS.abandonMinutes.min,
    RECOVERY_LIMITS.abandonMinutes.max,
  );
  if (abandon === "range") fail("abandonAfter", words.abandonRange);

  const count = stepCount(values);
  if (count > RECOVERY_LIMITS.maxSteps) fail("steps", words.tooManySteps);
  if (count < 1) fail("steps", words.noSteps);
  const steps: RecoveryStepSettings[] = [];
  let previousDelay: number | null = null;
  for (let index = 0; index < Math.min(count, RECOVERY_LIMITS.maxSteps); index++) {
    const delayField = stepField(index, "Delay");
    const { min, max } = RECOVERY_LIMITS.stepDelayMinutes;
    const delay = minutes(delayField, ["minutes", "hours", "days"], min, max);
    if (delay === "range") fail(delayField, words.stepDelayRange);
    else if (delay !== null && previousDelay !== null && delay <= previousDelay) {
      fail(delayField, words.delaysIncreasing);
    }
    if (typeof delay === "number") previousDelay = delay;
    steps.push({
      delayMinutes: typeof delay === "number" ? delay : 0,
      texts: readTexts(values, index, fail, words),
      template: readTemplate(values, index, fail, words),
      incentive: readIncentive(reader, values, index, words),
    });
  }

  const quietStart = reader.text("quietStart");
  const quietEnd = reader.text("quietEnd");
  if (!TIME.test(quietStart)) fail("quietStart", words.time);
  if (!TIME.test(quietEnd)) fail("quietEnd", words.time);
  else if (quietStart === quietEnd) fail("quietEnd", words.quietSame);
  const { sequenceGapDays: gap, attributionDays: attribution } = RECOVERY_LIMITS;
  const sequenceGapDays = integer("sequenceGapDays", gap.min, gap.max);
  const attributionDays = integer("attributionDays", attribution.min, attribution.max);
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };

  const settings = recoverySettingsSchema.safeParse({
    abandonAfterMinutes: abandon,
    steps,
    quietHours: { start: quietStart, end: quietEnd },
    sequenceGapDays,
    attributionDays,
  });
  // The checks above cover every rule; the schema stays the last word on what is stored.
  if (!settings.success) return { ok: false, fieldErrors: { form: [words.invalid] } };
  return { ok: true, value: { enabled: values.enabled === "on", settings: settings.data } };
}

type Fail = (field: string, message: string) => null;

function readTexts(
  values: Record<string, string>,
  index: number,
  fail: Fail,
  words: RecoveryFormErrors,
): RecoveryStepSettings["texts"] {
  const texts: RecoveryStepSettings["texts"] = {};
  for (const language of SHOPPER_LANGUAGES) {
    const field = stepTextField(index, language);
    const text = (values[field] ?? "").trim();
    if (text === "") continue;
    if (text.length > RECOVERY_LIMITS.textMax) fail(field, words.textLong);
    for (const [, name] of text.matchAll(PLACEHOLDER)) {
      if (!REMINDER_VARIABLES.includes(name as ReminderVariable)) {
        const allowed = REMINDER_VARIABLES.map((variable) => `{${variable}}`).join(" ");
        fail(field, formatMessage(words.unknownVariable, { variable: `{${name}}`, allowed }));
      }
    }
    texts[language] = text;
  }
  if (Object.keys(texts).length === 0) fail(stepTextField(index, "en"), words.noText);
  return texts;
}

function readTemplate(
  values: Record<string, string>,
  index: number,
  fail: Fail,
  words: RecoveryFormErrors,
): RecoveryStepSettings["template"] {
  const field = stepField(index, "Template");
  const choice = (values[field] ?? "").trim();
  if (choice === "") return null;
  const split = choice.lastIndexOf(":");
  const name = choice.slice(0, split);
  const language = choice.slice(split + 1);
  if (split < 1 || !/^[a-z0-9_]{1,512}$/.test(name) || !/^[A-Za-z_]{2,15}$/.test(language)) {
    fail(field, words.invalid);
  }
  const picked = VARIABLE_NUMBERS.map((n) => values[stepVariableField(index, n)] ?? "");
  let mapped = picked.length;
  while (mapped > 0 && !picked[mapped - 1]) mapped--;
  const variables = picked.slice(0, mapped);
  if (variables.some((value) => !value)) fail(field, words.variableGap);
  else if (variables.some((value) => !REMINDER_VARIABLES.includes(value as ReminderVariable))) {
    fail(field, words.invalid);
  }
  return { name, language, variables: variables as ReminderVariable[] };
}

function readIncentive(
  reader: ReturnType<typeof createFieldReader>,
  values: Record<string, string>,
  index: number,
  words: RecoveryFormErrors,
): Incentive | null {
  const kind = values[stepField(index, "Incentive")] ?? "none";
  if (kind === "none") return null;
  const hoursField = stepField(index, "ValidHours");
  const validHours = reader.integer(hoursField, 1, Number.MAX_SAFE_INTEGER);
  if (validHours !== null && validHours > RECOVERY_LIMITS.incentiveHours.max) {
    reader.fail(hoursField, words.validHours);
  }
  if (kind === "percent") {
    const field = stepField(index, "Percent");
    const percent = reader.integer(field, 1, Number.MAX_SAFE_INTEGER);
    if (percent !== null && percent > 100) reader.fail(field, words.percent);
    return { kind, percent: percent ?? 0, validHours: validHours ?? 0 };
  }
  if (kind === "amount") {
    const amountMinor = reader.amount(stepField(index, "Amount"), false);
    return { kind, amountMinor: amountMinor ?? 0, validHours: validHours ?? 0 };
  }
  reader.fail(stepField(index, "Incentive"), words.invalid);
  return null;
}

/** The largest unit a number of minutes is a whole number of: 1440 → [1, "days"]. */
export function delayInput(minutes: number, units: readonly DelayUnit[]): [string, DelayUnit] {
  const unit =
    [...units].reverse().find((candidate) => minutes % DELAY_UNITS[candidate] === 0) ?? "minutes";
  return [String(minutes / DELAY_UNITS[unit]), unit];
}

/** The form's values for a step (as stored, or a new one). */
export function stepFormValues(step: RecoveryStepSettings, index: number, currency: string) {
  const values: Record<string, string> = {};
  const [delay, unit] = delayInput(step.delayMinutes, ["minutes", "hours", "days"]);
  values[stepField(index, "Delay")] = delay;
  values[stepField(index, "DelayUnit")] = unit;
  for (const language of SHOPPER_LANGUAGES) {
    values[stepTextField(index, language)] = step.texts[language] ?? "";
  }
  const offer = step.incentive;
  values[stepField(index, "Incentive")] = offer?.kind ?? "none";
  values[stepField(index, "Percent")] = String(
    offer?.kind === "percent" ? offer.percent : SUGGESTED_OFFER.percent,
  );
  values[stepField(index, "Amount")] =
    offer?.kind === "amount" ? priceInputValue(offer.amountMinor, currency) : "";
  values[stepField(index, "ValidHours")] = String(offer?.validHours ?? SUGGESTED_OFFER.validHours);
  values[stepField(index, "Template")] = step.template ? templateChoice(step.template) : "";
  for (const n of VARIABLE_NUMBERS) {
    values[stepVariableField(index, n)] = step.template?.variables[n - 1] ?? "";
  }
  return values;
}

/** The form's values for stored settings: the inverse of parseRecoveryForm. */
export function recoveryFormValues(input: RecoveryFormInput, currency: string) {
  const { settings } = input;
  const [abandon, abandonUnit] = delayInput(settings.abandonAfterMinutes, ["minutes", "hours"]);
  const values: Record<string, string> = {
    abandonAfter: abandon,
    abandonAfterUnit: abandonUnit,
    steps: String(settings.steps.length),
    quietStart: settings.quietHours.start,
    quietEnd: settings.quietHours.end,
    sequenceGapDays: String(settings.sequenceGapDays),
    attributionDays: String(settings.attributionDays),
  };
  if (input.enabled) values.enabled = "on";
  settings.steps.forEach((step, index) =>
    Object.assign(values, stepFormValues(step, index, currency)),
  );
  return values;
}
