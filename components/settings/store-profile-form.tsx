"use client";

import { useActionState } from "react";
import { updateStoreProfileAction } from "@/app/(dashboard)/dashboard/settings/actions/update-store-profile";
import { ChoiceOptions } from "@/components/forms/choice-options";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { type ActionState, idleState } from "@/lib/forms/action-state";
import type { Choice } from "@/lib/stores/choices";
import { FormStatus, fieldErrors, submittedValues } from "./form-status";

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
}: {
  profile: StoreProfileValues;
  /** Why the currency can no longer change (see lib/stores/currency-lock.ts), or null. */
  currencyLock: string | null;
  currencies: Choice[];
  timeZones: Choice[];
  languages: Choice[];
  readOnly: boolean;
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
        <FormField label="Store name" error={errors.name}>
          <Input name="name" defaultValue={values.name} />
        </FormField>
        <FormField
          label="WhatsApp number"
          description="International format, e.g. +81 75 123 4567."
          error={errors.whatsappNumber}
        >
          <Input name="whatsappNumber" type="tel" defaultValue={values.whatsappNumber} />
        </FormField>
        <div className="grid gap-4 sm:grid-cols-2">
          {/* A disabled select submits nothing: the stored currency goes with the form. */}
          {currencyLock ? <input type="hidden" name="currency" value={profile.currency} /> : null}
          <FormField
            label="Currency"
            description={currencyLock ?? "Fixed once you add a product or take an order."}
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
          <FormField label="Default language" error={errors.defaultLanguage}>
            <NativeSelect name="defaultLanguage" defaultValue={values.defaultLanguage}>
              <ChoiceOptions choices={languages} />
            </NativeSelect>
          </FormField>
        </div>
        <FormField label="Time zone" error={errors.timezone}>
          <NativeSelect name="timezone" defaultValue={values.timezone}>
            <ChoiceOptions choices={timeZones} />
          </NativeSelect>
        </FormField>
      </fieldset>
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={pending || readOnly}>
          {pending ? "Saving…" : "Save profile"}
        </Button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}
