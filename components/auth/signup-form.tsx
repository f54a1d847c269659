"use client";

import { useActionState, useState, useSyncExternalStore } from "react";
import { signUpWithPassword } from "@/app/(auth)/actions/sign-up";
import { ChoiceOptions } from "@/components/forms/choice-options";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { ActionState } from "@/lib/forms/action-state";
import type { Choice } from "@/lib/stores/choices";
import { slugFromName } from "@/lib/stores/slugs";

const noSubscription = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
const serverTimeZone = () => "UTC";

export function SignupForm({
  currencies,
  timeZones,
}: {
  currencies: Choice[];
  timeZones: Choice[];
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(signUpWithPassword, {
    status: "idle",
  });
  // The server renders UTC; after hydration the shopper's own zone is preselected.
  const defaultTimeZone = useSyncExternalStore(noSubscription, browserTimeZone, serverTimeZone);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  // The address a blank field gives, shown as the field's placeholder while the name is typed.
  const [nameDraft, setNameDraft] = useState("");
  const derivedSlug = slugFromName(nameDraft || values.storeName || "");
  return (
    <form action={action} className="grid gap-4" noValidate>
      {state.status === "error" ? (
        <p
          role="alert"
          className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive"
        >
          {state.message}
        </p>
      ) : null}
      <FormField label="Email" error={errors.email}>
        <Input name="email" type="email" autoComplete="email" defaultValue={values.email} />
      </FormField>
      <FormField label="Password" description="At least 10 characters." error={errors.password}>
        <Input name="password" type="password" autoComplete="new-password" />
      </FormField>
      <FormField label="Store name" error={errors.storeName}>
        <Input
          name="storeName"
          autoComplete="organization"
          defaultValue={values.storeName}
          onChange={(event) => setNameDraft(event.target.value)}
        />
      </FormField>
      <FormField
        label="Store address"
        description="Where shoppers find your storefront; leave it blank to make it from the name. Printed QR codes carry it, so it stays."
        error={errors.storeSlug}
      >
        {(control) => (
          <div className="flex items-center rounded-md border focus-within:ring-[3px] focus-within:ring-ring/50 has-[[aria-invalid=true]]:border-destructive">
            <span className="pl-3 text-sm text-muted-foreground" aria-hidden>
              /s/
            </span>
            <Input
              {...control}
              name="storeSlug"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              placeholder={derivedSlug}
              defaultValue={values.storeSlug}
              className="border-0 pl-0.5 shadow-none focus-visible:ring-0"
            />
          </div>
        )}
      </FormField>
      <FormField
        label="WhatsApp number"
        description="The number shoppers will chat with, in international format."
        error={errors.whatsappNumber}
      >
        <Input
          name="whatsappNumber"
          type="tel"
          placeholder="+81 75 123 4567"
          defaultValue={values.whatsappNumber}
        />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Currency" error={errors.currency}>
          <NativeSelect name="currency" defaultValue={values.currency ?? "USD"}>
            <ChoiceOptions choices={currencies} />
          </NativeSelect>
        </FormField>
        <FormField label="Language" error={errors.defaultLanguage}>
          <NativeSelect name="defaultLanguage" defaultValue={values.defaultLanguage ?? "en"}>
            <option value="en">English</option>
            <option value="ja">日本語</option>
          </NativeSelect>
        </FormField>
      </div>
      <FormField label="Time zone" error={errors.timezone}>
        <NativeSelect
          name="timezone"
          defaultValue={values.timezone ?? defaultTimeZone}
          key={defaultTimeZone}
        >
          <ChoiceOptions choices={timeZones} />
        </NativeSelect>
      </FormField>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating your store…" : "Create store"}
      </Button>
    </form>
  );
}
