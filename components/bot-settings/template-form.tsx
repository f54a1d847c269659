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
import { type ActionState, idleState } from "@/lib/forms/action-state";
import { LanguageSelect } from "./language-select";

function variablesHint(body: string): string {
  const variables = templateVariables(body);
  if (!variables.ok) return variables.error;
  if (variables.count === 0) return "No variables.";
  return variables.count === 1
    ? "1 variable: {{1}}."
    : `${variables.count} variables: {{1}}–{{${variables.count}}}.`;
}

/** Records a template the store has had approved in Meta's WhatsApp Manager. */
export function TemplateForm({ readOnly }: { readOnly: boolean }) {
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
          <FormField label="Name" description="Exactly as approved by Meta." error={errors.name}>
            <Input
              name="name"
              defaultValue={values.name ?? ""}
              maxLength={TEMPLATE_NAME_MAX}
              placeholder="cart_reminder"
              autoCapitalize="none"
              spellCheck={false}
            />
          </FormField>
          <FormField label="Language" error={errors.language}>
            <LanguageSelect defaultValue={values.language ?? "en"} />
          </FormField>
          <FormField label="Category" error={errors.category}>
            <NativeSelect name="category" defaultValue={values.category ?? "utility"}>
              <option value="utility">Utility (orders, carts)</option>
              <option value="marketing">Marketing (promotions)</option>
            </NativeSelect>
          </FormField>
        </div>
        <FormField
          label="Body"
          description={`Variables are numbered {{1}}, {{2}} … from 1. ${variablesHint(body)}`}
          error={errors.body}
        >
          <Textarea
            name="body"
            value={body}
            onChange={(event) => setBody(event.target.value)}
            rows={3}
            maxLength={TEMPLATE_BODY_MAX}
            placeholder="Hi {{1}}, your cart is waiting: {{2}}"
          />
        </FormField>
      </fieldset>
      <SaveBar label="Add template" pending={pending} disabled={readOnly} state={state} />
    </form>
  );
}
