import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import type { FieldErrors } from "@/lib/forms/action-state";
import { WEEKDAYS, type Weekday } from "@/lib/stores/settings";
import { hoursField, type WidgetSettingsFormValues } from "@/lib/widget/settings-form";

const DAY_NAMES: Record<Weekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

/** Opening hours per weekday, and what the widget does outside them. */
export function BusinessHoursFields({
  values,
  errors,
  timezone,
}: {
  values: WidgetSettingsFormValues;
  errors: FieldErrors;
  timezone: string;
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
        Use business hours (in {timezone})
      </label>
      <p className="text-sm text-muted-foreground">
        24-hour times such as 10:00–18:00; separate a break with a comma (10:00–13:00, 14:00–18:00).
        Leave a day empty when you are closed.
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        {WEEKDAYS.map((day) => (
          <FormField key={day} label={DAY_NAMES[day]} error={errors[hoursField(day)]}>
            <Input
              name={hoursField(day)}
              defaultValue={values[hoursField(day)]}
              placeholder="Closed"
              autoComplete="off"
            />
          </FormField>
        ))}
      </div>
      <FormField label="Outside business hours" error={errors.whenClosed}>
        <NativeSelect name="whenClosed" defaultValue={values.whenClosed}>
          <option value="note">Show the offline note (shoppers can still leave a message)</option>
          <option value="hide">Hide the widget</option>
        </NativeSelect>
      </FormField>
      <FormField label="Offline note" error={errors.offlineNote}>
        <Textarea name="offlineNote" defaultValue={values.offlineNote} maxLength={140} rows={2} />
      </FormField>
    </div>
  );
}
