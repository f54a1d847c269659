"use client";

import { useActionState, useState } from "react";
import { saveStripeCredentialsAction } from "@/app/(dashboard)/dashboard/settings/actions/save-stripe-credentials";
import { saveWhatsappCredentialsAction } from "@/app/(dashboard)/dashboard/settings/actions/save-whatsapp-credentials";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { type ActionState, idleState } from "@/lib/forms/action-state";
import { SaveBar, fieldErrors, submittedValues } from "./form-status";
import { type StoredSecret, StoredValues } from "./secret-field";

type Stored = Record<string, StoredSecret>;
type Words = DashboardMessages["settings"];

/**
 * Secrets are write-only: the page never shows a stored one, and blank means "keep". What the
 * owner typed stays in the box after a refused save (held here, in the browser: the server
 * never sends a secret back), and clears once a save succeeds.
 */
function SecretInput({ name, label, state }: { name: string; label: string; state: ActionState }) {
  const [value, setValue] = useState("");
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    if (state.status === "success") setValue("");
  }
  return (
    <Input
      name={name}
      type="password"
      autoComplete="off"
      spellCheck={false}
      placeholder={label}
      value={value}
      onChange={(event) => setValue(event.target.value)}
    />
  );
}

export function WhatsappCredentialsForm({
  phoneNumberId,
  numberStatus,
  stored,
  readOnly,
  t,
  saving,
}: {
  phoneNumberId: string | null;
  /** How the number is bound, in words (lib/whatsapp/phone-number-binding.ts). */
  numberStatus: string;
  stored: Stored;
  readOnly: boolean;
  t: Words;
  saving: string;
}) {
  const w = t.whatsapp;
  const [state, action, pending] = useActionState<ActionState, FormData>(
    saveWhatsappCredentialsAction,
    idleState,
  );
  const errors = fieldErrors(state);
  return (
    <div className="grid gap-4">
      <form action={action} className="grid gap-4" noValidate id="whatsapp-form">
        <fieldset disabled={readOnly} className="grid gap-4">
          <FormField
            label={w.phoneNumberId}
            description={`${numberStatus} ${w.phoneNumberIdHelp}`}
            error={errors.phoneNumberId}
          >
            <Input
              name="phoneNumberId"
              inputMode="numeric"
              defaultValue={submittedValues(state).phoneNumberId}
              placeholder={phoneNumberId ?? w.phoneNumberIdPlaceholder}
            />
          </FormField>
          <FormField label={w.accessToken} error={errors.accessToken}>
            <SecretInput name="accessToken" label={w.accessTokenPlaceholder} state={state} />
          </FormField>
          <FormField label={w.appSecret} error={errors.appSecret}>
            <SecretInput name="appSecret" label={w.appSecretPlaceholder} state={state} />
          </FormField>
        </fieldset>
        <SaveBar
          label={w.save}
          savingLabel={saving}
          pending={pending}
          disabled={readOnly}
          state={state}
        />
      </form>
      <StoredValues
        t={t.stored}
        readOnly={readOnly}
        items={[
          {
            name: "whatsapp_phone_number_id",
            label: w.phoneNumberId,
            stored: phoneNumberId ? { last4: phoneNumberId.slice(-4), updatedAt: "" } : null,
          },
          {
            name: "whatsapp_access_token",
            label: w.accessToken,
            stored: stored.whatsapp_access_token ?? null,
          },
          {
            name: "whatsapp_app_secret",
            label: w.appSecret,
            stored: stored.whatsapp_app_secret ?? null,
          },
        ]}
      />
    </div>
  );
}

export function StripeCredentialsForm({
  stored,
  readOnly,
  t,
  saving,
}: {
  stored: Stored;
  readOnly: boolean;
  t: Words;
  saving: string;
}) {
  const w = t.stripe;
  const [state, action, pending] = useActionState<ActionState, FormData>(
    saveStripeCredentialsAction,
    idleState,
  );
  const errors = fieldErrors(state);
  return (
    <div className="grid gap-4">
      <form action={action} className="grid gap-4" noValidate id="stripe-form">
        <fieldset disabled={readOnly} className="grid gap-4">
          <FormField label={w.secretKey} error={errors.secretKey}>
            <SecretInput name="secretKey" label="sk_live_… or sk_test_…" state={state} />
          </FormField>
          <FormField label={w.webhookSecret} error={errors.webhookSecret}>
            <SecretInput name="webhookSecret" label="whsec_…" state={state} />
          </FormField>
        </fieldset>
        <SaveBar
          label={w.save}
          savingLabel={saving}
          pending={pending}
          disabled={readOnly}
          state={state}
        />
      </form>
      <StoredValues
        t={t.stored}
        readOnly={readOnly}
        items={[
          {
            name: "stripe_secret_key",
            label: w.secretKey,
            stored: stored.stripe_secret_key ?? null,
          },
          {
            name: "stripe_webhook_secret",
            label: w.webhookSecret,
            stored: stored.stripe_webhook_secret ?? null,
          },
        ]}
      />
    </div>
  );
}
