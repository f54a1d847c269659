import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { e2eSkipReason, launchBrowser } from "./support/browser";
import "../support/provided-context";

const skipReason = e2eSkipReason();

const htmlLang = (page: Page) => page.locator("html").getAttribute("lang");

describe.skipIf(skipReason)(
  `storefront languages${skipReason ? ` — SKIPPED: ${skipReason}` : ""}`,
  () => {
    const baseUrl = inject("e2eBaseUrl");
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("sets <html lang> to the storefront's language, and English outside the storefront", async () => {
      const context = await browser.newContext({
        locale: "ko-KR",
        extraHTTPHeaders: { "Accept-Language": "ko-KR,ko;q=0.9" },
      });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/s/demo`);
      expect(await htmlLang(page)).toBe("ko");
      // Product names in the shopper's language where the shop wrote one, else its default.
      const list = page.getByTestId("product-list");
      await expect(list.textContent()).resolves.toContain("우지 말차 세리머니얼 등급 (30 g)");
      await expect(list.textContent()).resolves.toContain("Gyokuro, Shade-Grown Green Tea (50 g)");
      const hojicha = {
        ja: "京ほうじ茶（100 g）",
        "zh-Hans": "京都焙茶（100 克）",
        en: "Kyoto Hojicha",
      };
      for (const [lang, name] of Object.entries(hojicha)) {
        await page.goto(`${baseUrl}/s/demo/p/kyoto-hojicha-100g?lang=${lang}`);
        expect(await htmlLang(page)).toBe(lang);
        await expect(page.locator("h1").textContent()).resolves.toContain(name);
      }
      // The choice is remembered: the cart, without ?lang=, is still in English.
      await page.goto(`${baseUrl}/s/demo/cart`);
      expect(await htmlLang(page)).toBe("en");
      await page.goto(`${baseUrl}/`);
      expect(await htmlLang(page)).toBe("en");
      await context.close();
    });

    it("answers a missing product in the shopper's language, styled, leading back to the store", async () => {
      const context = await browser.newContext({
        locale: "ja-JP",
        extraHTTPHeaders: { "Accept-Language": "ja" },
      });
      const page = await context.newPage();
      const missing = await page.goto(`${baseUrl}/s/demo/p/no-such-product`);
      expect(missing?.status()).toBe(404);
      expect(await htmlLang(page)).toBe("ja");
      expect(await page.locator("h1").textContent()).toBe("ページが見つかりません");
      expect(await page.title()).toBe("ページが見つかりません · Kyoto Tea & Crafts");
      const back = page.getByTestId("back-to-store");
      // Styled as the app's primary button, not a bare link.
      const background = await back.evaluate((link) => getComputedStyle(link).backgroundColor);
      expect(background).not.toBe("rgba(0, 0, 0, 0)");
      await back.click();
      await page.waitForURL(`${baseUrl}/s/demo`);
      expect(await page.locator("h1").textContent()).toBe("すべての商品");

      // Any other path inside the store gets the store's page too, not the app's.
      const other = await page.goto(`${baseUrl}/s/demo/no/such/page?lang=ko`);
      expect(other?.status()).toBe(404);
      expect(await page.locator("h1").textContent()).toBe("페이지를 찾을 수 없습니다");
      expect(await page.getByTestId("back-to-store").getAttribute("href")).toBe("/s/demo?lang=ko");

      // A chat link to a store that does not exist: in the shopper's language, no Chatcart link.
      const go = await page.goto(`${baseUrl}/go/no-such-store`);
      expect(go?.status()).toBe(404);
      expect(await htmlLang(page)).toBe("ko"); // the cookie ?lang=ko left
      expect(await page.locator("h1").textContent()).toBe("상점을 찾을 수 없습니다");
      expect(await page.locator("a").count()).toBe(0);
      await context.close();
    });
  },
);
