import { OtherLanguages } from "@/components/forms/other-languages";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import {
  PRODUCT_DESCRIPTION_MAX,
  PRODUCT_NAME_MAX,
  translationField,
} from "@/lib/catalog/translations";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import type { ShopperLanguage } from "@/lib/i18n/languages";

/** The product's name and description in the store's other languages (optional). */
export function ProductTranslationFields({
  languages,
  values,
  errors,
  t,
  labels,
}: {
  languages: readonly ShopperLanguage[];
  values: Partial<Record<string, string | boolean>>;
  errors: Record<string, string[] | undefined>;
  t: Pick<DashboardMessages["productForm"], "name" | "description" | "translationsHint">;
  labels: { otherLanguages: string; optional: string };
}) {
  const text = (name: string) => String(values[name] ?? "");
  return (
    <OtherLanguages
      languages={languages}
      fieldNames={languages.flatMap((language) => [
        translationField("name", language),
        translationField("description", language),
      ])}
      values={values}
      errors={errors}
      hint={t.translationsHint}
      labels={labels}
      testId="product-translations"
    >
      {(language) => {
        const name = translationField("name", language);
        const description = translationField("description", language);
        return (
          <>
            <FormField label={t.name} error={errors[name]}>
              <Input
                name={name}
                lang={language}
                defaultValue={text(name)}
                maxLength={PRODUCT_NAME_MAX}
              />
            </FormField>
            <FormField label={t.description} error={errors[description]}>
              <Textarea
                name={description}
                lang={language}
                rows={3}
                defaultValue={text(description)}
                maxLength={PRODUCT_DESCRIPTION_MAX}
              />
            </FormField>
          </>
        );
      }}
    </OtherLanguages>
  );
}
