import { defaultRecoverySettings, RECOVERY_LIMITS, type RecoveryStepSettings } from "./settings";
import {
  DELAY_UNITS,
  type DelayUnit,
  parseRecoveryForm,
  type RecoveryFormErrors,
  recoveryFormValues,
  stepCount,
  stepField,
  stepFieldNames,
  stepFormValues,
} from "./settings-form";

/** The Recovery settings form's steps: adding and removing them, reading them for the preview. */

/**
 * The form with one more step: the default step of that number (its texts and delay), or,
 * when that would not come after the last step, a day after it.
 */
export function withStepAdded(values: Record<string, string>, currency: string) {
  const count = stepCount(values);
  if (count >= RECOVERY_LIMITS.maxSteps) return values;
  const defaults = defaultRecoverySettings().steps;
  const template = defaults[Math.min(count, defaults.length - 1)]!;
  const last = count > 0 ? stepDelayMinutes(values, count - 1) : null;
  const delayMinutes =
    last !== null && template.delayMinutes <= last ? last + 24 * 60 : template.delayMinutes;
  return {
    ...values,
    ...stepFormValues({ ...template, delayMinutes }, count, currency),
    steps: String(count + 1),
  };
}

/** The form without step `index`: the steps after it move up one. */
export function withStepRemoved(values: Record<string, string>, index: number) {
  const count = stepCount(values);
  if (count <= 1 || index < 0 || index >= count) return values;
  const next: Record<string, string> = { ...values, steps: String(count - 1) };
  for (let from = index + 1; from < count; from++) {
    const source = stepFieldNames(from);
    stepFieldNames(from - 1).forEach((name, n) => {
      next[name] = values[source[n]!] ?? "";
    });
  }
  for (const name of stepFieldNames(count - 1)) delete next[name];
  return next;
}

function stepDelayMinutes(values: Record<string, string>, index: number): number | null {
  const amount = Number(values[stepField(index, "Delay")]);
  const unit = values[stepField(index, "DelayUnit")] as DelayUnit;
  return Number.isInteger(amount) && unit in DELAY_UNITS ? amount * DELAY_UNITS[unit] : null;
}

/**
 * The steps as typed, for the live preview: read as parseRecoveryForm reads them, so a bad
 * value elsewhere in the form (quiet hours, attribution) does not hide the preview. Null
 * while a step's own fields do not read.
 */
export function parseRecoverySteps(
  values: Record<string, string>,
  currency: string,
  words: RecoveryFormErrors,
): RecoveryStepSettings[] | null {
  const defaults = recoveryFormValues(
    { enabled: false, settings: defaultRecoverySettings() },
    currency,
  );
  const others = Object.fromEntries(
    Object.entries(defaults).filter(([name]) => !name.startsWith("step")),
  );
  const parsed = parseRecoveryForm(
    { ...values, ...others, steps: values.steps ?? "" },
    currency,
    words,
  );
  return parsed.ok ? parsed.value.settings.steps : null;
}
