"use client";

import { useActionState } from "react";
import { createFaqEntryAction } from "@/app/(dashboard)/dashboard/bot/actions/create-faq-entry";
import { updateFaqEntryAction } from "@/app/(dashboard)/dashboard/bot/actions/update-faq-entry";
import { SaveBar, fieldErrors, submittedValues } from "@/components/settings/form-status";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { FAQ_ANSWER_MAX, FAQ_QUESTION_MAX } from "@/lib/bot-settings/limits";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { type ActionState, idleState } from "@/lib/forms/action-state";
import { LanguageSelect } from "./language-select";

export type FaqFormValues = {
  language: string;
  question: string;
  answer: string;
  /** Comma-separated, as the owner types them. */
  keywords: string;
};

const EMPTY: FaqFormValues = { language: "en", question: "", answer: "", keywords: "" };

/** Add an FAQ entry (no `id`) or edit one. */
export function FaqForm({
  id,
  values: stored = EMPTY,
  readOnly,
  t,
  saving,
}: {
  id?: string;
  values?: FaqFormValues;
  readOnly: boolean;
  t: DashboardMessages["bot"]["faq"];
  saving: string;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    id ? updateFaqEntryAction : createFaqEntryAction,
    idleState,
  );
  const errors = fieldErrors(state);
  const values = { ...stored, ...submittedValues(state) };
  return (
    <form action={action} className="grid gap-4" noValidate key={JSON.stringify(stored)}>
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <fieldset disabled={readOnly} className="grid gap-4">
        <div className="grid gap-4 md:grid-cols-[12rem_1fr]">
          <FormField label={t.language} error={errors.language}>
            <LanguageSelect defaultValue={values.language} />
          </FormField>
          <FormField label={t.question} error={errors.question}>
            <Input
              name="question"
              defaultValue={values.question}
              maxLength={FAQ_QUESTION_MAX}
              placeholder={t.questionPlaceholder}
            />
          </FormField>
        </div>
        <FormField label={t.answer} error={errors.answer}>
          <Textarea
            name="answer"
            defaultValue={values.answer}
            rows={3}
            maxLength={FAQ_ANSWER_MAX}
            placeholder={t.answerPlaceholder}
          />
        </FormField>
        <FormField label={t.keywords} description={t.keywordsHelp} error={errors.keywords}>
          <Input
            name="keywords"
            defaultValue={values.keywords}
            placeholder={t.keywordsPlaceholder}
          />
        </FormField>
      </fieldset>
      <SaveBar
        label={id ? t.save : t.add}
        savingLabel={saving}
        pending={pending}
        disabled={readOnly}
        state={state}
      />
    </form>
  );
}
