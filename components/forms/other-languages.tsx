import { LANGUAGE_NAMES, type ShopperLanguage } from "@/lib/i18n/languages";

/**
 * A form's optional translations: a disclosure ("Other languages") with one fieldset per
 * language, open when any of `fieldNames` has a value or an error.
 */
export function OtherLanguages({
  languages,
  fieldNames,
  values,
  errors,
  hint,
  labels,
  testId,
  children,
}: {
  languages: readonly ShopperLanguage[];
  fieldNames: readonly string[];
  values: Partial<Record<string, string | boolean>>;
  errors: Record<string, string[] | undefined>;
  hint: string;
  /** The disclosure's words in the member's language (t.forms). */
  labels: { otherLanguages: string; optional: string };
  testId: string;
  /** The fields of one language (their inputs carry `lang`; the labels are the form's). */
  children: (language: ShopperLanguage) => React.ReactNode;
}) {
  const open = fieldNames.some((name) => values[name] || errors[name]);
  return (
    <details open={open} className="rounded-lg border p-4" data-testid={testId}>
      <summary className="cursor-pointer text-sm font-medium">
        {labels.otherLanguages}{" "}
        <span className="font-normal text-muted-foreground">{labels.optional}</span>
      </summary>
      <p className="mt-2 text-sm text-muted-foreground">{hint}</p>
      <div className="mt-4 grid gap-5">
        {languages.map((language) => (
          <fieldset key={language} className="grid gap-3">
            <legend lang={language} className="mb-1 text-sm font-semibold">
              {LANGUAGE_NAMES[language]}
            </legend>
            {children(language)}
          </fieldset>
        ))}
      </div>
    </details>
  );
}
