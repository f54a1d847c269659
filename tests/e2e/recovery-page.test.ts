/**
 * The owner's Recovery page in Chromium, in English and Japanese: the nav item, the
 * headings, the figures for a period, the per-step table, and either the recoveries (each
 * row with its outcome) or the empty state pointing to the settings. The demo seed may or
 * may not hold recoveries; both read right.
 */
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { e2eSkipReason } from "./support/browser";
import { signInAsDemoOwner } from "./support/demo-owner";
import { useBrowser } from "./support/shared-browser";
import "../support/provided-context";

const skipReason = e2eSkipReason();

const languageButton = (page: Page, name: string) =>
  page.locator("aside").getByTestId("language-switch").getByRole("button", { name });

/**
 * Presses a language until it is the member's: a press before the page has hydrated can be
 * lost, so it is pressed again (it is idempotent) until the switch says so.
 */
async function switchLanguage(page: Page, name: string) {
  const button = languageButton(page, name);
  await expect
    .poll(
      async () => {
        if ((await button.getAttribute("aria-pressed")) === "true") return true;
        await button.click();
        return false;
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toBe(true);
}

/** The list shows rows with an outcome each, or the empty state (what to do next). */
async function expectListOrEmpty(page: Page, outcome: RegExp, empty: RegExp) {
  const rows = page.getByTestId("recovery-row");
  if ((await rows.count()) === 0) {
    await expect(page.getByTestId("recovery-empty").innerText()).resolves.toMatch(empty);
    return;
  }
  await expect(rows.first().getAttribute("data-status")).resolves.toMatch(
    /^(active|recovered|stopped|lost)$/,
  );
  await expect(rows.first().getByTestId("recovery-outcome").innerText()).resolves.toMatch(outcome);
}

describe.skipIf(skipReason)(
  `the owner's Recovery page${skipReason ? ` — SKIPPED: ${skipReason}` : ""}`,
  () => {
    const baseUrl = inject("e2eBaseUrl");
    const browser = useBrowser();

    it("shows the figures, the steps and the recoveries, in English and Japanese", async () => {
      const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await signInAsDemoOwner(page, baseUrl);
      await page.locator("aside").getByRole("link", { name: "Recovery" }).click();
      await page.waitForURL(/\/dashboard\/recovery$/);
      await page.getByRole("heading", { name: /^Recovery/, level: 1 }).waitFor();
      const kpis = page.getByTestId("recovery-kpis");
      await kpis.getByText("Abandoned carts", { exact: true }).waitFor();
      await kpis.getByText("Recovered revenue", { exact: true }).waitFor();
      await expect(kpis.getByRole("combobox", { name: "Period" }).inputValue()).resolves.toBe(
        "30d",
      );
      await page.getByTestId("recovery-steps-table").getByText("Step 3", { exact: true }).waitFor();
      await page.getByText("Recoveries", { exact: true }).waitFor();
      await expect(
        page.getByRole("link", { name: "Recovery settings" }).first().getAttribute("href"),
      ).resolves.toBe("/dashboard/recovery/settings");
      await expectListOrEmpty(
        page,
        /^(Recovered .+ by step \d|Recovered .+|In progress|Stopped: .+|Lost: .+)$/,
        /Switch it on in Recovery settings|No cart has been abandoned/,
      );

      // Another period: the URL carries it, and the figures are compared with the one before.
      await kpis.getByRole("combobox", { name: "Period" }).selectOption("7d");
      await Promise.all([
        page.waitForURL(/range=7d/),
        kpis.getByRole("button", { name: "Show" }).click(),
      ]);
      await expect(kpis.getByRole("combobox", { name: "Period" }).inputValue()).resolves.toBe("7d");
      await kpis.getByText(/^Compared with \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}\.$/).waitFor();

      // The same page in Japanese (then back to English for the other files).
      await page.goto(`${baseUrl}/dashboard/recovery`);
      await switchLanguage(page, "日本語");
      await page.goto(`${baseUrl}/dashboard/recovery`);
      await page.getByRole("heading", { name: /^カゴ落ち回収/, level: 1 }).waitFor();
      await page.getByTestId("recovery-kpis").getByText("カゴ落ち件数", { exact: true }).waitFor();
      await page
        .getByTestId("recovery-steps-table")
        .getByText("ステップ3", { exact: true })
        .waitFor();
      await expect(
        page.locator("aside").getByRole("link", { name: "カゴ落ち回収" }).count(),
      ).resolves.toBe(1);
      await expectListOrEmpty(
        page,
        /^(ステップ\dで .+ を回収|.+ を回収|進行中|停止：.+|未回収：.+)$/,
        /「回収の設定」でオンにしてください|カゴ落ちしたカートはまだありません/,
      );
      await switchLanguage(page, "English");
      await context.close();
    });
  },
);
