import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { baseAuthConfig } from "@/lib/auth/config";

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
  // With lazy configuration Auth.js hands back the wrapped handler as a promise.
  const handler = await guard;
  return handler(...args);
}

export const config = {
  matcher: ["/dashboard/:path*", "/login", "/signup"],
};
