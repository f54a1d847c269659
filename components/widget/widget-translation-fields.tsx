import { OtherLanguages } from "@/components/forms/other-languages";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ShopperLanguage } from "@/lib/i18n/languages";
import { WIDGET_LABEL_MAX, WIDGET_NOTE_MAX } from "@/lib/stores/settings";
import { widgetTextField } from "@/lib/widget/text";

const FIELDS = [
  { field: "label", label: "Button label", max: WIDGET_LABEL_MAX },
  { field: "greeting", label: "Greeting bubble", max: WIDGET_NOTE_MAX },
  { field: "offlineNote", label: "Offline note", max: WIDGET_NOTE_MAX },
] as const;

/** The label, greeting and offline note in the store's other languages (optional). */
export function WidgetTranslationFields({
  languages,
  values,
  errors,
}: {
  languages: readonly ShopperLanguage[];
  values: Record<string, string | undefined>;
  errors: Record<string, string[] | undefined>;
}) {
  return (
    <OtherLanguages
      languages={languages}
      fieldNames={languages.flatMap((language) =>
        FIELDS.map(({ field }) => widgetTextField(field, language)),
      )}
      values={values}
      errors={errors}
      hint="On pages in these languages the widget shows these words; an empty field shows the text above."
      testId="widget-translations"
    >
      {(language) =>
        FIELDS.map(({ field, label, max }) => {
          const name = widgetTextField(field, language);
          return (
            <FormField key={name} label={label} error={errors[name]}>
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
