"use client";

import { useActionState, useState } from "react";
import { createMessageTemplateAction } from "@/app/(dashboard)/dashboard/bot/actions/create-message-template";
import { SaveBar, fieldErrors, submittedValues } from "@/components/settings/form-status";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { TEMPLATE_BODY_MAX, TEMPLATE_NAME_MAX } from "@/lib/bot-settings/limits";
import { templateVariables } from "@/lib/bot-settings/template-variables";
import { type DashboardMessages, formatMessage } from "@/lib/dashboard-i18n/messages";
import { type ActionState, idleState } from "@/lib/forms/action-state";
import { LanguageSelect } from "./language-select";

type Words = DashboardMessages["bot"]["templates"] & {
  problems: Pick<DashboardMessages["bot"]["errors"], "notVariable" | "variableGap">;
};

function variablesHint(body: string, t: Words): string {
  const variables = templateVariables(body);
  if (!variables.ok) return formatMessage(t.problems[variables.problem], variables.values);
  if (variables.count === 0) return t.noVariables;
  return variables.count === 1
    ? t.oneVariableHint
    : formatMessage(t.variablesHint, { count: variables.count });
}

/** Records a template the store has had approved in Meta's WhatsApp Manager. */
export function TemplateForm({
  readOnly,
  t,
  saving,
}: {
  readOnly: boolean;
  t: Words;
  saving: string;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    createMessageTemplateAction,
    idleState,
  );
  const errors = fieldErrors(state);
  const values = submittedValues(state);
  const [body, setBody] = useState("");
  // A finished submission resets the form: the body follows (kept when there were errors).
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    setBody(values.body ?? "");
  }
  return (
    <form action={action} className="grid gap-4" noValidate>
      <fieldset disabled={readOnly} className="grid gap-4">
        <div className="grid gap-4 md:grid-cols-3">
          <FormField label={t.name} description={t.nameHelp} error={errors.name}>
            <Input
              name="name"
              defaultValue={values.name ?? ""}
              maxLength={TEMPLATE_NAME_MAX}
              placeholder="cart_reminder"
              autoCapitalize="none"
              spellCheck={false}
            />
          </FormField>
          <FormField label={t.language} error={errors.language}>
            <LanguageSelect defaultValue={values.language ?? "en"} />
          </FormField>
          <FormField label={t.category} error={errors.category}>
            <NativeSelect name="category" defaultValue={values.category ?? "utility"}>
              <option value="utility">{t.categories.utility}</option>
              <option value="marketing">{t.categories.marketing}</option>
            </NativeSelect>
          </FormField>
        </div>
        <FormField
          label={t.body}
          description={formatMessage(t.bodyHelp, { hint: variablesHint(body, t) })}
          error={errors.body}
        >
          <Textarea
            name="body"
            value={body}
            onChange={(event) => setBody(event.target.value)}
            rows={3}
            maxLength={TEMPLATE_BODY_MAX}
            placeholder={t.bodyPlaceholder}
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
