"use client";

import { useActionState } from "react";
import { saveGreetingsAction } from "@/app/(dashboard)/dashboard/bot/actions/save-greetings";
import { SaveBar, fieldErrors, submittedValues } from "@/components/settings/form-status";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { GREETING_MAX } from "@/lib/bot-settings/limits";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { type ActionState, idleState } from "@/lib/forms/action-state";
import { LANGUAGE_NAMES, SHOPPER_LANGUAGES, type ShopperLanguage } from "@/lib/i18n/languages";

/** The owner's greeting per language (the field names match greetingsFormSchema). */
export function GreetingsForm({
  greetings,
  readOnly,
  t,
  saving,
}: {
  greetings: Partial<Record<ShopperLanguage, string>>;
  readOnly: boolean;
  t: DashboardMessages["bot"]["greeting"];
  saving: string;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    saveGreetingsAction,
    idleState,
  );
  const errors = fieldErrors(state);
  const submitted = submittedValues(state);
  return (
    <form action={action} className="grid gap-4" noValidate>
      <fieldset disabled={readOnly} className="grid gap-4 md:grid-cols-2">
        {SHOPPER_LANGUAGES.map((language) => {
          const name = `greeting_${language}`;
          return (
            <FormField key={language} label={LANGUAGE_NAMES[language]} error={errors[name]}>
              <Textarea
                name={name}
                lang={language}
                rows={3}
                maxLength={GREETING_MAX}
                defaultValue={submitted[name] ?? greetings[language] ?? ""}
                placeholder={t.placeholder}
              />
            </FormField>
          );
        })}
      </fieldset>
      <SaveBar
        label={t.save}
        savingLabel={saving}
        pending={pending}
        disabled={readOnly}
        state={state}
      />
    </form>
  );
}
