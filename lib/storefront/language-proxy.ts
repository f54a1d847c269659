import { type NextRequest, NextResponse } from "next/server";
import { LANGUAGE_COOKIE, languageCookieFromQuery } from "./language";

/**
 * For proxy.ts on /s/* requests: a page cannot set cookies while it renders, so the
 * proxy remembers a language picked with `?lang=` in the `lang` cookie.
 */
export function persistLanguageChoice(request: NextRequest): NextResponse {
  const response = NextResponse.next();
  const cookie = languageCookieFromQuery(
    request.nextUrl.searchParams.get("lang"),
    request.cookies.get(LANGUAGE_COOKIE)?.value,
    { secure: request.nextUrl.protocol === "https:" },
  );
  if (cookie) response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
}
