import { OtherLanguages } from "@/components/forms/other-languages";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import type { ShopperLanguage } from "@/lib/i18n/languages";
import { WIDGET_LABEL_MAX, WIDGET_NOTE_MAX } from "@/lib/stores/settings";
import { widgetTextField } from "@/lib/widget/text";

const FIELDS = [
  { field: "label", max: WIDGET_LABEL_MAX },
  { field: "greeting", max: WIDGET_NOTE_MAX },
  { field: "offlineNote", max: WIDGET_NOTE_MAX },
] as const;

/** The label, greeting and offline note in the store's other languages (optional). */
export function WidgetTranslationFields({
  languages,
  values,
  errors,
  t,
  labels,
}: {
  languages: readonly ShopperLanguage[];
  values: Record<string, string | undefined>;
  errors: Record<string, string[] | undefined>;
  t: Pick<
    DashboardMessages["widgetPage"],
    "label" | "greeting" | "offlineNote" | "translationsHint"
  >;
  labels: { otherLanguages: string; optional: string };
}) {
  return (
    <OtherLanguages
      languages={languages}
      fieldNames={languages.flatMap((language) =>
        FIELDS.map(({ field }) => widgetTextField(field, language)),
      )}
      values={values}
      errors={errors}
      hint={t.translationsHint}
      labels={labels}
      testId="widget-translations"
    >
      {(language) =>
        FIELDS.map(({ field, max }) => {
          const name = widgetTextField(field, language);
          return (
            <FormField key={name} label={t[field]} error={errors[name]}>
              <Input
                name={name}
                lang={language}
                defaultValue={values[name] ?? ""}
                maxLength={max}
              />
            </FormField>
          );
        })
      }
    </OtherLanguages>
  );
}
