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
import { type DashboardMessages, formatMessage } from "@/lib/dashboard-i18n/messages";
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
  t,
  saving,
}: {
  id?: string;
  values?: QrCodeFormValues;
  /** The store's active products (plus the code's current one, if it was archived since). */
  products: Choice[];
  readOnly: boolean;
  t: Pick<DashboardMessages["qrCodes"], "form">;
  /** The save button's words while saving (t.forms.saving). */
  saving: string;
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
        <FormField label={t.form.name} description={t.form.nameHelp} error={errors.name}>
          <Input
            name="name"
            defaultValue={values.name}
            maxLength={QR_NAME_MAX}
            placeholder={t.form.namePlaceholder}
          />
        </FormField>
        <FormField label={t.form.product} description={t.form.productHelp} error={errors.productId}>
          <NativeSelect name="productId" defaultValue={values.productId}>
            <option value="">{t.form.noProduct}</option>
            <ChoiceOptions choices={products} />
          </NativeSelect>
        </FormField>
        <FormField
          label={t.form.message}
          description={formatMessage(t.form.messageHelp, { max: QR_MESSAGE_MAX })}
          error={errors.prefilledMessage}
        >
          <Textarea
            name="prefilledMessage"
            defaultValue={values.prefilledMessage}
            rows={2}
            placeholder={t.form.messagePlaceholder}
          />
        </FormField>
      </fieldset>
      <SaveBar
        label={id ? t.form.save : t.form.create}
        savingLabel={saving}
        pending={pending}
        disabled={readOnly}
        state={state}
      />
    </form>
  );
}
