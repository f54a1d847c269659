import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { guardDashboard } from "@/lib/auth/dashboard-proxy";
import { hasSessionCookie } from "@/lib/auth/session-cookie";

const request = (url: string, cookie?: string) =>
  new NextRequest(url, { headers: cookie ? { cookie } : {} });

describe("dashboard proxy", () => {
  it("sends a request without a session cookie to sign-in, keeping where it was going", () => {
    const response = guardDashboard(request("https://app.test/dashboard/inbox?filter=bot"));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("callbackUrl")).toBe("/dashboard/inbox?filter=bot");
  });

  it("lets a request with a session cookie through without touching the cookie", () => {
    for (const cookie of [
      "authjs.session-token=abc",
      "__Secure-authjs.session-token=abc",
      "__Secure-authjs.session-token.0=abc; __Secure-authjs.session-token.1=def",
    ]) {
      const response = guardDashboard(request("https://app.test/dashboard", cookie));
      expect(response.headers.get("location")).toBeNull();
      // Auth.js's middleware would re-issue the session cookie here; a late response could
      // then sign a user back in right after they signed out.
      expect(response.headers.get("set-cookie")).toBeNull();
      // The root layout learns it renders the dashboard (its <html lang> follows the member).
      expect(response.headers.get("x-middleware-request-x-chatcart-dashboard")).toBe("1");
    }
  });

  it("does not take other cookies for a session", () => {
    expect(
      hasSessionCookie(request("https://app.test/", "authjs.csrf-token=x; lang=ja").cookies),
    ).toBe(false);
    expect(hasSessionCookie(request("https://app.test/", "xauthjs.session-token=x").cookies)).toBe(
      false,
    );
  });
});
