import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import {
  PRODUCT_DESCRIPTION_MAX,
  PRODUCT_NAME_MAX,
  translationField,
} from "@/lib/catalog/translations";
import { LANGUAGE_NAMES, type ShopperLanguage } from "@/lib/i18n/languages";

/**
 * The product's name and description in the store's other languages: optional, each
 * falling back to the fields above. Open when any is filled in or has an error.
 */
export function ProductTranslationFields({
  languages,
  values,
  errors,
}: {
  languages: readonly ShopperLanguage[];
  values: Partial<Record<string, string | boolean>>;
  errors: Record<string, string[] | undefined>;
}) {
  const fields = languages.flatMap((language) =>
    (["name", "description"] as const).map((field) => translationField(field, language)),
  );
  const open = fields.some((name) => values[name] || errors[name]);
  return (
    <details open={open} className="group rounded-lg border p-4" data-testid="product-translations">
      <summary className="cursor-pointer text-sm font-medium">
        Other languages <span className="font-normal text-muted-foreground">(optional)</span>
      </summary>
      <p className="mt-2 text-sm text-muted-foreground">
        Shoppers reading your storefront in these languages see these instead. Leave a field empty
        to show the name or description above.
      </p>
      <div className="mt-4 grid gap-5">
        {languages.map((language) => {
          const name = translationField("name", language);
          const description = translationField("description", language);
          return (
            <fieldset key={language} lang={language} className="grid gap-3">
              <legend className="mb-1 text-sm font-semibold">{LANGUAGE_NAMES[language]}</legend>
              <FormField label="Name" error={errors[name]}>
                <Input
                  name={name}
                  defaultValue={String(values[name] ?? "")}
                  maxLength={PRODUCT_NAME_MAX}
                />
              </FormField>
              <FormField label="Description" error={errors[description]}>
                <Textarea
                  name={description}
                  rows={3}
                  defaultValue={String(values[description] ?? "")}
                  maxLength={PRODUCT_DESCRIPTION_MAX}
                />
              </FormField>
            </fieldset>
          );
        })}
      </div>
    </details>
  );
}
