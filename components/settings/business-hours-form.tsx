import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { type DashboardMessages, formatMessage } from "@/lib/dashboard-i18n/messages";
import { type FieldErrors, fieldMessages } from "@/lib/forms/action-state";
import { WEEKDAYS } from "@/lib/stores/settings";
import { hoursField, type WidgetSettingsFormValues } from "@/lib/widget/settings-form";

/** Opening hours per weekday, and what the widget does outside them. */
export function BusinessHoursFields({
  values,
  errors,
  timezone,
  t,
}: {
  values: WidgetSettingsFormValues;
  errors: FieldErrors;
  timezone: string;
  t: DashboardMessages["widgetPage"];
}) {
  return (
    <div className="grid gap-4">
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
      <FormField label={t.whenClosed} error={errors.whenClosed}>
        <NativeSelect name="whenClosed" defaultValue={values.whenClosed}>
          <option value="note">{t.whenClosedChoices.note}</option>
          <option value="hide">{t.whenClosedChoices.hide}</option>
        </NativeSelect>
      </FormField>
      <FormField label={t.offlineNote} error={errors.offlineNote}>
        <Textarea name="offlineNote" defaultValue={values.offlineNote} maxLength={140} rows={2} />
      </FormField>
    </div>
  );
}
