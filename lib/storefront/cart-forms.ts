import { z } from "zod";
import { matchLanguage } from "@/lib/i18n/languages";
import { MAX_QUANTITY, MIN_QUANTITY } from "@/lib/cart/limits";

/** Error codes a storefront page explains when a cart form was refused (`?error=`). */
export const STOREFRONT_ERRORS = ["quantity", "unavailable", "busy"] as const;
export type StorefrontError = (typeof STOREFRONT_ERRORS)[number];

export function readStorefrontError(value: string | undefined): StorefrontError | undefined {
  return STOREFRONT_ERRORS.find((code) => code === value);
}

const slug = z.string().trim().min(1).max(200);

/** Fields every cart form carries: which storefront, and the language picked in the URL. */
export const storefrontFormSchema = z.object({
  store: slug,
  lang: z
    .string()
    .optional()
    .transform((value) => matchLanguage(value) ?? undefined),
});

export const quantitySchema = z.coerce.number().int().min(MIN_QUANTITY).max(MAX_QUANTITY);

export const addToCartSchema = z.object({ product: slug, quantity: quantitySchema });
export const setQuantitySchema = z.object({ product: z.guid(), quantity: quantitySchema });
export const removeItemSchema = z.object({ product: z.guid() });

/** A FormData as a plain object of its string fields (files and repeated keys ignored). */
export function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !(key in fields)) fields[key] = value;
  }
  return fields;
}
