/**
 * A 390 px phone (iPhone 12–15 width): every dashboard page fits without sideways
 * scrolling, and the storefront keeps its header on one row and "Add to cart" clear of the
 * floating widget.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { e2eSkipReason, launchBrowser } from "./support/browser";
import { signInAsDemoOwner } from "./support/demo-owner";
import "../support/provided-context";

const skipReason = e2eSkipReason();
const PHONE = { width: 390, height: 844 };
/** The same phone with the browser's address and tool bars taking their share. */
const PHONE_VISIBLE = { width: 390, height: 740 };
const PRODUCT_SLUG = "uji-matcha-ceremonial-30g";

/** How far the page reaches past the viewport's right edge (0 when it fits). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Dashboard paths: the sidebar's pages, plus one detail page of each kind listed on them. */
async function dashboardPaths(page: Page, baseUrl: string): Promise<string[]> {
  const hrefs = (selector: string) =>
    page.$$eval(selector, (links) => links.map((link) => link.getAttribute("href") ?? ""));
  const pages = await hrefs("nav[aria-label=Dashboard] a");
  const details = new Map<string, string>();
  for (const list of [
    "/dashboard/inbox",
    "/dashboard/loyalty",
    "/dashboard/orders",
    "/dashboard/products",
    "/dashboard/qr",
  ]) {
    await page.goto(`${baseUrl}${list}`);
    for (const href of await hrefs("main a[href^='/dashboard/']")) {
      const path = href.split("?")[0] ?? "";
      const kind = path
        .replace(/[0-9a-f-]{36}/, ":id")
        .replace(/^\/dashboard\/orders\/[^/]+$/, "/dashboard/orders/:number");
      if (kind !== path && !details.has(kind)) details.set(kind, path);
    }
  }
  return [...new Set([...pages, "/dashboard/inbox/failed", "/dashboard/products/new"])].concat([
    ...details.values(),
  ]);
}

describe.skipIf(skipReason)(
  `a 390 px phone${skipReason ? ` — SKIPPED: ${skipReason}` : ""}`,
  () => {
    const baseUrl = inject("e2eBaseUrl");
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("shows every dashboard page without sideways scrolling", async () => {
      const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      await signInAsDemoOwner(page, baseUrl);
      const paths = await dashboardPaths(page, baseUrl);
      // The sidebar's ten pages, two more, and a conversation, a loyalty member, an order, a
      // product, a QR code and its card.
      expect(paths.length).toBeGreaterThanOrEqual(16);
      expect(paths).toEqual(
        expect.arrayContaining([
          "/dashboard/products",
          "/dashboard/orders",
          "/dashboard/loyalty",
          expect.stringMatching(/^\/dashboard\/loyalty\/members\/[0-9a-f-]{36}$/),
          expect.stringMatching(/^\/dashboard\/orders\/[^/]+$/),
          expect.stringMatching(/\/card$/),
        ]),
      );
      const tooWide: Record<string, number> = {};
      for (const path of paths) {
        const response = await page.goto(`${baseUrl}${path}`);
        expect(response?.status(), path).toBe(200);
        const extra = await overflow(page);
        if (extra > 0) tooWide[path] = extra;
      }
      expect(tooWide).toEqual({});
      await context.close();
    });

    describe("the storefront", () => {
      let context: BrowserContext;
      beforeAll(async () => {
        context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
      });
      afterAll(async () => {
        await context?.close();
      });

      for (const lang of ["en", "ja", "zh-Hans", "ko"]) {
        it(`keeps the header on one row (${lang})`, async () => {
          const page = await context.newPage();
          await page.goto(`${baseUrl}/s/demo/p/${PRODUCT_SLUG}?lang=${lang}`);
          const header = await page.getByTestId("storefront-header").boundingBox();
          const cart = await page.getByTestId("cart-link").boundingBox();
          const name = await page.locator("[data-testid=storefront-header] > a").boundingBox();
          // One row: the header is the cart button's height plus its padding, and the store's
          // name sits beside the cart, not above it.
          expect(header!.height).toBeLessThanOrEqual(cart!.height + 28);
          expect(Math.abs(name!.y + name!.height / 2 - (cart!.y + cart!.height / 2))).toBeLessThan(
            4,
          );
          // The languages are still one tap away.
          await expect(page.getByTestId("language-select").isVisible()).resolves.toBe(true);
          expect(await overflow(page)).toBe(0);
          await page.close();
        });
      }

      it("switches language from the phone header", async () => {
        const page = await context.newPage();
        await page.goto(`${baseUrl}/s/demo?lang=en`);
        await Promise.all([
          page.waitForURL(`${baseUrl}/s/demo?lang=ja`),
          page.getByTestId("language-select").selectOption("ja"),
        ]);
        await expect(page.getByTestId("storefront").getAttribute("lang")).resolves.toBe("ja");
        await page.close();
      });

      for (const viewport of [PHONE, PHONE_VISIBLE]) {
        it(`keeps "Add to cart" clear of the widget on ${viewport.width}×${viewport.height}`, async () => {
          const page = await context.newPage();
          await page.setViewportSize(viewport);
          // The catalog keeps its floating widget …
          await page.goto(`${baseUrl}/s/demo?lang=en`);
          const widget = page.locator("chatcart-widget");
          await widget.waitFor({ state: "visible" });

          // … which yields, on a product page, to the page's own "Chat to buy" button.
          await page.goto(`${baseUrl}/s/demo/p/${PRODUCT_SLUG}?lang=en`);
          await widget.waitFor({ state: "attached" });
          const addToCart = await page.getByRole("button", { name: "Add to cart" }).boundingBox();
          expect(addToCart!.y + addToCart!.height).toBeLessThanOrEqual(viewport.height);
          const box = await widget.boundingBox();
          const overlaps =
            box !== null &&
            box.width > 0 &&
            box.x < addToCart!.x + addToCart!.width &&
            addToCart!.x < box.x + box.width &&
            box.y < addToCart!.y + addToCart!.height &&
            addToCart!.y < box.y + box.height;
          expect(overlaps).toBe(false);
          await expect(page.getByTestId("chat-to-buy").isVisible()).resolves.toBe(true);
          await page.close();
        });
      }
    });
  },
);
