"use client";

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
}: {
  conversationId: string;
  labels: string[];
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
        label="Labels"
        description={`Separated by commas; up to ${MAX_LABELS}, ${MAX_LABEL_LENGTH} characters each.`}
        error={fieldErrors(state).labels}
      >
        <Input name="labels" defaultValue={value} placeholder="vip, wholesale" />
      </FormField>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="outline" size="sm" disabled={pending}>
          {pending ? "Saving…" : "Save labels"}
        </Button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}
