/**
 * The same widget on this app's own product page (/s/demo/p/<slug>, rendered by the
 * storefront with the store's current widget settings): no layout shift, and a tap ends in a
 * wa.me chat naming the product with a ref.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { e2eSkipReason, launchBrowser } from "./support/browser";
import "../support/provided-context";

const skipReason = e2eSkipReason();
const MATCHA = { slug: "uji-matcha-ceremonial-30g", name: "Uji Matcha, Ceremonial Grade (30 g)" };

/** Sums layout-shift entries (buffered, so shifts before the observer count too). */
const CLS_OBSERVER = `window.__cls = 0; new PerformanceObserver((list) => { for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value; }).observe({ type: "layout-shift", buffered: true });`;

describe.skipIf(skipReason)(
  `widget on a product page${skipReason ? ` — SKIPPED: ${skipReason}` : ""}`,
  () => {
    const baseUrl = inject("e2eBaseUrl");
    let browser: Browser;
    const contexts: BrowserContext[] = [];

    /**
     * A touch tablet: on a phone (under 768 px) the widget yields to the product page's own
     * "Chat to buy" button so it never covers "Add to cart" (tests/e2e/phone-fit.test.ts).
     */
    async function touchPage() {
      const context = await browser.newContext({
        viewport: { width: 820, height: 1180 },
        isMobile: true,
        hasTouch: true,
      });
      contexts.push(context);
      await context.addInitScript(CLS_OBSERVER);
      await context.route("https://wa.me/**", (route) =>
        route.fulfill({ contentType: "text/html", body: "<title>WhatsApp</title>" }),
      );
      return context.newPage();
    }

    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      for (const context of contexts) await context.close();
      await browser?.close();
    });

    it("shows the widget without layout shift and opens a wa.me chat naming the product", async () => {
      const page = await touchPage();
      await page.goto(`${baseUrl}/s/demo/p/${MATCHA.slug}?lang=en`);
      const link = page.locator("chatcart-widget a.c");
      await link.waitFor();
      await page.waitForTimeout(1000);
      expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBe(0);

      const script = page.locator('script[src="/widget.js"]');
      await expect(script.getAttribute("data-store")).resolves.toBe("demo");
      await expect(script.getAttribute("data-colour")).resolves.toMatch(/^#[0-9A-Fa-f]{6}$/);
      const href = new URL((await link.getAttribute("href")) ?? "");
      expect(`${href.origin}${href.pathname}`).toBe(`${baseUrl}/go/demo`);
      expect(Object.fromEntries(href.searchParams)).toEqual({
        src: "widget",
        product: MATCHA.slug,
        lang: "en",
      });

      const [request] = await Promise.all([
        page.waitForRequest((candidate) => candidate.url().startsWith("https://wa.me/")),
        link.click(),
      ]);
      const text = new URL(request.url()).searchParams.get("text") ?? "";
      expect(text).toContain(MATCHA.name);
      expect(text).toMatch(/\(ref [A-Z0-9]{5,}\)$/);
    });

    it("leaves the widget out with ?nowidget=1 (the benchmark's baseline)", async () => {
      const page = await touchPage();
      await page.goto(`${baseUrl}/s/demo/p/${MATCHA.slug}?lang=en&nowidget=1`);
      await page.waitForTimeout(500);
      await expect(page.locator('script[src="/widget.js"]').count()).resolves.toBe(0);
      await expect(page.locator("chatcart-widget").count()).resolves.toBe(0);
    });
  },
);
