import { z } from "zod";
import {
  SHOPPER_LANGUAGES,
  type ShopperLanguage,
  translationLanguages,
} from "@/lib/i18n/languages";

export const PRODUCT_NAME_MAX = 120;
export const PRODUCT_DESCRIPTION_MAX = 5000;

const translatedText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `Keep the ${label} under ${max.toLocaleString("en")} characters`)
    .optional()
    .transform((value) => value || undefined);

/**
 * A product's name and description in other languages than the store's default, as stored
 * in `products.translations`: `{ ja: { name, description }, … }`. Either may be missing;
 * what is missing falls back to the product's own name and description.
 */
export const productTranslationsSchema = z.partialRecord(
  z.enum(SHOPPER_LANGUAGES),
  z.object({
    name: translatedText(PRODUCT_NAME_MAX, "name"),
    description: translatedText(PRODUCT_DESCRIPTION_MAX, "description"),
  }),
);

export type ProductTranslations = z.output<typeof productTranslationsSchema>;

/** Stored translations, or none when the JSON does not validate (never breaks a page). */
export function readProductTranslations(raw: unknown): ProductTranslations {
  const parsed = productTranslationsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}

/**
 * The languages the product form offers: the store's others, and any the product already has
 * a translation in (a store whose default names are in another language than its default
 * language, like the demo's English names in a Japanese shop, keeps them editable).
 */
export function productFormLanguages(storeDefault: string, stored?: unknown): ShopperLanguage[] {
  const translated = readProductTranslations(stored);
  const others = translationLanguages(storeDefault);
  return SHOPPER_LANGUAGES.filter((language) => others.includes(language) || translated[language]);
}

/** The product's name in `language`: its translation, else the default name. */
export function localizedName(
  product: { name: string; translations?: unknown },
  language: ShopperLanguage,
): string {
  return readProductTranslations(product.translations)[language]?.name ?? product.name;
}

/** The product as a shopper reading `language` sees it: its translation, else the default. */
export function localizeProduct<
  T extends { name: string; description: string; translations?: unknown },
>(product: T, language: ShopperLanguage): T {
  const translation = readProductTranslations(product.translations)[language];
  return {
    ...product,
    name: translation?.name ?? product.name,
    description: translation?.description ?? product.description,
  };
}

/** Form field names: `name_ja`, `description_zh-Hans`. */
export const translationField = (field: "name" | "description", language: ShopperLanguage) =>
  `${field}_${language}` as const;

export type TranslationFieldName = ReturnType<typeof translationField>;

/** The product form's translation fields, validated one by one (errors name the field). */
export const translationFormFields = Object.fromEntries(
  SHOPPER_LANGUAGES.flatMap((language) => [
    [translationField("name", language), translatedText(PRODUCT_NAME_MAX, "name")],
    [
      translationField("description", language),
      translatedText(PRODUCT_DESCRIPTION_MAX, "description"),
    ],
  ]),
) as Record<TranslationFieldName, ReturnType<typeof translatedText>>;

/** Validated translation fields → what `products.translations` stores (empty languages left out). */
export function translationsFromForm(
  fields: Partial<Record<TranslationFieldName, string | undefined>>,
): ProductTranslations {
  const translations: ProductTranslations = {};
  for (const language of SHOPPER_LANGUAGES) {
    const name = fields[translationField("name", language)];
    const description = fields[translationField("description", language)];
    if (name || description) translations[language] = { name, description };
  }
  return translations;
}

/** The form's values for stored translations: every field, empty when untranslated. */
export function translationFormValues(raw: unknown): Record<TranslationFieldName, string> {
  const translations = readProductTranslations(raw);
  const values = {} as Record<TranslationFieldName, string>;
  for (const language of SHOPPER_LANGUAGES) {
    values[translationField("name", language)] = translations[language]?.name ?? "";
    values[translationField("description", language)] = translations[language]?.description ?? "";
  }
  return values;
}
