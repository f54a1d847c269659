import type { NextRequest } from "next/server";
import { guardDashboard } from "@/lib/auth/dashboard-proxy";
import { persistLanguageChoice } from "@/lib/storefront/language-proxy";

export function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/s/")) return persistLanguageChoice(request);
  return guardDashboard(request);
}

export const config = {
  matcher: ["/dashboard/:path*", "/s/:path*"],
};
