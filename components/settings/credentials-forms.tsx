"use client";

import { useActionState } from "react";
import { saveStripeCredentialsAction } from "@/app/(dashboard)/dashboard/settings/actions/save-stripe-credentials";
import { saveWhatsappCredentialsAction } from "@/app/(dashboard)/dashboard/settings/actions/save-whatsapp-credentials";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { type ActionState, idleState } from "@/lib/forms/action-state";
import { SaveBar, fieldErrors } from "./form-status";
import { type StoredSecret, StoredValues } from "./secret-field";

type Stored = Record<string, StoredSecret>;

function SecretInput({ name, label }: { name: string; label: string }) {
  // Secrets are write-only: the box is always empty, and blank means "keep".
  return (
    <Input name={name} type="password" autoComplete="off" spellCheck={false} placeholder={label} />
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
              placeholder={phoneNumberId ?? "e.g. 106540352242922"}
            />
          </FormField>
          <FormField label="Access token" error={errors.accessToken}>
            <SecretInput name="accessToken" label="Paste a new token to replace" />
          </FormField>
          <FormField label="App secret" error={errors.appSecret}>
            <SecretInput name="appSecret" label="Paste a new app secret to replace" />
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
            <SecretInput name="secretKey" label="sk_live_… or sk_test_…" />
          </FormField>
          <FormField label="Webhook signing secret" error={errors.webhookSecret}>
            <SecretInput name="webhookSecret" label="whsec_…" />
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
