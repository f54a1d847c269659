import { z } from "zod";
import type { Product } from "@/db/schema";
import type { FieldErrors } from "@/lib/forms/action-state";
import { checkImageUrl } from "./images";
import { parsePrice, priceInputValue } from "./price";
import {
  PRODUCT_DESCRIPTION_MAX,
  PRODUCT_NAME_MAX,
  type ProductTranslations,
  type TranslationFieldName,
  translationField,
  translationFormFields,
  translationFormValues,
  translationsFromForm,
} from "./translations";
import { SHOPPER_LANGUAGES } from "@/lib/i18n/languages";

export const MAX_SLUG_LENGTH = 80;
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** "Uji Matcha, Ceremonial Grade (30 g)" → "uji-matcha-ceremonial-grade-30-g"; "" when nothing Latin is left. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, "");
}

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `Keep the ${label} under ${max.toLocaleString("en")} characters`);

/** The product form as the browser submits it: every field a string, a checkbox "on" or absent. */
export const productFormFields = z.object({
  name: z.string().default(""),
  slug: z.string().default(""),
  sku: z.string().default(""),
  description: z.string().default(""),
  price: z.string().default(""),
  imageUrl: z.string().default(""),
  active: z.string().optional(),
  ...(Object.fromEntries(
    SHOPPER_LANGUAGES.flatMap((language) => [
      [translationField("name", language), z.string().optional()],
      [translationField("description", language), z.string().optional()],
    ]),
  ) as Record<TranslationFieldName, z.ZodOptional<z.ZodString>>),
});

export type ProductFormFields = z.output<typeof productFormFields>;

/** The validated product; the price is parsed in the store's currency. */
export function productSchema(currency: string) {
  return z.object({
    name: text(PRODUCT_NAME_MAX, "name").min(1, "Enter the product name"),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .max(MAX_SLUG_LENGTH, `Keep the slug under ${MAX_SLUG_LENGTH} characters`)
      .refine(
        (value) => value === "" || SLUG_PATTERN.test(value),
        "Use lowercase letters, digits and single hyphens, e.g. matcha-gift-set",
      )
      .transform((value) => value || null),
    sku: text(64, "SKU")
      // An empty SKU gets one message, not this and the pattern's.
      .min(1, { message: "Enter a SKU (your stock code, e.g. KTC-013)", abort: true })
      .regex(SKU_PATTERN, "Use letters, digits, dots, hyphens and underscores only"),
    description: text(PRODUCT_DESCRIPTION_MAX, "description"),
    price: z.string().transform((value, ctx) => {
      const parsed = parsePrice(value, currency);
      if (parsed.ok) return parsed.minor;
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }),
    imageUrl: z.string().transform((value, ctx) => {
      if (value.trim() === "") return null;
      const checked = checkImageUrl(value);
      if (checked.ok) return checked.url;
      ctx.addIssue({ code: "custom", message: checked.error });
      return z.NEVER;
    }),
    active: z
      .string()
      .optional()
      .transform((value) => value === "on" || value === "true"),
    ...translationFormFields,
  });
}

export type ProductInput = {
  name: string;
  /** null: derive it from the name. */
  slug: string | null;
  sku: string;
  description: string;
  priceMinor: number;
  imageUrl: string | null;
  active: boolean;
  /** Names and descriptions in other languages (lib/catalog/translations.ts); kept when absent. */
  translations?: ProductTranslations;
};

export type ProductValidation =
  { ok: true; input: ProductInput } | { ok: false; fieldErrors: FieldErrors };

export function validateProductForm(
  fields: ProductFormFields,
  currency: string,
): ProductValidation {
  const parsed = productSchema(currency).safeParse(fields);
  if (!parsed.success) {
    return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors as FieldErrors };
  }
  const { name, slug, sku, description, price, imageUrl, active } = parsed.data;
  return {
    ok: true,
    input: {
      name,
      slug,
      sku,
      description,
      priceMinor: price,
      imageUrl,
      active,
      translations: translationsFromForm(parsed.data),
    },
  };
}

/** What the product form shows: strings as typed, the price in major units. */
export type ProductFormValues = {
  name: string;
  slug: string;
  sku: string;
  description: string;
  price: string;
  imageUrl: string;
  active: boolean;
} & Record<TranslationFieldName, string>;

/** The form's starting values: empty (and active) for a new product, else the stored product. */
export function productFormValues(
  product?: Pick<
    Product,
    "name" | "slug" | "sku" | "description" | "priceMinor" | "currency" | "imageUrl" | "active"
  > & { translations?: unknown },
): ProductFormValues {
  if (!product) {
    return {
      name: "",
      slug: "",
      sku: "",
      description: "",
      price: "",
      imageUrl: "",
      active: true,
      ...translationFormValues({}),
    };
  }
  return {
    ...translationFormValues(product.translations),
    name: product.name,
    slug: product.slug,
    sku: product.sku,
    description: product.description,
    price: priceInputValue(product.priceMinor, product.currency),
    imageUrl: product.imageUrl ?? "",
    active: product.active,
  };
}
