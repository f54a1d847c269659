"use client";

import { useActionState } from "react";
import { updateStoreProfileAction } from "@/app/(dashboard)/dashboard/settings/actions/update-store-profile";
import { ChoiceOptions } from "@/components/forms/choice-options";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { type ActionState, idleState } from "@/lib/forms/action-state";
import type { Choice } from "@/lib/stores/choices";
import { SaveBar, fieldErrors, submittedValues } from "./form-status";

export type StoreProfileValues = {
  name: string;
  whatsappNumber: string;
  currency: string;
  timezone: string;
  defaultLanguage: string;
};

export function StoreProfileForm({
  profile,
  currencies,
  timeZones,
  languages,
  readOnly,
  currencyLock,
  t,
  saving,
}: {
  profile: StoreProfileValues;
  /** Why the currency can no longer change (see lib/stores/currency-lock.ts), or null. */
  currencyLock: string | null;
  currencies: Choice[];
  timeZones: Choice[];
  languages: Choice[];
  readOnly: boolean;
  t: DashboardMessages["settings"]["profile"];
  saving: string;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    updateStoreProfileAction,
    idleState,
  );
  const errors = fieldErrors(state);
  // After a failed save the form shows what was typed; otherwise what is stored.
  const values = { ...profile, ...submittedValues(state) };
  return (
    <form action={action} className="grid gap-4" noValidate key={JSON.stringify(profile)}>
      <fieldset disabled={readOnly} className="grid gap-4">
        <FormField label={t.name} error={errors.name}>
          <Input name="name" defaultValue={values.name} />
        </FormField>
        <FormField
          label={t.whatsappNumber}
          description={t.whatsappNumberHelp}
          error={errors.whatsappNumber}
        >
          <Input name="whatsappNumber" type="tel" defaultValue={values.whatsappNumber} />
        </FormField>
        <div className="grid gap-4 sm:grid-cols-2">
          {/* A disabled select submits nothing: the stored currency goes with the form. */}
          {currencyLock ? <input type="hidden" name="currency" value={profile.currency} /> : null}
          <FormField
            label={t.currency}
            description={currencyLock ?? t.currencyHelp}
            error={errors.currency}
          >
            <NativeSelect
              name={currencyLock ? undefined : "currency"}
              defaultValue={currencyLock ? profile.currency : values.currency}
              disabled={currencyLock !== null}
            >
              <ChoiceOptions choices={currencies} />
            </NativeSelect>
          </FormField>
          <FormField label={t.defaultLanguage} error={errors.defaultLanguage}>
            <NativeSelect name="defaultLanguage" defaultValue={values.defaultLanguage}>
              <ChoiceOptions choices={languages} />
            </NativeSelect>
          </FormField>
        </div>
        <FormField label={t.timezone} error={errors.timezone}>
          <NativeSelect name="timezone" defaultValue={values.timezone}>
            <ChoiceOptions choices={timeZones} />
          </NativeSelect>
        </FormField>
      </fieldset>
      <SaveBar
        label={t.save}
        savingLabel={saving}
        pending={pending}
        disabled={readOnly}
        state={state}
      />
    </form>
  );
}
