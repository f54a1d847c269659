/**
 * The owner's reports: the Overview and each report page in English and Japanese, the date
 * range kept in the URL (a reload shows the same view), charts with a description and a table
 * fallback, and every page fitting a 390 px phone and a 1280 px desktop.
 */
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { e2eSkipReason, launchBrowser } from "./support/browser";
import { signInAsDemoOwner } from "./support/demo-owner";
import "../support/provided-context";

const skipReason = e2eSkipReason();
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const SHOTS = path.join(tmpdir(), "chatcart-e2e-reports");

/** The user menu's language switch, in the desktop sidebar. */
const languageButton = (page: Page, name: string) =>
  page.locator("aside").getByTestId("language-switch").getByRole("button", { name });

function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** The Overview and every report page the reports' tabs link to. */
async function reportPaths(page: Page, baseUrl: string): Promise<string[]> {
  await page.goto(`${baseUrl}/dashboard/reports`);
  const tabs = await page
    .getByTestId("report-tabs")
    .locator("a")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href")!.split("?")[0]!));
  return ["/dashboard", "/dashboard/reports", ...tabs];
}

/** Every chart is an image named by its title, described in words, with the figures as a table. */
async function expectAccessibleCharts(page: Page): Promise<number> {
  const charts = page.getByTestId("chart-image");
  const count = await charts.count();
  for (let index = 0; index < count; index += 1) {
    const chart = charts.nth(index);
    await expect(chart.getAttribute("role")).resolves.toBe("img");
    for (const attribute of ["aria-labelledby", "aria-describedby"]) {
      const id = await chart.getAttribute(attribute);
      const text = await page.locator(`[id="${id}"]`).textContent();
      expect(text?.trim().length, `${attribute} of chart ${index}`).toBeGreaterThan(3);
    }
    const fallback = chart.locator("xpath=following-sibling::details[1]");
    await fallback.locator("summary").click();
    await expect(fallback.locator("table tbody tr").count()).resolves.toBeGreaterThan(0);
  }
  return count;
}

describe.skipIf(skipReason)(
  `the owner's reports${skipReason ? ` — SKIPPED: ${skipReason}` : ""}`,
  () => {
    const baseUrl = inject("e2eBaseUrl");
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
      mkdirSync(SHOTS, { recursive: true });
    });
    afterAll(async () => {
      // The demo owner is shared with the other end-to-end files: leave them in English.
      const context = await browser.newContext({ viewport: DESKTOP });
      const page = await context.newPage();
      await signInAsDemoOwner(page, baseUrl);
      if ((await page.locator("h1").textContent()) !== "Overview") {
        await languageButton(page, "English").click();
        await page.getByRole("heading", { name: "Overview" }).waitFor();
      }
      await context.close();
      await browser?.close();
    });

    it(
      "keeps the range in the URL: presets, a custom range, a reload and a bad address",
      { timeout: 180_000 },
      async () => {
        const context = await browser.newContext({ viewport: DESKTOP });
        const page = await context.newPage();
        await signInAsDemoOwner(page, baseUrl);
        const picker = page.getByTestId("range-picker");
        // 30 days unless the URL says otherwise.
        await expect(
          picker.getByRole("link", { name: "30 days" }).getAttribute("aria-current"),
        ).resolves.toBe("true");

        await Promise.all([
          page.waitForURL(/\/dashboard\?range=7d$/),
          picker.getByRole("link", { name: "7 days" }).click(),
        ]);
        await page.getByTestId("stat-revenue").waitFor();
        // Each report's card on the Overview links to its page with the same range.
        for (const section of [
          "conversions",
          "products",
          "traveller",
          "loyalty",
          "recovery",
          "messages",
        ])
          await expect(
            page.getByTestId(`summary-${section}`).getByRole("link").getAttribute("href"),
          ).resolves.toBe(`/dashboard/reports/${section}?range=7d`);
        const summary = await page.getByTestId("range-summary").textContent();
        expect(summary).toMatch(/^Showing .+, compared with .+$/);
        await page.reload();
        await expect(page.getByTestId("range-summary").textContent()).resolves.toBe(summary);
        await expect(
          picker.getByRole("link", { name: "7 days" }).getAttribute("aria-current"),
        ).resolves.toBe("true");

        // A custom range: two dates and Apply; the URL carries them, a reload keeps them.
        const from = page.locator("input[name=from]");
        const to = page.locator("input[name=to]");
        const today = await to.getAttribute("max");
        const day = (offset: number) => {
          const date = new Date(`${today}T00:00:00Z`);
          date.setUTCDate(date.getUTCDate() + offset);
          return date.toISOString().slice(0, 10);
        };
        await from.fill(day(-20));
        await to.fill(day(-6));
        await Promise.all([
          page.waitForURL((url) => url.searchParams.get("range") === "custom"),
          picker.getByRole("button", { name: "Apply" }).click(),
        ]);
        const url = new URL(page.url());
        expect(url.searchParams.get("from")).toBe(day(-20));
        expect(url.searchParams.get("to")).toBe(day(-6));
        await page.reload();
        await expect(page.inputValue("input[name=from]")).resolves.toBe(day(-20));
        await expect(page.inputValue("input[name=to]")).resolves.toBe(day(-6));
        // 15 days, compared with the 15 days before: the previous period ends the day before.
        const previous = await page.getByTestId("range-previous").textContent();
        expect(previous).toMatch(/^compared with /);
        await expect(page.getByTestId("range-invalid").count()).resolves.toBe(0);

        // Every figure says how it changed, with an arrow and a sign, not by colour alone.
        const delta = page.getByTestId("stat-revenue").getByTestId("delta");
        await expect(delta.textContent()).resolves.toMatch(
          /^([+−][¥￥][\d,]+( \([+−][\d.,]+%\))?|No change)/,
        );
        await expect(delta.locator("svg").count()).resolves.toBe(1);

        // An impossible date: a notice, and the last 30 days.
        await page.goto(`${baseUrl}/dashboard?range=custom&from=2026-02-30&to=2026-03-02`);
        await expect(page.getByTestId("range-invalid").textContent()).resolves.toContain(
          "could not be used",
        );
        await expect(
          picker.getByRole("link", { name: "30 days" }).getAttribute("aria-current"),
        ).resolves.toBe("true");
        await context.close();
      },
    );

    it("links every report page from the reports and keeps the range between them", async () => {
      const context = await browser.newContext({ viewport: DESKTOP });
      const page = await context.newPage();
      await signInAsDemoOwner(page, baseUrl);
      await page
        .getByRole("navigation", { name: "Dashboard" })
        .getByRole("link", { name: "Reports" })
        .click();
      await page.getByRole("heading", { name: "Reports", level: 1 }).waitFor();
      await Promise.all([
        page.waitForURL(/\/dashboard\/reports\?range=90d$/),
        page.getByTestId("range-picker").getByRole("link", { name: "90 days" }).click(),
      ]);
      const tabs = page.getByTestId("report-tabs").locator("a");
      const hrefs = await tabs.evaluateAll((links) => links.map((l) => l.getAttribute("href")!));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) {
        expect(href).toMatch(
          href.startsWith("/dashboard/reports/definitions") ? /^[^?]+$/ : /\?range=90d$/,
        );
      }
      // How we count: every definition the contract names.
      await page.goto(`${baseUrl}/dashboard/reports/definitions`);
      const definitions = await page.getByTestId("definitions").innerText();
      for (const term of [
        "Chat started",
        "Conversion rates",
        "Paid order",
        "Net revenue",
        "Recovered order",
        "Unattributed",
        "One set of orders, several views",
      ])
        expect(definitions).toContain(term);
      expect(definitions).toContain("period in which its order was paid");
      await context.close();
    });

    it(
      "sorts conversions by any column, a row per shop card, with the range's downloads",
      { timeout: 180_000 },
      async () => {
        const context = await browser.newContext({ viewport: DESKTOP });
        const page = await context.newPage();
        await signInAsDemoOwner(page, baseUrl);
        await page.goto(`${baseUrl}/dashboard/reports/conversions?range=90d`);
        const table = page.getByTestId("conversions-table");
        const labels = () => table.locator("tbody th").allInnerTexts();
        // Printed QR codes are rows of their own, by name; unattributed is a row of its own.
        expect((await labels()).some((label) => label.startsWith("QR code: "))).toBe(true);
        expect(await labels()).toContain("Unattributed");
        const header = table.locator("th").filter({ has: page.getByTestId("sort-revenueMinor") });
        const revenues = async () =>
          (await table.locator("tbody tr td:nth-child(6)").allInnerTexts()).map((text) =>
            Number(text.split("\n")[0]!.replace(/[^\d]/g, "")),
          );
        await page.getByTestId("sort-revenueMinor").click();
        await expect(header.getAttribute("aria-sort")).resolves.toBe("descending");
        const descending = await revenues();
        expect(descending).toEqual([...descending].sort((a, b) => b - a));
        await page.getByTestId("sort-revenueMinor").click();
        await expect(header.getAttribute("aria-sort")).resolves.toBe("ascending");
        expect(await revenues()).toEqual([...descending].reverse());
        await page.getByTestId("sort-label").click();
        const byName = await labels();
        expect(byName).toEqual(
          [...byName].sort((a, b) => a.localeCompare(b, "en", { numeric: true })),
        );

        for (const kind of ["orders", "conversions"])
          await expect(page.getByTestId(`csv-${kind}`).getAttribute("href")).resolves.toBe(
            `/dashboard/analytics/export/${kind}?range=90d`,
          );

        // Message health: each failure links to the conversations it hit.
        await page.goto(`${baseUrl}/dashboard/reports/messages?range=90d`);
        const links = page.getByTestId("problem-conversation");
        if ((await links.count()) > 0) {
          const href = await links.first().getAttribute("href");
          expect(href).toMatch(/^\/dashboard\/inbox\/[0-9a-f-]{36}$/);
          await expect(page.goto(`${baseUrl}${href}`).then((r) => r?.status())).resolves.toBe(200);
        }
        await context.close();
      },
    );

    for (const language of ["en", "ja"] as const) {
      it(
        `shows every report page in ${language}, described charts, fitting 390 and 1280 px`,
        { timeout: 500_000 },
        async () => {
          const setup = await browser.newContext({ viewport: DESKTOP });
          const setupPage = await setup.newPage();
          await signInAsDemoOwner(setupPage, baseUrl);
          const heading = language === "en" ? "Overview" : "概要";
          if ((await setupPage.locator("h1").textContent()) !== heading) {
            await languageButton(setupPage, language === "en" ? "English" : "日本語").click();
            await setupPage.getByRole("heading", { name: heading }).waitFor();
          }
          const paths = await reportPaths(setupPage, baseUrl);
          await setup.close();

          let charts = 0;
          for (const viewport of [PHONE, DESKTOP]) {
            const context = await browser.newContext({ viewport });
            const page = await context.newPage();
            await signInAsDemoOwner(page, baseUrl);
            const tooWide: Record<string, number> = {};
            for (const reportPath of paths) {
              // The e2e server's embedded database is slow under load: a page may take a while.
              const response = await page.goto(`${baseUrl}${reportPath}?range=90d`, {
                timeout: 90_000,
              });
              expect(response?.status(), reportPath).toBe(200);
              await expect(page.locator("html").getAttribute("lang")).resolves.toBe(language);
              // No untranslated section titles: Japanese pages have Japanese headings.
              const title = (await page.locator("h1").textContent()) ?? "";
              if (language === "ja")
                expect(title, reportPath).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
              charts += await expectAccessibleCharts(page);
              const extra = await overflow(page);
              if (extra > 0) tooWide[reportPath] = extra;
              const name = `${language}-${viewport.width}${reportPath.replaceAll("/", "_")}.png`;
              await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
            }
            expect(tooWide).toEqual({});
            await context.close();
          }
          // The demo store has sales in the last 90 days: at least the Overview draws its chart.
          expect(charts).toBeGreaterThan(0);
        },
      );
    }
  },
);
