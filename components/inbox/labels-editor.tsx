"use client";

import { type DashboardMessages, formatMessage } from "@/lib/dashboard-i18n/messages";
import { useActionState } from "react";
import { setLabelsAction } from "@/app/(dashboard)/dashboard/inbox/actions/set-labels";
import { fieldErrors, FormStatus, submittedValues } from "@/components/settings/form-status";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { type ActionState, idleState } from "@/lib/forms/action-state";
import { MAX_LABEL_LENGTH, MAX_LABELS } from "@/lib/inbox/labels";

/** The conversation's labels as one comma-separated field. */
export function LabelsEditor({
  conversationId,
  labels,
  label,
  t,
}: {
  conversationId: string;
  labels: string[];
  /** The field's label ("Labels"), in the member's language. */
  label: string;
  t: DashboardMessages["inboxView"]["labelsEditor"];
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    setLabelsAction,
    idleState,
  );
  const stored = labels.join(", ");
  const value = submittedValues(state).labels ?? stored;
  return (
    // Keyed by the stored labels, so the field shows them again after a save or a refresh.
    <form action={action} className="grid gap-3" key={stored}>
      <input type="hidden" name="conversationId" value={conversationId} />
      <FormField
        label={label}
        description={formatMessage(t.help, { max: MAX_LABELS, length: MAX_LABEL_LENGTH })}
        error={fieldErrors(state).labels}
      >
        <Input name="labels" defaultValue={value} placeholder={t.placeholder} />
      </FormField>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="outline" size="sm" disabled={pending}>
          {pending ? t.saving : t.save}
        </Button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}
