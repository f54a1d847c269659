import { type NextRequest, NextResponse } from "next/server";
import { hasSessionCookie } from "./session-cookie";

/** Marks a dashboard request for the root layout, whose `<html lang>` follows the member. */
export const DASHBOARD_REQUEST_HEADER = "x-chatcart-dashboard";

/**
 * First line of defence for /dashboard: no session cookie → the sign-in page. It only looks
 * at the cookie, and deliberately does not run Auth.js here: Auth.js's middleware re-issues
 * the session cookie on every request it sees, and a dashboard prefetch still in flight
 * when the owner signs out would put the cookie back. The layout, every action and every
 * route check the member and their store properly.
 */
export function guardDashboard(request: NextRequest): NextResponse {
  if (hasSessionCookie(request.cookies)) {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set(DASHBOARD_REQUEST_HEADER, "1");
    return NextResponse.next({ request: { headers: requestHeaders } });
  }
  const { pathname, search, origin } = request.nextUrl;
  const login = new URL("/login", origin);
  login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}
