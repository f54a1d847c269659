"use client";

import { useActionState } from "react";
import { createQrCodeAction } from "@/app/(dashboard)/dashboard/qr/actions/create-qr-code";
import { updateQrCodeAction } from "@/app/(dashboard)/dashboard/qr/actions/update-qr-code";
import { ChoiceOptions } from "@/components/forms/choice-options";
import { SaveBar, fieldErrors, submittedValues } from "@/components/settings/form-status";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { type ActionState, idleState } from "@/lib/forms/action-state";
import { QR_MESSAGE_MAX, QR_NAME_MAX } from "@/lib/qr/limits";
import type { Choice } from "@/lib/stores/choices";

export type QrCodeFormValues = { name: string; productId: string; prefilledMessage: string };

const EMPTY: QrCodeFormValues = { name: "", productId: "", prefilledMessage: "" };

/** Create a QR code (no `id`) or edit one: its name, what it points to and its opening message. */
export function QrCodeForm({
  id,
  values: stored = EMPTY,
  products,
  readOnly,
}: {
  id?: string;
  values?: QrCodeFormValues;
  /** The store's active products (plus the code's current one, if it was archived since). */
  products: Choice[];
  readOnly: boolean;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    id ? updateQrCodeAction : createQrCodeAction,
    idleState,
  );
  const errors = fieldErrors(state);
  const values = { ...stored, ...submittedValues(state) };
  return (
    <form action={action} className="grid gap-4" noValidate key={JSON.stringify(stored)}>
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <fieldset disabled={readOnly} className="grid gap-4">
        <FormField
          label="Name"
          description="For you: where the code is printed or displayed."
          error={errors.name}
        >
          <Input
            name="name"
            defaultValue={values.name}
            maxLength={QR_NAME_MAX}
            placeholder="Shop card — Gion store"
          />
        </FormField>
        <FormField
          label="Opens a chat about"
          description="The chat names the product when there is one."
          error={errors.productId}
        >
          <NativeSelect name="productId" defaultValue={values.productId}>
            <option value="">The store (no particular product)</option>
            <ChoiceOptions choices={products} />
          </NativeSelect>
        </FormField>
        <FormField
          label="Prefilled message (optional)"
          description={`Replaces the standard greeting in the shopper's WhatsApp message; the chat reference is added after it. Up to ${QR_MESSAGE_MAX} characters.`}
          error={errors.prefilledMessage}
        >
          <Textarea
            name="prefilledMessage"
            defaultValue={values.prefilledMessage}
            rows={2}
            placeholder="Hi! I picked up your card at the Gion store"
          />
        </FormField>
      </fieldset>
      <SaveBar
        label={id ? "Save QR code" : "Create QR code"}
        pending={pending}
        disabled={readOnly}
        state={state}
      />
    </form>
  );
}
