"use client";

import { Plus } from "lucide-react";
import { useActionState, useMemo, useState } from "react";
import { saveRecoverySettingsAction } from "@/app/(dashboard)/dashboard/recovery/settings/actions/save-recovery-settings";
import { fieldErrors, SaveBar } from "@/components/settings/form-status";
import { FormSection } from "@/components/forms/form-section";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { type ActionState, formValues, idleState } from "@/lib/forms/action-state";
import { SHOPPER_LANGUAGES, type ShopperLanguage } from "@/lib/i18n/languages";
import { type PreviewSample, type PreviewTemplate, previewStep } from "@/lib/recovery/preview";
import { RECOVERY_LIMITS } from "@/lib/recovery/settings";
import { stepCount } from "@/lib/recovery/settings-form";
import {
  parseRecoverySteps,
  withStepAdded,
  withStepRemoved,
} from "@/lib/recovery/settings-form-steps";
import { StepFields } from "./step-fields";
import { StepPreviews } from "./step-previews";

type Words = DashboardMessages["recoverySettings"];

/**
 * The recovery sequence's form with a live preview: what the owner types is read by the
 * same pure parser as the server action, and each reminder is rendered by the functions the
 * engine sends with.
 */
export function RecoverySettingsForm({
  initial,
  currency,
  memberLanguage,
  templates,
  sample,
  readOnly,
  words,
  savingLabel,
}: {
  initial: Record<string, string>;
  currency: string;
  memberLanguage: ShopperLanguage;
  templates: PreviewTemplate[];
  sample: PreviewSample;
  readOnly: boolean;
  words: Words;
  /** The button's words while saving (t.forms.saving). */
  savingLabel: string;
}) {
  // What the fields start from: the stored settings, then the form after adding or
  // removing a step, or as submitted when a save was refused. `version` remounts them.
  const [base, setBase] = useState({ values: initial, version: 0 });
  const [draft, setDraft] = useState<Record<string, string> | null>(null);
  const reset = (values: Record<string, string>) => {
    setBase((previous) => ({ values, version: previous.version + 1 }));
    setDraft(values);
  };
  const [state, action, pending] = useActionState<ActionState, FormData>(
    async (previous, formData) => {
      const result = await saveRecoverySettingsAction(previous, formData);
      // React resets a submitted form to its defaults: they become what was submitted.
      reset(formValues(formData));
      return result;
    },
    idleState,
  );
  const [previewLanguage, setPreviewLanguage] = useState<ShopperLanguage>(memberLanguage);
  const errors = fieldErrors(state);
  const current = draft ?? base.values;
  const steps = useMemo(
    () => parseRecoverySteps(current, currency, words.errors),
    [current, currency, words.errors],
  );
  const previews = steps
    ? steps.map((step) => ({
        delayMinutes: step.delayMinutes,
        preview: previewStep(step, previewLanguage, sample, templates),
      }))
    : null;
  const values = base.values;
  const count = Math.min(stepCount(current), RECOVERY_LIMITS.maxSteps);
  const field = (name: string, label: string, props: React.ComponentProps<"input"> = {}) => (
    <FormField label={label} error={errors[name]}>
      <Input name={name} defaultValue={values[name] ?? ""} {...props} />
    </FormField>
  );
  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
      <form
        action={action}
        noValidate
        key={base.version}
        onInput={(event) => setDraft(formValues(new FormData(event.currentTarget)))}
        className="grid min-w-0 gap-4"
        data-testid="recovery-settings-form"
      >
        <input type="hidden" name="steps" value={String(count)} />
        <fieldset disabled={readOnly} className="grid min-w-0 gap-6">
          <label className="flex items-start gap-3 text-sm">
            <input
              type="checkbox"
              name="enabled"
              defaultChecked={values.enabled === "on"}
              className="mt-0.5 size-4"
            />
            <span className="grid gap-1">
              <span className="font-medium">{words.enabled}</span>
              <span className="text-muted-foreground">{words.enabledHint}</span>
            </span>
          </label>
          <FormSection title={words.abandonment}>
            <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_10rem]">
              {field("abandonAfter", words.abandonAfter, { inputMode: "numeric" })}
              <FormField label={words.unit}>
                <NativeSelect name="abandonAfterUnit" defaultValue={values.abandonAfterUnit}>
                  <option value="minutes">{words.units.minutes}</option>
                  <option value="hours">{words.units.hours}</option>
                </NativeSelect>
              </FormField>
            </div>
            <p className="text-sm text-muted-foreground">{words.abandonHint}</p>
          </FormSection>
          <FormSection title={words.steps}>
            <p className="text-sm text-muted-foreground">{words.stepsHint}</p>
            {errors.steps ? (
              <p className="text-sm text-destructive" role="alert">
                {errors.steps.join(" ")}
              </p>
            ) : null}
            {Array.from({ length: count }, (_, index) => (
              <StepFields
                key={index}
                index={index}
                count={count}
                values={values}
                current={current}
                errors={errors}
                templates={templates}
                currency={currency}
                readOnly={readOnly}
                onRemove={() => reset(withStepRemoved(current, index))}
                words={words}
              />
            ))}
            {count < RECOVERY_LIMITS.maxSteps && !readOnly ? (
              <Button
                type="button"
                variant="outline"
                className="justify-self-start"
                onClick={() => reset(withStepAdded(current, currency))}
              >
                <Plus className="size-4" aria-hidden />
                {words.addStep}
              </Button>
            ) : null}
          </FormSection>
          <FormSection title={words.rules}>
            <div className="grid gap-4 sm:grid-cols-2">
              {field("quietStart", words.quietStart, { type: "time" })}
              {field("quietEnd", words.quietEnd, { type: "time" })}
            </div>
            <p className="text-sm text-muted-foreground">{words.quietHint}</p>
            <div className="grid gap-4 sm:grid-cols-2">
              {field("sequenceGapDays", words.sequenceGapDays, { inputMode: "numeric" })}
              {field("attributionDays", words.attributionDays, { inputMode: "numeric" })}
            </div>
            <p className="text-sm text-muted-foreground">
              {words.capHint} {words.attributionHint}
            </p>
          </FormSection>
        </fieldset>
        {readOnly ? null : (
          <SaveBar
            label={words.save}
            savingLabel={savingLabel}
            pending={pending}
            disabled={readOnly}
            state={state}
          />
        )}
      </form>
      <aside
        className="grid h-fit gap-3 rounded-lg border p-4 text-sm xl:sticky xl:top-4"
        aria-live="polite"
        data-testid="recovery-preview"
      >
        <h2 className="font-semibold">{words.preview.title}</h2>
        <p className="text-muted-foreground">{words.preview.intro}</p>
        <FormField label={words.preview.language}>
          <NativeSelect
            value={previewLanguage}
            onChange={(event) => setPreviewLanguage(event.target.value as ShopperLanguage)}
            data-testid="preview-language"
          >
            {SHOPPER_LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {words.languages[language]}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        {previews ? (
          <StepPreviews
            previews={previews}
            language={previewLanguage}
            memberLanguage={memberLanguage}
            words={words}
          />
        ) : (
          <p className="text-muted-foreground">{words.preview.fix}</p>
        )}
      </aside>
    </div>
  );
}
