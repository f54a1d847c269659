"use client";

import { useActionState } from "react";
import { createQuickReplyAction } from "@/app/(dashboard)/dashboard/bot/actions/create-quick-reply";
import { SaveBar, fieldErrors, submittedValues } from "@/components/settings/form-status";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { QUICK_REPLY_BODY_MAX, QUICK_REPLY_TITLE_MAX } from "@/lib/bot-settings/limits";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { type ActionState, idleState } from "@/lib/forms/action-state";

/** Adds a snippet agents can insert into a reply in the inbox. */
export function QuickReplyForm({
  readOnly,
  t,
  saving,
}: {
  readOnly: boolean;
  t: DashboardMessages["bot"]["quickReplies"];
  saving: string;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    createQuickReplyAction,
    idleState,
  );
  const errors = fieldErrors(state);
  const values = submittedValues(state);
  return (
    <form action={action} className="grid gap-4" noValidate>
      <fieldset disabled={readOnly} className="grid gap-4">
        <FormField label={t.titleField} description={t.titleHelp} error={errors.title}>
          <Input
            name="title"
            defaultValue={values.title ?? ""}
            maxLength={QUICK_REPLY_TITLE_MAX}
            placeholder={t.titlePlaceholder}
          />
        </FormField>
        <FormField label={t.text} error={errors.body}>
          <Textarea
            name="body"
            defaultValue={values.body ?? ""}
            rows={3}
            maxLength={QUICK_REPLY_BODY_MAX}
            placeholder={t.textPlaceholder}
          />
        </FormField>
      </fieldset>
      <SaveBar
        label={t.add}
        savingLabel={saving}
        pending={pending}
        disabled={readOnly}
        state={state}
      />
    </form>
  );
}
