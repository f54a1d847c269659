"use client";

import { type DashboardMessages, formatMessage } from "@/lib/dashboard-i18n/messages";
import { useActionState, useState } from "react";
import { sendTemplateAction } from "@/app/(dashboard)/dashboard/inbox/actions/send-template";
import { fieldErrors, FormStatus } from "@/components/settings/form-status";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { type ActionState, idleState } from "@/lib/forms/action-state";
import { TEMPLATE_PARAMETER_MAX_LENGTH } from "@/lib/inbox/form-schemas";
import type { TemplateOption } from "@/lib/inbox/snippets";
import { fillTemplate } from "@/lib/inbox/template-preview";
import { newClientKey } from "./client-key";

/** Pick one of the store's approved templates, fill in its variables, and send it. */
export function TemplateComposer({
  conversationId,
  initialClientKey,
  templates,
  disabled,
  t,
}: {
  conversationId: string;
  initialClientKey: string;
  templates: TemplateOption[];
  disabled: boolean;
  t: DashboardMessages["inboxView"]["templateComposer"];
}) {
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? "");
  const [parameters, setParameters] = useState<string[]>([]);
  const [clientKey, setClientKey] = useState(initialClientKey);
  const [state, action, pending] = useActionState<ActionState, FormData>(
    async (previous, formData) => {
      const result = await sendTemplateAction(previous, formData);
      setClientKey(newClientKey());
      if (result.status === "success") setParameters([]);
      return result;
    },
    idleState,
  );
  const template = templates.find((candidate) => candidate.id === templateId);
  if (templates.length === 0) {
    return <p className="text-sm text-muted-foreground">{t.none}</p>;
  }
  const errors = fieldErrors(state);
  const variables = Array.from({ length: template?.variableCount ?? 0 }, (_, index) => index);
  return (
    <form action={action} className="grid gap-3" aria-label={t.label}>
      <input type="hidden" name="conversationId" value={conversationId} />
      <input type="hidden" name="clientKey" value={clientKey} />
      <fieldset disabled={disabled || pending} className="grid gap-3">
        <FormField label={t.template} error={errors.templateId}>
          <NativeSelect
            name="templateId"
            value={templateId}
            onChange={(event) => {
              setTemplateId(event.target.value);
              setParameters([]);
            }}
          >
            {templates.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name} ({option.language}, {option.category})
              </option>
            ))}
          </NativeSelect>
        </FormField>
        {variables.map((index) => (
          <FormField
            key={`${templateId}-${index}`}
            label={formatMessage(t.variable, { n: index + 1 })}
          >
            <Input
              name={`param${index + 1}`}
              value={parameters[index] ?? ""}
              maxLength={TEMPLATE_PARAMETER_MAX_LENGTH}
              onChange={(event) => {
                const next = [...parameters];
                next[index] = event.target.value;
                setParameters(Array.from(next, (value) => value ?? ""));
              }}
            />
          </FormField>
        ))}
        {errors.parameters ? (
          <p className="text-sm text-destructive">{errors.parameters.join(" ")}</p>
        ) : null}
        {template ? (
          <div
            className="rounded-md border bg-muted/50 p-3 text-sm whitespace-pre-wrap"
            data-testid="template-preview"
          >
            {fillTemplate(template.body, parameters)}
          </div>
        ) : null}
        <div className="flex flex-wrap items-center justify-between gap-3">
          <FormStatus state={state} />
          <Button
            type="submit"
            variant="secondary"
            className="ml-auto"
            disabled={disabled || pending || !template}
          >
            {pending ? t.sending : t.send}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
