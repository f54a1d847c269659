import { type NextRequest, NextResponse } from "next/server";
import {
  LANGUAGE_COOKIE,
  languageCookieFromQuery,
  STOREFRONT_LANG_HEADER,
  STOREFRONT_SLUG_HEADER,
  storefrontSlugOfPath,
} from "./language";

/**
 * For proxy.ts on /s/* requests: a page cannot set cookies while it renders, so the
 * proxy remembers a language picked with `?lang=` in the `lang` cookie. It also tells the
 * rest of the request which store and `?lang=` it is for (STOREFRONT_*_HEADER): the root
 * layout and not-found pages get no params or search params.
 */
export function persistLanguageChoice(request: NextRequest): NextResponse {
  const headers = new Headers(request.headers);
  headers.delete(STOREFRONT_SLUG_HEADER);
  headers.delete(STOREFRONT_LANG_HEADER);
  const slug = storefrontSlugOfPath(request.nextUrl.pathname);
  const lang = request.nextUrl.searchParams.get("lang");
  if (slug) headers.set(STOREFRONT_SLUG_HEADER, slug);
  if (slug && lang) headers.set(STOREFRONT_LANG_HEADER, lang.slice(0, 35));
  const response = NextResponse.next({ request: { headers } });
  const cookie = languageCookieFromQuery(lang, request.cookies.get(LANGUAGE_COOKIE)?.value, {
    secure: request.nextUrl.protocol === "https:",
  });
  if (cookie) response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
}
