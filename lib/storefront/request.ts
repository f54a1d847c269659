import "server-only";
import { cookies, headers } from "next/headers";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getDb } from "@/lib/server/database";
import { env } from "@/lib/env";
import { messagesFor } from "@/lib/i18n/messages";
import { findStoreBySlug } from "@/lib/stores/stores";
import type { ShopperLanguage } from "@/lib/i18n/languages";
import {
  LANGUAGE_COOKIE,
  languageCookieFromQuery,
  resolveShopperLanguage,
  STOREFRONT_LANG_HEADER,
  STOREFRONT_SLUG_HEADER,
} from "./language";
import { storefrontCookiePath } from "./links";

// Like lib/auth/current-member.ts, this module is the seam between Next.js (cookies,
// headers, notFound) and the storefront's framework-free code.

const CART_COOKIE_MAX_AGE_SECONDS = 60 * 60 * 24 * 60;

/** One cart cookie per store, scoped to the store's storefront path. */
export function cartCookieName(storeSlug: string): string {
  return `cart_${storeSlug}`;
}

function secureCookies(): boolean {
  return env().NODE_ENV === "production";
}

/** One lookup per store per request, shared by the root layout, the page and not-found. */
const findStore = cache(async (storeSlug: string) => findStoreBySlug(await getDb(), storeSlug));

/**
 * Everything a storefront page needs about the request: the store (404 when unknown),
 * the shopper's language and the cart token. Cached per request, so generateMetadata
 * and the page share one lookup.
 */
export const loadStorefront = cache(async (storeSlug: string, langParam: string | undefined) => {
  await connection();
  const db = await getDb();
  const store = await findStore(storeSlug);
  if (!store) notFound();
  const { language, source } = await requestLanguage(langParam, store.defaultLanguage);
  const cookieStore = await cookies();
  return {
    db,
    store,
    language,
    /** Set when the language came from `?lang=`: links carry it on. */
    linkLanguage: source === "query" ? language : undefined,
    messages: messagesFor(language),
    cartToken: cookieStore.get(cartCookieName(store.slug))?.value,
  };
});

export type Storefront = Awaited<ReturnType<typeof loadStorefront>>;

async function requestLanguage(langParam: string | null | undefined, storeDefault: string) {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return resolveShopperLanguage({
    query: langParam,
    cookie: cookieStore.get(LANGUAGE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
    storeDefault,
  });
}

/**
 * The store (undefined when unknown or the database is down) and shopper language of a
 * storefront request, from the headers proxy.ts sets on /s/*; null for any other request.
 * For what renders without params: the root layout and a store's not-found page.
 */
export const storefrontOfRequest = cache(async () => {
  const headerList = await headers();
  const slug = headerList.get(STOREFRONT_SLUG_HEADER);
  if (!slug) return null;
  let store: Awaited<ReturnType<typeof findStore>>;
  try {
    store = await findStore(slug);
  } catch {
    // The page itself explains an unavailable database; the language needs no store.
    store = undefined;
  }
  const { language, source } = await requestLanguage(
    headerList.get(STOREFRONT_LANG_HEADER),
    store?.defaultLanguage ?? "en",
  );
  return { store, language, linkLanguage: source === "query" ? language : undefined };
});

/** The storefront's language on /s/* (for `<html lang>`), null on any other page. */
export async function storefrontDocumentLanguage(): Promise<ShopperLanguage | null> {
  return (await storefrontOfRequest())?.language ?? null;
}

/** The cart token cookie of a store, for server actions. */
export async function readCartToken(storeSlug: string): Promise<string | undefined> {
  return (await cookies()).get(cartCookieName(storeSlug))?.value;
}

export async function writeCartToken(storeSlug: string, token: string): Promise<void> {
  (await cookies()).set(cartCookieName(storeSlug), token, {
    path: storefrontCookiePath(storeSlug),
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    maxAge: CART_COOKIE_MAX_AGE_SECONDS,
  });
}

/** Remembers a language picked with `?lang=` (server actions and route handlers only). */
export async function rememberLanguage(lang: string | undefined): Promise<void> {
  const cookieStore = await cookies();
  const cookie = languageCookieFromQuery(lang, cookieStore.get(LANGUAGE_COOKIE)?.value, {
    secure: secureCookies(),
  });
  if (cookie) cookieStore.set(cookie.name, cookie.value, cookie.options);
}
