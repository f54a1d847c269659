/**
 * The owner's side of loyalty in Chromium: switch the programme on (the live example follows
 * the rules being typed), open a member, read their ledger and adjust their balance once;
 * a bad amount is a field error; the same page in Japanese.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { e2eSkipReason, launchBrowser } from "./support/browser";
import { signInAsDemoOwner } from "./support/demo-owner";
import "../support/provided-context";

const skipReason = e2eSkipReason();

const languageButton = (page: Page, name: string) =>
  page.locator("aside").getByTestId("language-switch").getByRole("button", { name });

const numberIn = async (page: Page, testId: string) =>
  Number((await page.getByTestId(testId).innerText()).replace(/[^\d-]/g, ""));

describe.skipIf(skipReason)(
  `the owner's loyalty page${skipReason ? ` — SKIPPED: ${skipReason}` : ""}`,
  () => {
    const baseUrl = inject("e2eBaseUrl");
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("turns the programme on, reads a member's ledger and adjusts their balance", async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await signInAsDemoOwner(page, baseUrl);
      await page.locator("aside").getByRole("link", { name: "Loyalty" }).click();
      await page.getByRole("heading", { name: /^Loyalty/ }).waitFor();
      await expect(page.getByTestId("new-activity-only").innerText()).resolves.toContain(
        "Changes apply to new activity only",
      );

      // The live example follows what is typed, before anything is saved.
      const form = page.getByTestId("programme-form");
      const example = page.getByTestId("live-example");
      await expect(example.innerText()).resolves.toMatch(/[¥￥]4,800[\s\S]*Member\s+48 points/);
      await form.locator("input[name=earnPoints]").fill("2");
      await expect.poll(() => example.innerText()).toMatch(/Member\s+96 points/);
      await form.locator("input[name=earnPoints]").fill("1");
      await expect.poll(() => example.innerText()).toMatch(/Member\s+48 points/);

      await form.locator("input[name=enabled]").check();
      await form.getByRole("button", { name: "Save programme" }).click();
      await page.getByText("Programme saved.").waitFor();
      await expect.poll(() => page.getByTestId("programme-status").innerText()).toBe("On");

      // A member's page: their ledger, then an adjustment.
      const member = page.getByTestId("member-row").first().getByRole("link");
      await Promise.all([
        page.waitForURL(/\/dashboard\/loyalty\/members\/[0-9a-f-]{36}$/),
        member.click(),
      ]);
      const memberUrl = page.url();
      const rowsBefore = await page.getByTestId("ledger-row").count();
      expect(rowsBefore).toBeGreaterThanOrEqual(1);
      await expect(page.getByTestId("ledger-row").last().innerText()).resolves.toContain(
        "Joined the programme",
      );
      const available = await numberIn(page, "member-available");

      const adjust = page.getByTestId("adjust-form");
      await adjust.locator("input[name=delta]").fill("0");
      await adjust.locator("input[name=note]").fill("E2E goodwill");
      await adjust.getByRole("button", { name: "Adjust" }).click();
      await adjust.getByText("Zero changes nothing").first().waitFor();
      await expect(page.getByTestId("ledger-row").count()).resolves.toBe(rowsBefore);

      await adjust.locator("input[name=delta]").fill("25");
      await adjust.getByRole("button", { name: "Adjust" }).click();
      await page.getByText("Balance adjusted by +25 points.").waitFor();
      await expect.poll(() => numberIn(page, "member-available")).toBe(available + 25);
      await expect(page.getByTestId("ledger-row").count()).resolves.toBe(rowsBefore + 1);
      await expect(page.getByTestId("ledger-row").first().innerText()).resolves.toMatch(
        /Manual adjustment[\s\S]*E2E goodwill[\s\S]*\+25/,
      );

      // The same page in Japanese (then back to English for the other files).
      await languageButton(page, "日本語").click();
      await expect
        .poll(() => languageButton(page, "日本語").getAttribute("aria-pressed"), {
          timeout: 20_000,
        })
        .toBe("true");
      await page.goto(memberUrl);
      await page.getByText("残高を調整", { exact: true }).waitFor();
      await expect(page.getByTestId("ledger-row").first().innerText()).resolves.toContain(
        "手動調整",
      );
      await languageButton(page, "English").click();
      await page.getByText("Adjust the balance", { exact: true }).waitFor();
      await context.close();
    });
  },
);
