"use client";

import { useActionState, useState } from "react";
import { adjustBalanceAction } from "@/app/(dashboard)/dashboard/loyalty/actions/adjust-balance";
import { newClientKey } from "@/components/inbox/client-key";
import { FormStatus, fieldErrors } from "@/components/settings/form-status";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { type ActionState, idleState } from "@/lib/forms/action-state";
import { ADJUST_NOTE_MAX } from "@/lib/loyalty/adjust-form";

/**
 * The manual adjustment. The request key is made with the page and renewed only after an
 * adjustment went through, so a double submit (or a retried request) adjusts once.
 */
export function AdjustForm({
  customerId,
  initialRequestKey,
  words,
}: {
  customerId: string;
  initialRequestKey: string;
  words: DashboardMessages["loyalty"]["adjust"];
}) {
  const [requestKey, setRequestKey] = useState(initialRequestKey);
  const [state, action, pending] = useActionState<ActionState, FormData>(
    async (previous, formData) => {
      const result = await adjustBalanceAction(previous, formData);
      if (result.status === "success") setRequestKey(newClientKey());
      return result;
    },
    idleState,
  );
  const errors = fieldErrors(state);
  const values = state.status === "error" ? state.values : {};
  return (
    <form
      action={action}
      noValidate
      className="grid gap-4"
      key={JSON.stringify(values)}
      data-testid="adjust-form"
    >
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="requestKey" value={requestKey} />
      <FormField label={words.delta} error={errors.delta}>
        <Input
          name="delta"
          inputMode="numeric"
          defaultValue={values.delta ?? ""}
          className="max-w-48"
        />
      </FormField>
      <FormField label={words.note} error={errors.note}>
        <Input name="note" maxLength={ADJUST_NOTE_MAX} defaultValue={values.note ?? ""} />
      </FormField>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? words.working : words.submit}
        </Button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}
