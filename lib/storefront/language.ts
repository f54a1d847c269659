import {
  matchLanguage,
  negotiateLanguage,
  SHOPPER_LANGUAGES,
  type ShopperLanguage,
} from "@/lib/i18n/languages";

/** Cookie that remembers a language the shopper picked with `?lang=`. */
export const LANGUAGE_COOKIE = "lang";

/**
 * Request headers the proxy (language-proxy.ts) sets on every /s/* request, so that what
 * renders outside the page — the root layout's `<html lang>`, a store's not-found page —
 * knows the store and the `?lang=` of the URL. The proxy drops any a client sent.
 */
export const STOREFRONT_SLUG_HEADER = "x-chatcart-storefront";
export const STOREFRONT_LANG_HEADER = "x-chatcart-storefront-lang";

/** "/s/demo/p/matcha" → "demo"; null outside a storefront or for what cannot be a slug. */
export function storefrontSlugOfPath(pathname: string): string | null {
  const match = /^\/s\/([a-z0-9-]{1,64})(?:\/|$)/.exec(pathname);
  return match?.[1] ?? null;
}
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** "negotiated": from Accept-Language, or the store's default when nothing there matches. */
export type LanguageSource = "query" | "cookie" | "negotiated";

export type LanguageInputs = {
  /** The `lang` query parameter, if any. */
  query?: string | null;
  /** The `lang` cookie, if any. */
  cookie?: string | null;
  acceptLanguage?: string | null;
  /** The store's default language (any BCP 47 tag; unsupported ones fall back to English). */
  storeDefault: string;
};

/**
 * The storefront's language: `?lang=`, else the `lang` cookie, else the best match in
 * Accept-Language, else the store's default. Unsupported values are skipped, never errors.
 */
export function resolveShopperLanguage(input: LanguageInputs): {
  language: ShopperLanguage;
  source: LanguageSource;
} {
  const fromQuery = matchLanguage(input.query);
  if (fromQuery) return { language: fromQuery, source: "query" };
  const fromCookie = matchLanguage(input.cookie);
  if (fromCookie) return { language: fromCookie, source: "cookie" };
  const storeLanguage = matchLanguage(input.storeDefault) ?? "en";
  return {
    language: negotiateLanguage(input.acceptLanguage, storeLanguage),
    source: "negotiated",
  };
}

/** First value of a search parameter that Next.js may hand over as a string or an array. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export type CookieSpec = {
  name: string;
  value: string;
  options: {
    path: string;
    sameSite: "lax";
    httpOnly: boolean;
    secure: boolean;
    maxAge: number;
  };
};

/**
 * The `lang` cookie to set when a request picks a language with `?lang=` that differs
 * from the cookie it sent; null otherwise. Framework-free so that the proxy (which
 * may set cookies on a page request, unlike a page) and server actions share it.
 */
export function languageCookieFromQuery(
  query: string | null | undefined,
  currentCookie: string | null | undefined,
  options: { secure: boolean },
): CookieSpec | null {
  const language = matchLanguage(query);
  if (!language || language === currentCookie) return null;
  return {
    name: LANGUAGE_COOKIE,
    value: language,
    options: {
      path: "/",
      sameSite: "lax",
      httpOnly: true,
      secure: options.secure,
      maxAge: ONE_YEAR_SECONDS,
    },
  };
}

export function isShopperLanguage(value: string): value is ShopperLanguage {
  return (SHOPPER_LANGUAGES as readonly string[]).includes(value);
}
