"use client";

import { useActionState, useRef } from "react";
import { savePaymentSettingsAction } from "@/app/(dashboard)/dashboard/settings/actions/save-payment-settings";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { type ActionState, idleState } from "@/lib/forms/action-state";
import { FormStatus, fieldErrors, submittedValues } from "./form-status";

export type PaymentSettingsValues = {
  expiryValue: string;
  expiryUnit: "minutes" | "hours";
  /** Comma-separated two-letter codes. */
  shippingCountries: string;
};

/** Settings → Payments: how long a checkout page stays open, and where Checkout ships to. */
export function PaymentSettingsForm({
  t,
  values: saved,
  defaultCountries,
  readOnly,
}: {
  t: DashboardMessages["payments"];
  values: PaymentSettingsValues;
  defaultCountries: string;
  readOnly: boolean;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    savePaymentSettingsAction,
    idleState,
  );
  const errors = fieldErrors(state);
  const values = { ...saved, ...submittedValues(state) };
  const countries = useRef<HTMLTextAreaElement>(null);
  return (
    <form action={action} className="grid gap-4" noValidate id="payment-settings-form">
      <fieldset disabled={readOnly} className="grid gap-4">
        <FormField label={t.expiryLabel} description={t.expiryHelp} error={errors.expiryValue}>
          {(control) => (
            <div className="flex max-w-xs gap-2">
              <Input
                {...control}
                name="expiryValue"
                inputMode="numeric"
                aria-label={t.expiryValue}
                defaultValue={values.expiryValue}
              />
              <NativeSelect
                name="expiryUnit"
                aria-label={t.expiryLabel}
                defaultValue={values.expiryUnit}
                aria-invalid={errors.expiryUnit ? true : undefined}
              >
                <option value="minutes">{t.units.minutes}</option>
                <option value="hours">{t.units.hours}</option>
              </NativeSelect>
            </div>
          )}
        </FormField>
        <FormField
          label={t.countriesLabel}
          description={t.countriesHelp}
          error={errors.shippingCountries}
        >
          <Textarea
            ref={countries}
            name="shippingCountries"
            rows={3}
            spellCheck={false}
            autoCapitalize="characters"
            defaultValue={values.shippingCountries}
          />
        </FormField>
        <div>
          <Button
            type="button"
            variant="outline"
            size="sm"
            onClick={() => {
              if (countries.current) countries.current.value = defaultCountries;
            }}
          >
            {t.resetCountries}
          </Button>
        </div>
      </fieldset>
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={pending || readOnly}>
          {pending ? t.saving : t.save}
        </Button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}
