import { Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import type { FieldErrors } from "@/lib/forms/action-state";
import { formatMessage } from "@/lib/i18n/messages";
import { SHOPPER_LANGUAGES } from "@/lib/i18n/languages";
import type { PreviewTemplate } from "@/lib/recovery/preview";
import { RECOVERY_LIMITS, REMINDER_VARIABLES } from "@/lib/recovery/settings";
import {
  DELAY_UNITS,
  INCENTIVE_KINDS,
  stepField,
  stepTextField,
  stepVariableField,
  templateChoice,
} from "@/lib/recovery/settings-form";
import { cn } from "@/lib/utils";

type Words = DashboardMessages["recoverySettings"];

/** One reminder of the sequence: its delay, texts, offer and template. */
export function StepFields({
  index,
  count,
  values,
  current,
  errors,
  templates,
  currency,
  readOnly,
  onRemove,
  words,
}: {
  index: number;
  count: number;
  /** What the fields start from. */
  values: Record<string, string>;
  /** What they hold now (which offer fields and how many variables to show). */
  current: Record<string, string>;
  errors: FieldErrors;
  templates: PreviewTemplate[];
  currency: string;
  readOnly: boolean;
  onRemove: () => void;
  words: Words;
}) {
  const name = (part: Parameters<typeof stepField>[1]) => stepField(index, part);
  const field = (
    fieldName: string,
    label: string,
    props: React.ComponentProps<"input"> = {},
    className?: string,
  ) => (
    <FormField label={label} error={errors[fieldName]} className={className}>
      <Input name={fieldName} defaultValue={values[fieldName] ?? ""} {...props} />
    </FormField>
  );
  const offer = current[name("Incentive")] ?? "none";
  const chosen = current[name("Template")] ?? "";
  const stored = values[name("Template")] ?? "";
  const template = templates.find((candidate) => templateChoice(candidate) === chosen);
  const mapped = Array.from({ length: 10 }, (_, n) => n + 1).filter(
    (n) => values[stepVariableField(index, n)],
  ).length;
  const variableCount = template ? template.variableCount : chosen ? mapped : 0;
  const number = index + 1;
  return (
    <fieldset
      className="grid min-w-0 gap-4 rounded-md border p-4"
      data-testid="recovery-step"
      aria-label={formatMessage(words.step, { number })}
    >
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">{formatMessage(words.step, { number })}</h3>
        {count > 1 && !readOnly ? (
          <Button type="button" variant="ghost" size="sm" onClick={onRemove}>
            <Trash2 className="size-4" aria-hidden />
            {formatMessage(words.removeStep, { number })}
          </Button>
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_10rem]">
        {field(name("Delay"), words.delay, { inputMode: "numeric" })}
        <FormField label={words.unit}>
          <NativeSelect name={name("DelayUnit")} defaultValue={values[name("DelayUnit")]}>
            {Object.keys(DELAY_UNITS).map((unit) => (
              <option key={unit} value={unit}>
                {words.units[unit as keyof typeof DELAY_UNITS]}
              </option>
            ))}
          </NativeSelect>
        </FormField>
      </div>
      <div className="grid gap-3">
        <p className="text-sm font-medium">{words.texts}</p>
        <p className="text-sm text-muted-foreground">
          {formatMessage(words.textsHint, {
            variables: REMINDER_VARIABLES.map((variable) => `{${variable}}`).join(" "),
          })}
        </p>
        {SHOPPER_LANGUAGES.map((language) => {
          const textField = stepTextField(index, language);
          return (
            <FormField key={language} label={words.languages[language]} error={errors[textField]}>
              <Textarea
                name={textField}
                rows={2}
                maxLength={RECOVERY_LIMITS.textMax}
                defaultValue={values[textField] ?? ""}
              />
            </FormField>
          );
        })}
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField label={words.offer} error={errors[name("Incentive")]}>
          <NativeSelect name={name("Incentive")} defaultValue={values[name("Incentive")]}>
            {INCENTIVE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {words.offerKinds[kind]}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        {field(
          name("Percent"),
          words.percent,
          { inputMode: "numeric" },
          cn(offer !== "percent" && "hidden"),
        )}
        {field(
          name("Amount"),
          formatMessage(words.amount, { currency }),
          { inputMode: "decimal" },
          cn(offer !== "amount" && "hidden"),
        )}
        {field(
          name("ValidHours"),
          words.validHours,
          { inputMode: "numeric" },
          cn(offer === "none" && "hidden"),
        )}
      </div>
      <p className="text-sm text-muted-foreground">
        {words.offerHint}
        {index === RECOVERY_LIMITS.maxSteps - 1 ? ` ${words.suggestedOffer}` : null}
      </p>
      <FormField
        label={words.template}
        description={templates.length === 0 ? words.noTemplates : words.templateHint}
        error={errors[name("Template")]}
      >
        <NativeSelect name={name("Template")} defaultValue={stored}>
          <option value="">{words.noTemplate}</option>
          {stored && !templates.some((candidate) => templateChoice(candidate) === stored) ? (
            <option value={stored}>
              {formatMessage(words.unavailableOption, {
                name: stored.slice(0, stored.lastIndexOf(":")),
                language: stored.slice(stored.lastIndexOf(":") + 1),
              })}
            </option>
          ) : null}
          {templates.map((option) => (
            <option key={templateChoice(option)} value={templateChoice(option)}>
              {option.name} ({option.language})
            </option>
          ))}
        </NativeSelect>
      </FormField>
      {variableCount > 0 ? (
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-4" key={chosen}>
          {Array.from({ length: variableCount }, (_, n) => n + 1).map((n) => (
            <FormField key={n} label={`{{${n}}}`}>
              <NativeSelect
                name={stepVariableField(index, n)}
                defaultValue={chosen === stored ? values[stepVariableField(index, n)] : ""}
              >
                <option value="">–</option>
                {REMINDER_VARIABLES.map((variable) => (
                  <option key={variable} value={variable}>
                    {words.variableValues[variable]}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
          ))}
        </div>
      ) : null}
    </fieldset>
  );
}
