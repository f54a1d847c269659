"use client";

import { type FormEvent, type ReactNode, useActionState, useState } from "react";
import { updateWidgetSettingsAction } from "@/app/(dashboard)/dashboard/widget/actions/update-widget-settings";
import { SaveBar, fieldErrors, submittedValues } from "@/components/settings/form-status";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { type ActionState, formValues, idleState } from "@/lib/forms/action-state";
import type { StoreSettings } from "@/lib/stores/settings";
import {
  type WidgetSettingsFormValues,
  widgetSettingsFormSchema,
} from "@/lib/widget/settings-form";
import type { ShopperLanguage } from "@/lib/i18n/languages";
import { WidgetTranslationFields } from "./widget-translation-fields";
import { WidgetPreview } from "./widget-preview";

type PreviewSettings = Pick<StoreSettings, "widget" | "businessHours">;

function parsedOrNull(
  values: WidgetSettingsFormValues,
  businessHours: StoreSettings["businessHours"],
): PreviewSettings | null {
  const parsed = widgetSettingsFormSchema.safeParse(values);
  return parsed.success ? { ...parsed.data, businessHours } : null;
}

/**
 * Dashboard → Widget: appearance and what happens outside business hours (which are edited in
 * Settings, `hoursLink`) on the left, the live preview (fed by
 * what is typed, whenever it validates) and `children` (the embed snippet) on the right.
 */
export function WidgetSettingsForm({
  store,
  initialValues,
  businessHours,
  hoursLink,
  readOnly,
  languages,
  t,
  forms,
  children,
}: {
  store: { slug: string; timezone: string };
  initialValues: WidgetSettingsFormValues;
  /** The stored business hours, for the preview. */
  businessHours: StoreSettings["businessHours"];
  /** Where business hours are edited (Settings), with words saying whether they are on. */
  hoursLink: ReactNode;
  readOnly: boolean;
  /** The store's other languages, for the translated label, greeting and offline note. */
  languages: readonly ShopperLanguage[];
  t: DashboardMessages["widgetPage"];
  forms: Pick<DashboardMessages["forms"], "saving" | "otherLanguages" | "optional">;
  children: ReactNode;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    updateWidgetSettingsAction,
    idleState,
  );
  const errors = fieldErrors(state);
  // After a failed save the form shows what was typed; otherwise what is stored.
  const values = { ...initialValues, ...submittedValues(state) };
  const [preview, setPreview] = useState(() => parsedOrNull(initialValues, businessHours));

  function updatePreview(event: FormEvent<HTMLFormElement>) {
    const next = parsedOrNull(formValues(new FormData(event.currentTarget)), businessHours);
    if (next) setPreview(next);
  }

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_420px]">
      <form
        action={action}
        onInput={updatePreview}
        onChange={updatePreview}
        className="grid gap-6"
        noValidate
        key={JSON.stringify(initialValues)}
      >
        <fieldset disabled={readOnly} className="grid gap-6">
          <Card>
            <CardHeader>
              <CardTitle>{t.appearance}</CardTitle>
              <CardDescription>{t.appearanceHelp}</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-4">
              <div className="grid gap-4 sm:grid-cols-2">
                <FormField label={t.position} error={errors.position}>
                  <NativeSelect name="position" defaultValue={values.position}>
                    <option value="right">{t.positions.right}</option>
                    <option value="left">{t.positions.left}</option>
                  </NativeSelect>
                </FormField>
                <FormField label={t.colour} error={errors.colour}>
                  <Input
                    type="color"
                    name="colour"
                    defaultValue={values.colour?.toLowerCase()}
                    className="h-9 w-24 p-1"
                  />
                </FormField>
              </div>
              <FormField label={t.label} description={t.labelHelp} error={errors.label}>
                <Input name="label" defaultValue={values.label} maxLength={40} />
              </FormField>
              <FormField label={t.greeting} description={t.greetingHelp} error={errors.greeting}>
                <Input name="greeting" defaultValue={values.greeting} maxLength={140} />
              </FormField>
              <WidgetTranslationFields
                languages={languages}
                values={values}
                errors={errors}
                t={t}
                labels={forms}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t.businessHours}</CardTitle>
              <CardDescription>{t.businessHoursHelp}</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-4">
              {hoursLink}
              <FormField label={t.whenClosed} error={errors.whenClosed}>
                <NativeSelect name="whenClosed" defaultValue={values.whenClosed}>
                  <option value="note">{t.whenClosedChoices.note}</option>
                  <option value="hide">{t.whenClosedChoices.hide}</option>
                </NativeSelect>
              </FormField>
              <FormField label={t.offlineNote} error={errors.offlineNote}>
                <Textarea
                  name="offlineNote"
                  defaultValue={values.offlineNote}
                  maxLength={140}
                  rows={2}
                />
              </FormField>
            </CardContent>
          </Card>
        </fieldset>
        <SaveBar
          label={t.save}
          savingLabel={forms.saving}
          pending={pending}
          disabled={readOnly}
          state={state}
        />
      </form>
      <div className="grid gap-6 lg:sticky lg:top-6">
        <Card>
          <CardHeader>
            <CardTitle>{t.livePreview}</CardTitle>
          </CardHeader>
          <CardContent>
            {preview ? <WidgetPreview store={store} settings={preview} t={t} /> : null}
          </CardContent>
        </Card>
        {children}
      </div>
    </div>
  );
}
