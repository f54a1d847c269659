import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { e2eSkipReason, launchBrowser } from "./support/browser";
import { signInAsDemoOwner } from "./support/demo-owner";
import "../support/provided-context";

const skipReason = e2eSkipReason();

/** The user menu's language switch, in the desktop sidebar. */
const languageButton = (page: Page, name: string) =>
  page.locator("aside").getByTestId("language-switch").getByRole("button", { name });

describe.skipIf(skipReason)(
  `dashboard languages${skipReason ? ` — SKIPPED: ${skipReason}` : ""}`,
  () => {
    const baseUrl = inject("e2eBaseUrl");
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      // The demo owner is shared with the other end-to-end files: leave them in English.
      const context = await browser.newContext();
      const page = await context.newPage();
      await signInAsDemoOwner(page, baseUrl);
      if ((await page.locator("h1").textContent()) !== "Overview") {
        await languageButton(page, "English").click();
        await page.getByRole("heading", { name: "Overview" }).waitFor();
      }
      await context.close();
      await browser?.close();
    });

    it("switches the demo owner's dashboard to Japanese from the user menu, and back", async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await signInAsDemoOwner(page, baseUrl);
      await expect(page.locator("h1").textContent()).resolves.toBe("Overview");
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");

      await languageButton(page, "日本語").click();
      await page.getByRole("heading", { name: "概要" }).waitFor();
      await expect(languageButton(page, "日本語").getAttribute("aria-pressed")).resolves.toBe(
        "true",
      );

      // The choice is stored for the member: a fresh load is in Japanese, <html lang> too.
      await page.reload();
      await expect(page.locator("h1").textContent()).resolves.toBe("概要");
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe("ja");
      await expect(page.title()).resolves.toMatch(/^概要 · /);
      const nav = page.locator("aside").getByRole("navigation");
      for (const label of ["概要", "受信箱", "商品", "ウィジェット", "QRコード", "設定"]) {
        await expect(nav.getByRole("link", { name: label }).count()).resolves.toBe(1);
      }
      await expect(page.getByTestId("stat-revenue").textContent()).resolves.toContain("売上");
      await expect(page.getByTestId("stat-revenue-value").textContent()).resolves.toMatch(
        /^￥[\d,]+$/,
      );
      await expect(page.getByTestId("overview-store").textContent()).resolves.toBe(
        "Kyoto Tea & Crafts",
      );
      const orders = await page.getByTestId("recent-orders").innerText();
      expect(orders).toContain("支払い済み");
      expect(orders).toMatch(/\d{4}\/\d{2}\/\d{2} \d{1,2}:\d{2}/);
      expect(orders).not.toMatch(/\bPaid\b|Placed|Entry point/);
      await expect(page.getByTestId("member-role").textContent()).resolves.toBe("オーナー");
      await expect(
        page.locator("aside").getByRole("button", { name: "ログアウト" }).count(),
      ).resolves.toBe(1);

      // Products: the list, its filter and its table.
      await nav.getByRole("link", { name: "商品" }).click();
      await page.getByRole("heading", { name: "商品" }).waitFor();
      await expect(page.title()).resolves.toMatch(/^商品 · /);
      const filter = page.getByRole("navigation", { name: "商品を絞り込む" });
      await expect(filter.innerText()).resolves.toMatch(/すべて[\s\S]*販売中[\s\S]*アーカイブ済み/);
      const firstRow = page.getByTestId("product-row").first();
      await expect(firstRow.innerText()).resolves.toMatch(/￥[\d,]+\s+(販売中|アーカイブ済み)/);
      await expect(firstRow.getByRole("link", { name: "編集" }).count()).resolves.toBe(1);
      await expect(
        firstRow.getByRole("button", { name: /(をアーカイブ|の販売を再開)$/ }).count(),
      ).resolves.toBe(1);
      await page.goBack();
      await page.getByRole("heading", { name: "概要" }).waitFor();

      // On a phone the navigation sheet speaks Japanese too.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole("button", { name: "メニューを開く" }).click();
      const sheet = page.getByRole("dialog");
      await sheet.getByRole("link", { name: "受信箱" }).waitFor();
      await expect(sheet.getByRole("link", { name: "ストアを見る" }).count()).resolves.toBe(1);
      await page.keyboard.press("Escape");

      await page.setViewportSize({ width: 1280, height: 900 });
      await languageButton(page, "English").click();
      await page.getByRole("heading", { name: "Overview" }).waitFor();
      await page.reload();
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
      await context.close();
    });
  },
);
