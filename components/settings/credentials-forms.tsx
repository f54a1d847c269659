"use client";

import { useActionState, useState } from "react";
import { saveStripeCredentialsAction } from "@/app/(dashboard)/dashboard/settings/actions/save-stripe-credentials";
import { saveWhatsappCredentialsAction } from "@/app/(dashboard)/dashboard/settings/actions/save-whatsapp-credentials";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { type ActionState, idleState } from "@/lib/forms/action-state";
import { SaveBar, fieldErrors, submittedValues } from "./form-status";
import { type StoredSecret, StoredValues } from "./secret-field";

type Stored = Record<string, StoredSecret>;

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
}: {
  phoneNumberId: string | null;
  /** How the number is bound, in words (lib/whatsapp/phone-number-binding.ts). */
  numberStatus: string;
  stored: Stored;
  readOnly: boolean;
}) {
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
            label="Phone-number id"
            description={`${numberStatus} A new id is saved only with your own access token, after Meta confirms the token can use it.`}
            error={errors.phoneNumberId}
          >
            <Input
              name="phoneNumberId"
              inputMode="numeric"
              defaultValue={submittedValues(state).phoneNumberId}
              placeholder={phoneNumberId ?? "e.g. 106540352242922"}
            />
          </FormField>
          <FormField label="Access token" error={errors.accessToken}>
            <SecretInput name="accessToken" label="Paste a new token to replace" state={state} />
          </FormField>
          <FormField label="App secret" error={errors.appSecret}>
            <SecretInput name="appSecret" label="Paste a new app secret to replace" state={state} />
          </FormField>
        </fieldset>
        <SaveBar
          label="Save WhatsApp settings"
          pending={pending}
          disabled={readOnly}
          state={state}
        />
      </form>
      <StoredValues
        readOnly={readOnly}
        items={[
          {
            name: "whatsapp_phone_number_id",
            label: "Phone-number id",
            stored: phoneNumberId ? { last4: phoneNumberId.slice(-4), updatedAt: "" } : null,
          },
          {
            name: "whatsapp_access_token",
            label: "Access token",
            stored: stored.whatsapp_access_token ?? null,
          },
          {
            name: "whatsapp_app_secret",
            label: "App secret",
            stored: stored.whatsapp_app_secret ?? null,
          },
        ]}
      />
    </div>
  );
}

export function StripeCredentialsForm({ stored, readOnly }: { stored: Stored; readOnly: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    saveStripeCredentialsAction,
    idleState,
  );
  const errors = fieldErrors(state);
  return (
    <div className="grid gap-4">
      <form action={action} className="grid gap-4" noValidate id="stripe-form">
        <fieldset disabled={readOnly} className="grid gap-4">
          <FormField label="Secret key" error={errors.secretKey}>
            <SecretInput name="secretKey" label="sk_live_… or sk_test_…" state={state} />
          </FormField>
          <FormField label="Webhook signing secret" error={errors.webhookSecret}>
            <SecretInput name="webhookSecret" label="whsec_…" state={state} />
          </FormField>
        </fieldset>
        <SaveBar label="Save Stripe settings" pending={pending} disabled={readOnly} state={state} />
      </form>
      <StoredValues
        readOnly={readOnly}
        items={[
          {
            name: "stripe_secret_key",
            label: "Secret key",
            stored: stored.stripe_secret_key ?? null,
          },
          {
            name: "stripe_webhook_secret",
            label: "Webhook signing secret",
            stored: stored.stripe_webhook_secret ?? null,
          },
        ]}
      />
    </div>
  );
}
