import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { persistLanguageChoice } from "@/lib/storefront/language-proxy";

function request(url: string, cookie?: string) {
  return new NextRequest(url, { headers: cookie ? { cookie } : {} });
}

describe("persistLanguageChoice (proxy)", () => {
  it("remembers ?lang= in a SameSite=Lax cookie for the whole site", () => {
    const response = persistLanguageChoice(request("https://shop.test/s/demo?lang=ko"));
    const header = response.headers.get("set-cookie") ?? "";
    expect(header).toMatch(/^lang=ko;/);
    expect(header).toMatch(/Path=\//);
    expect(header).toMatch(/SameSite=lax/i);
    expect(header).toMatch(/Secure/);
    expect(header).toMatch(/Max-Age=31536000/);
  });

  it("sets nothing without a supported ?lang= or when the cookie already says so", () => {
    expect(
      persistLanguageChoice(request("https://shop.test/s/demo")).headers.get("set-cookie"),
    ).toBeNull();
    expect(
      persistLanguageChoice(request("https://shop.test/s/demo?lang=tlh")).headers.get("set-cookie"),
    ).toBeNull();
    expect(
      persistLanguageChoice(request("https://shop.test/s/demo?lang=ja", "lang=ja")).headers.get(
        "set-cookie",
      ),
    ).toBeNull();
  });

  it("is not Secure on plain http (local development)", () => {
    const header = persistLanguageChoice(
      request("http://localhost:3000/s/demo?lang=en"),
    ).headers.get("set-cookie");
    expect(header).toMatch(/^lang=en;/);
    expect(header).not.toMatch(/Secure/);
  });

  it("names the store and the URL's ?lang= for the root layout and not-found pages", () => {
    const forged = { "x-chatcart-storefront": "other", "x-chatcart-storefront-lang": "ko" };
    const onProduct = persistLanguageChoice(
      new NextRequest("https://shop.test/s/kyoto-tea/p/matcha?lang=ja", { headers: forged }),
    );
    const passed = (response: Response, name: string) =>
      response.headers.get(`x-middleware-request-${name}`);
    expect(passed(onProduct, "x-chatcart-storefront")).toBe("kyoto-tea");
    expect(passed(onProduct, "x-chatcart-storefront-lang")).toBe("ja");

    // A client's own values never get through.
    const withoutLang = persistLanguageChoice(
      new NextRequest("https://shop.test/s/kyoto-tea", { headers: forged }),
    );
    expect(passed(withoutLang, "x-chatcart-storefront")).toBe("kyoto-tea");
    expect(passed(withoutLang, "x-chatcart-storefront-lang")).toBeNull();
    const notAStore = persistLanguageChoice(
      new NextRequest("https://shop.test/s/Bad%20Slug", { headers: forged }),
    );
    expect(passed(notAStore, "x-chatcart-storefront")).toBeNull();
  });
});
