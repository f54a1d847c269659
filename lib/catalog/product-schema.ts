import { z } from "zod";
import type { Product } from "@/db/schema";
import type { FieldErrors } from "@/lib/forms/action-state";
import { checkImageUrl } from "./images";
import { parsePrice, priceInputValue } from "./price";

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
});

export type ProductFormFields = z.output<typeof productFormFields>;

/** The validated product; the price is parsed in the store's currency. */
export function productSchema(currency: string) {
  return z.object({
    name: text(120, "name").min(1, "Enter the product name"),
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
    description: text(5000, "description"),
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
  const { price, ...rest } = parsed.data;
  return { ok: true, input: { ...rest, priceMinor: price } };
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
};

/** The form's starting values: empty (and active) for a new product, else the stored product. */
export function productFormValues(
  product?: Pick<
    Product,
    "name" | "slug" | "sku" | "description" | "priceMinor" | "currency" | "imageUrl" | "active"
  >,
): ProductFormValues {
  if (!product) {
    return { name: "", slug: "", sku: "", description: "", price: "", imageUrl: "", active: true };
  }
  return {
    name: product.name,
    slug: product.slug,
    sku: product.sku,
    description: product.description,
    price: priceInputValue(product.priceMinor, product.currency),
    imageUrl: product.imageUrl ?? "",
    active: product.active,
  };
}
