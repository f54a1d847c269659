"use client";

import { useActionState } from "react";
import { saveBusinessHoursAction } from "@/app/(dashboard)/dashboard/settings/actions/save-business-hours";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { type DashboardMessages, formatMessage } from "@/lib/dashboard-i18n/messages";
import { type ActionState, fieldMessages, idleState } from "@/lib/forms/action-state";
import { hoursField } from "@/lib/stores/business-hours-form";
import { WEEKDAYS } from "@/lib/stores/settings";
import { SaveBar, fieldErrors, submittedValues } from "./form-status";

/** Settings → Business hours: opening hours per weekday, used by the widget and the bot. */
export function BusinessHoursForm({
  initialValues,
  timezone,
  readOnly,
  t,
  save,
  saving,
}: {
  initialValues: Record<string, string>;
  timezone: string;
  readOnly: boolean;
  t: Pick<DashboardMessages["widgetPage"], "useHours" | "hoursHelp" | "days" | "closed">;
  save: string;
  saving: string;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    saveBusinessHoursAction,
    idleState,
  );
  const errors = fieldErrors(state);
  // After a failed save the form shows what was typed; otherwise what is stored.
  const values = { ...initialValues, ...submittedValues(state) };
  return (
    <form
      action={action}
      className="grid gap-4"
      noValidate
      id="hours-form"
      key={JSON.stringify(initialValues)}
    >
      <fieldset disabled={readOnly} className="grid gap-4">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            name="hoursEnabled"
            value="on"
            defaultChecked={values.hoursEnabled === "on"}
            className="size-4 accent-primary"
          />
          {formatMessage(t.useHours, { timezone })}
        </label>
        {fieldMessages(errors.hoursEnabled).map((message) => (
          <p key={message} role="alert" className="text-sm text-destructive">
            {message}
          </p>
        ))}
        <p className="text-sm text-muted-foreground">{t.hoursHelp}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          {WEEKDAYS.map((day) => (
            <FormField key={day} label={t.days[day]} error={errors[hoursField(day)]}>
              <Input
                name={hoursField(day)}
                defaultValue={values[hoursField(day)]}
                placeholder={t.closed}
                autoComplete="off"
              />
            </FormField>
          ))}
        </div>
      </fieldset>
      <SaveBar
        label={save}
        savingLabel={saving}
        pending={pending}
        disabled={readOnly}
        state={state}
      />
    </form>
  );
}
