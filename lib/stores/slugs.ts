import { z } from "zod";

/**
 * Words no store may take as its slug: the app's own paths and names a shopper could
 * mistake for Chatcart itself (a store at /s/admin or /go/login would look official).
 */
export const RESERVED_STORE_SLUGS: ReadonlySet<string> = new Set([
  "_next",
  "account",
  "admin",
  "api",
  "app",
  "assets",
  "auth",
  "billing",
  "chatcart",
  "checkout",
  "cron",
  "dashboard",
  "docs",
  "go",
  "health",
  "help",
  "login",
  "logout",
  "pay",
  "qr",
  "register",
  "root",
  "s",
  "settings",
  "sign-in",
  "sign-up",
  "signin",
  "signup",
  "static",
  "status",
  "support",
  "webhooks",
  "widget",
  "www",
]);

export function isReservedStoreSlug(slug: string): boolean {
  return RESERVED_STORE_SLUGS.has(slug);
}

export function slugFromName(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return ascii.length >= 2 ? ascii : "store";
}

/** The field error for a store name whose slug is reserved, or null when it is free to use. */
export function reservedStoreNameProblem(name: string): string | null {
  const slug = slugFromName(name);
  if (!isReservedStoreSlug(slug)) return null;
  return `"${name.trim()}" would give the store the address /s/${slug}, which Chatcart keeps for itself. Add a word, e.g. "${name.trim()} Shop".`;
}

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The store's address (/s/<slug>) as the owner may choose it at sign-up: optional (blank
 * derives it from the name), 2–40 lowercase letters, digits and single hyphens, never one of
 * the app's reserved words.
 */
export const storeSlugField = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) => value || undefined)
  .pipe(
    z
      .string()
      .min(2, "Use at least 2 characters")
      .max(40, "Keep the address under 40 characters")
      .regex(SLUG_PATTERN, {
        message: "Use lowercase letters, digits and single hyphens, e.g. kyoto-tea",
        abort: true,
      })
      .refine((slug) => !isReservedStoreSlug(slug), {
        message: "Chatcart keeps this address for itself: choose another",
      })
      .optional(),
  )
  .optional();
