"use client";

import { useActionState, useMemo, useState } from "react";
import { saveProgrammeAction } from "@/app/(dashboard)/dashboard/loyalty/actions/save-programme";
import { FormStatus, fieldErrors } from "@/components/settings/form-status";
import { FormSection } from "@/components/forms/form-section";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { formatMessage } from "@/lib/i18n/messages";
import { type ActionState, formValues, idleState } from "@/lib/forms/action-state";
import { tierExamples } from "@/lib/loyalty/example";
import { parseRulesForm, tierField } from "@/lib/loyalty/rules-form";
import { LOYALTY_LIMITS } from "@/lib/loyalty/rules";
import { formatMoney } from "@/lib/money/format";

type Words = DashboardMessages["loyalty"];

/**
 * The programme form. What the owner types is read by the same pure parser as the server
 * action, so the live example beside it shows exactly what the rules being edited would do.
 */
export function ProgrammeForm({
  initial,
  currency,
  language,
  exampleMinor,
  readOnly,
  words,
}: {
  initial: Record<string, string>;
  currency: string;
  language: string;
  exampleMinor: number;
  readOnly: boolean;
  words: Words;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    saveProgrammeAction,
    idleState,
  );
  const errors = fieldErrors(state);
  // After a failed save the form shows what was typed (an unticked box included).
  const values = state.status === "error" ? state.values : initial;
  const [draft, setDraft] = useState<Record<string, string> | null>(null);
  const current = draft ?? values;
  const example = useMemo(() => {
    const parsed = parseRulesForm(current, currency, words.errors);
    return parsed.ok ? tierExamples(parsed.value.rules, exampleMinor) : null;
  }, [current, currency, words.errors, exampleMinor]);
  const money = (minor: number) => formatMoney(minor, currency, language);
  const p = words.programme;
  const field = (name: string, label: string, props: React.ComponentProps<"input"> = {}) => (
    <FormField label={label} error={errors[name]}>
      <Input name={name} defaultValue={values[name] ?? ""} {...props} />
    </FormField>
  );
  const numeric = { inputMode: "numeric" as const };
  const decimal = { inputMode: "decimal" as const };
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <form
        action={action}
        noValidate
        key={JSON.stringify(values)}
        onInput={(event) => setDraft(formValues(new FormData(event.currentTarget)))}
        className="grid min-w-0 gap-4"
        data-testid="programme-form"
      >
        <fieldset disabled={readOnly} className="grid min-w-0 gap-6">
          <label className="flex items-start gap-3 text-sm">
            <input
              type="checkbox"
              name="enabled"
              defaultChecked={values.enabled === "on"}
              className="mt-0.5 size-4"
            />
            <span className="grid gap-1">
              <span className="font-medium">{p.enabled}</span>
              <span className="text-muted-foreground">{p.enabledHint}</span>
            </span>
          </label>
          {field("name", p.name, { maxLength: 60 })}
          <FormSection title={p.earning}>
            <div className="grid gap-4 sm:grid-cols-2">
              {field("earnPoints", p.earnPoints, numeric)}
              {field("earnPer", formatMessage(p.earnPer, { currency }), decimal)}
            </div>
            <p className="text-sm text-muted-foreground">{p.earnHint}</p>
          </FormSection>
          <FormSection title={p.redeeming}>
            <div className="grid gap-4 sm:grid-cols-3">
              {field("pointValue", formatMessage(p.pointValue, { currency }), decimal)}
              {field("minRedeemPoints", p.minRedeemPoints, numeric)}
              {field("maxRedeemPercent", p.maxRedeemPercent, numeric)}
            </div>
          </FormSection>
          <FormSection title={p.bonuses}>
            <div className="grid gap-4 sm:grid-cols-3">
              {field("signupBonus", p.signupBonus, numeric)}
              {field("firstOrderBonus", p.firstOrderBonus, numeric)}
              {field("birthdayBonus", p.birthdayBonus, numeric)}
            </div>
          </FormSection>
          <FormSection title={p.timing}>
            <div className="grid gap-4 sm:grid-cols-2">
              {field("pendingDays", p.pendingDays, numeric)}
              {field("expiryMonths", p.expiryMonths, numeric)}
            </div>
            <FormField
              label={p.expiryWarningTemplate}
              description={p.expiryWarningHint}
              error={errors.expiryWarningTemplate}
            >
              <Input
                name="expiryWarningTemplate"
                defaultValue={values.expiryWarningTemplate ?? ""}
              />
            </FormField>
            <FormField
              label={p.birthdayTemplate}
              description={p.birthdayTemplateHint}
              error={errors.birthdayTemplate}
            >
              <Input name="birthdayTemplate" defaultValue={values.birthdayTemplate ?? ""} />
            </FormField>
          </FormSection>
          <FormSection title={p.tiers}>
            <p className="text-sm text-muted-foreground">{p.tiersHint}</p>
            {Array.from({ length: LOYALTY_LIMITS.maxTiers }, (_, index) => (
              <div key={index} className="grid gap-4 rounded-md border p-3 sm:grid-cols-2">
                {field(tierField(index, "Name"), formatMessage(p.tierName, { number: index + 1 }), {
                  maxLength: 40,
                })}
                {field(
                  tierField(index, "Threshold"),
                  formatMessage(p.threshold, { currency }),
                  index === 0 ? { ...decimal, readOnly: true } : decimal,
                )}
                {field(tierField(index, "Multiplier"), p.multiplier, decimal)}
                {field(tierField(index, "Reward"), p.reward, numeric)}
              </div>
            ))}
          </FormSection>
          <p className="text-sm font-medium" data-testid="new-activity-only">
            {words.newActivityOnly}
          </p>
        </fieldset>
        {readOnly ? null : (
          <div className="flex flex-wrap items-center gap-4">
            <Button type="submit" disabled={pending}>
              {p.save}
            </Button>
            <FormStatus state={state} />
          </div>
        )}
      </form>
      <aside
        className="grid h-fit gap-3 rounded-lg border bg-muted/40 p-4 text-sm lg:sticky lg:top-4"
        aria-live="polite"
        data-testid="live-example"
      >
        <h3 className="font-semibold">{words.example.title}</h3>
        {example ? (
          <>
            <p className="text-muted-foreground">
              {formatMessage(words.example.intro, { amount: money(exampleMinor) })}
            </p>
            <ul className="grid gap-2">
              {example.map((tier) => (
                <li key={tier.name} className="flex flex-wrap justify-between gap-x-3">
                  <span className="font-medium">{tier.name}</span>
                  <span className="tabular-nums">
                    {formatMessage(words.example.points, { points: tier.points })} (
                    {formatMessage(words.example.worth, { value: money(tier.valueMinor) })})
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="text-muted-foreground">{words.example.fix}</p>
        )}
      </aside>
    </div>
  );
}
