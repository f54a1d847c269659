"use client";

import { type FormEvent, type ReactNode, useActionState, useState } from "react";
import { updateWidgetSettingsAction } from "@/app/(dashboard)/dashboard/widget/actions/update-widget-settings";
import { SaveBar, fieldErrors, submittedValues } from "@/components/settings/form-status";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { type ActionState, formValues, idleState } from "@/lib/forms/action-state";
import type { StoreSettings } from "@/lib/stores/settings";
import {
  type WidgetSettingsFormValues,
  widgetSettingsFormSchema,
} from "@/lib/widget/settings-form";
import type { ShopperLanguage } from "@/lib/i18n/languages";
import { BusinessHoursFields } from "./business-hours-fields";
import { WidgetTranslationFields } from "./widget-translation-fields";
import { WidgetPreview } from "./widget-preview";

function parsedOrNull(
  values: WidgetSettingsFormValues,
): Omit<StoreSettings, "bot" | "payments"> | null {
  const parsed = widgetSettingsFormSchema.safeParse(values);
  return parsed.success ? parsed.data : null;
}

/**
 * Dashboard → Widget: appearance and business hours on the left, the live preview (fed by
 * what is typed, whenever it validates) and `children` (the embed snippet) on the right.
 */
export function WidgetSettingsForm({
  store,
  initialValues,
  readOnly,
  languages,
  children,
}: {
  store: { slug: string; timezone: string };
  initialValues: WidgetSettingsFormValues;
  readOnly: boolean;
  /** The store's other languages, for the translated label, greeting and offline note. */
  languages: readonly ShopperLanguage[];
  children: ReactNode;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    updateWidgetSettingsAction,
    idleState,
  );
  const errors = fieldErrors(state);
  // After a failed save the form shows what was typed; otherwise what is stored.
  const values = { ...initialValues, ...submittedValues(state) };
  const [preview, setPreview] = useState(() => parsedOrNull(initialValues));

  function updatePreview(event: FormEvent<HTMLFormElement>) {
    const next = parsedOrNull(formValues(new FormData(event.currentTarget)));
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
              <CardTitle>Appearance</CardTitle>
              <CardDescription>The button floats in a corner of the page.</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-4">
              <div className="grid gap-4 sm:grid-cols-2">
                <FormField label="Position" error={errors.position}>
                  <NativeSelect name="position" defaultValue={values.position}>
                    <option value="right">Bottom right</option>
                    <option value="left">Bottom left</option>
                  </NativeSelect>
                </FormField>
                <FormField label="Colour" error={errors.colour}>
                  <Input
                    type="color"
                    name="colour"
                    defaultValue={values.colour?.toLowerCase()}
                    className="h-9 w-24 p-1"
                  />
                </FormField>
              </div>
              <FormField
                label="Button label"
                description="Leave empty for an icon-only button."
                error={errors.label}
              >
                <Input name="label" defaultValue={values.label} maxLength={40} />
              </FormField>
              <FormField
                label="Greeting bubble"
                description="Shown above the button; leave empty for none."
                error={errors.greeting}
              >
                <Input name="greeting" defaultValue={values.greeting} maxLength={140} />
              </FormField>
              <WidgetTranslationFields languages={languages} values={values} errors={errors} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Business hours</CardTitle>
              <CardDescription>
                Outside them the widget shows your offline note, or hides.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <BusinessHoursFields values={values} errors={errors} timezone={store.timezone} />
            </CardContent>
          </Card>
        </fieldset>
        <SaveBar label="Save widget" pending={pending} disabled={readOnly} state={state} />
      </form>
      <div className="grid gap-6 lg:sticky lg:top-6">
        <Card>
          <CardHeader>
            <CardTitle>Live preview</CardTitle>
          </CardHeader>
          <CardContent>
            {preview ? <WidgetPreview store={store} settings={preview} /> : null}
          </CardContent>
        </Card>
        {children}
      </div>
    </div>
  );
}
