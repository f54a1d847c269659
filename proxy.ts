import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { baseAuthConfig } from "@/lib/auth/config";
import { persistLanguageChoice } from "@/lib/storefront/language-proxy";

// First line of defence only: it reads the session cookie, nothing else. The dashboard
// layout, every action and every route check the member and their store again.
const { auth } = NextAuth(() => baseAuthConfig());

const guard = auth((request) => {
  const { pathname, search } = request.nextUrl;
  const signedIn = Boolean(request.auth?.user);
  if (pathname.startsWith("/dashboard") && !signedIn) {
    const login = new URL("/login", request.nextUrl.origin);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  if ((pathname === "/login" || pathname === "/signup") && signedIn) {
    return NextResponse.redirect(new URL("/dashboard", request.nextUrl.origin));
  }
  return NextResponse.next();
});

export async function proxy(...args: Parameters<typeof guard>) {
  const [request] = args;
  if (request.nextUrl.pathname.startsWith("/s/")) return persistLanguageChoice(request);
  // With lazy configuration Auth.js hands back the wrapped handler as a promise.
  const handler = await guard;
  return handler(...args);
}

export const config = {
  matcher: ["/dashboard/:path*", "/login", "/signup", "/s/:path*"],
};
