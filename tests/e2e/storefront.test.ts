import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { e2eSkipReason, launchBrowser } from "./support/browser";
import "../support/provided-context";

const skipReason = e2eSkipReason();
const MATCHA = { slug: "uji-matcha-ceremonial-30g", name: "Uji Matcha, Ceremonial Grade (30 g)" };

async function text(page: Page, selector: string) {
  return (await page.locator(selector).first().textContent())?.trim();
}

describe.skipIf(skipReason)(`storefront${skipReason ? ` — SKIPPED: ${skipReason}` : ""}`, () => {
  const baseUrl = inject("e2eBaseUrl");
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("answers 404 for an unknown store, an unknown product and an archived product", async () => {
    const page = await browser.newPage();
    expect((await page.goto(`${baseUrl}/s/no-such-store`))?.status()).toBe(404);
    expect((await page.goto(`${baseUrl}/s/demo/p/no-such-product`))?.status()).toBe(404);
    const archived = await page.goto(`${baseUrl}/s/demo/p/shincha-first-flush-sencha-80g`);
    expect(archived?.status()).toBe(404);
    await page.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`shops in Japanese, then English, with JavaScript ${javaScriptEnabled ? "on" : "off"}`, async () => {
      const context: BrowserContext = await browser.newContext({
        javaScriptEnabled,
        locale: "ja-JP",
        extraHTTPHeaders: { "Accept-Language": "ja,en;q=0.5" },
      });
      const page = await context.newPage();

      // Catalog in Japanese, prices in yen for a Japanese reader.
      const catalog = await page.goto(`${baseUrl}/s/demo`);
      expect(catalog?.status()).toBe(200);
      await expect(page.getByTestId("storefront").getAttribute("lang")).resolves.toBe("ja");
      expect(await text(page, "h1")).toBe("すべての商品");
      expect(await page.locator("[data-testid=product-list] li").count()).toBe(11);
      expect(await page.locator("[data-testid=product-list]").textContent()).toContain("￥2,800");
      const english = page.locator('a[hreflang="en"]');
      await expect(english.getAttribute("lang")).resolves.toBe("en");

      // Switch to English.
      await english.click();
      await page.waitForURL(`${baseUrl}/s/demo?lang=en`);
      expect(await text(page, "h1")).toBe("All products");
      expect(await page.getByTestId("storefront").getAttribute("lang")).toBe("en");
      expect(await page.locator("[data-testid=product-list]").textContent()).toContain("¥2,800");

      // Open a product.
      await page.getByRole("link", { name: MATCHA.name }).click();
      await page.waitForURL(`${baseUrl}/s/demo/p/${MATCHA.slug}?lang=en`);
      expect(await text(page, "h1")).toBe(MATCHA.name);
      expect(await text(page, "[data-testid=product-price]")).toBe("¥2,800");
      const chat = new URL(
        (await page.getByTestId("chat-to-buy").getAttribute("href")) ?? "",
        baseUrl,
      );
      expect(chat.pathname).toBe("/go/demo");
      expect(Object.fromEntries(chat.searchParams)).toEqual({
        src: "product_button",
        product: MATCHA.slug,
        lang: "en",
      });
      const widget = page.locator('script[src="/widget.js"]');
      await expect(widget.getAttribute("data-product")).resolves.toBe(MATCHA.slug);
      await expect(widget.getAttribute("data-lang")).resolves.toBe("en");

      // Add two to the cart: a plain form post, with or without JavaScript.
      await page.fill("input[name=quantity]", "2");
      await page.getByRole("button", { name: "Add to cart" }).click();
      await page.getByText("Added to your cart.").waitFor();
      expect(new URL(page.url()).searchParams.get("added")).toBe("1");
      expect(await text(page, "[data-testid=cart-count]")).toBe("2");
      const cookies = await context.cookies(baseUrl + "/s/demo/cart");
      const cartCookie = cookies.find((cookie) => cookie.name === "cart_demo");
      expect(cartCookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/s/demo" });
      expect(cartCookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(cookies.find((cookie) => cookie.name === "lang")?.value).toBe("en");

      // The cart page: change the quantity, check the total, continue in WhatsApp.
      await page.getByRole("link", { name: "View cart" }).click();
      await page.waitForURL(`${baseUrl}/s/demo/cart?lang=en`);
      expect(await text(page, "[data-testid=line-quantity]")).toBe("2");
      expect(await text(page, "[data-testid=cart-subtotal]")).toBe("¥5,600");
      await page.getByRole("button", { name: `One more ${MATCHA.name}` }).click();
      await page.waitForFunction(
        () => document.querySelector("[data-testid=line-quantity]")?.textContent === "3",
      );
      expect(await text(page, "[data-testid=cart-subtotal]")).toBe("¥8,400");
      expect(await text(page, "[data-testid=cart-count]")).toBe("3");
      await page.getByRole("button", { name: `One fewer ${MATCHA.name}` }).click();
      await page.waitForFunction(
        () => document.querySelector("[data-testid=line-quantity]")?.textContent === "2",
      );

      const checkout = new URL(
        (await page.getByTestId("continue-in-whatsapp").getAttribute("href")) ?? "",
        baseUrl,
      );
      expect(checkout.pathname).toBe("/go/demo");
      expect(Object.fromEntries(checkout.searchParams)).toEqual({
        src: "cart",
        cart: cartCookie?.value,
        lang: "en",
      });

      // The language choice is remembered without ?lang=.
      await page.goto(`${baseUrl}/s/demo/cart`);
      expect(await text(page, "h1")).toBe("Your cart");

      // Remove the line: the cart is empty and offers no checkout.
      await page.getByRole("button", { name: `Remove ${MATCHA.name}` }).click();
      await page.getByTestId("cart-empty").waitFor();
      expect(await page.getByTestId("continue-in-whatsapp").count()).toBe(0);
      expect(await text(page, "[data-testid=cart-count]")).toBe("0");
      await context.close();
    });
  }

  it("scopes the cart cookie to the store's storefront", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/s/demo/p/kyoto-hojicha-100g?lang=en`);
    await page.getByRole("button", { name: "Add to cart" }).click();
    await page.getByText("Added to your cart.").waitFor();
    const token = (await context.cookies(`${baseUrl}/s/demo`)).find((c) => c.name === "cart_demo");
    expect(token).toBeDefined();
    // The cookie is scoped to /s/demo: a look-alike path does not receive it.
    expect((await context.cookies(`${baseUrl}/s/demo-2`)).some((c) => c.name === "cart_demo")).toBe(
      false,
    );
    await context.close();
  });
});
