"use client";

import { useActionState } from "react";
import { saveOrderTemplatesAction } from "@/app/(dashboard)/dashboard/bot/actions/save-order-templates";
import { fieldErrors, SaveBar } from "@/components/settings/form-status";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { wordFor } from "@/lib/dashboard-i18n/messages";
import { type ActionState, idleState } from "@/lib/forms/action-state";
import {
  ORDER_MESSAGE_KINDS,
  ORDER_TEMPLATE_MAX_VARIABLES,
  ORDER_TEMPLATE_VALUES,
} from "@/lib/orders/order-message-kinds";
import type { BotSettings } from "@/lib/stores/settings";

const NUMBERS = Array.from({ length: ORDER_TEMPLATE_MAX_VARIABLES }, (_, i) => i + 1);

/** Per order message: the approved utility template used outside 24 hours, and its variables. */
export function OrderTemplatesForm({
  t,
  mapping,
  templateNames,
  readOnly,
}: {
  t: DashboardMessages["orderTemplates"];
  mapping: BotSettings["orderTemplates"];
  templateNames: string[];
  readOnly: boolean;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    saveOrderTemplatesAction,
    idleState,
  );
  const errors = fieldErrors(state);
  return (
    <form action={action} className="grid gap-4" noValidate>
      {templateNames.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t.noTemplates}</p>
      ) : null}
      <fieldset disabled={readOnly} className="grid gap-4">
        {ORDER_MESSAGE_KINDS.map((kind) => (
          <div key={kind} className="grid gap-2 md:grid-cols-[12rem_1fr]">
            <FormField label={t.kinds[kind]} error={errors[`${kind}_template`]}>
              <NativeSelect
                name={`${kind}_template`}
                defaultValue={mapping[kind]?.name ?? ""}
                aria-label={`${t.kinds[kind]}: ${t.template}`}
              >
                <option value="">{t.none}</option>
                {templateNames.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-5">
              {NUMBERS.map((n) => (
                <FormField key={n} label={`{{${n}}}`}>
                  <NativeSelect
                    name={`${kind}_var${n}`}
                    defaultValue={mapping[kind]?.variables[n - 1] ?? ""}
                  >
                    <option value="">–</option>
                    {ORDER_TEMPLATE_VALUES.map((value) => (
                      <option key={value} value={value}>
                        {wordFor(t.values, value, value)}
                      </option>
                    ))}
                  </NativeSelect>
                </FormField>
              ))}
            </div>
          </div>
        ))}
      </fieldset>
      {readOnly ? <p className="text-sm text-muted-foreground">{t.readOnly}</p> : null}
      <SaveBar label={t.save} pending={pending} disabled={readOnly} state={state} />
    </form>
  );
}
