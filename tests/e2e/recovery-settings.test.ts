/**
 * The owner's Recovery settings in Chromium: each reminder previewed as WhatsApp shows it
 * (free-form and template, in the shopper's language), a bad value refused with a field
 * error, a change saved, steps removed and added, and the page in Japanese. Recovery stays
 * off: the demo store is shared with the other end-to-end files.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { e2eSkipReason, launchBrowser } from "./support/browser";
import { signInAsDemoOwner } from "./support/demo-owner";
import "../support/provided-context";

const skipReason = e2eSkipReason();

const languageButton = (page: Page, name: string) =>
  page.locator("aside").getByTestId("language-switch").getByRole("button", { name });

describe.skipIf(skipReason)(
  `the owner's recovery settings${skipReason ? ` — SKIPPED: ${skipReason}` : ""}`,
  () => {
    const baseUrl = inject("e2eBaseUrl");
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("previews each reminder, refuses a bad value, saves a change, and speaks Japanese", async () => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const page = await context.newPage();
      await signInAsDemoOwner(page, baseUrl);
      await page.goto(`${baseUrl}/dashboard/recovery/settings`);
      await page.getByRole("heading", { name: /^Recovery settings/ }).waitFor();
      // On or off as the seed and the other files left it; saving here never changes it.
      const status = await page.getByTestId("recovery-status").innerText();
      expect(["On", "Off"]).toContain(status);

      // Three reminders, each as a WhatsApp bubble with a sample cart in yen and a link.
      const preview = page.getByTestId("recovery-preview");
      await expect(preview.getByTestId("step-preview").count()).resolves.toBe(3);
      const firstBubble = preview.getByTestId("preview-free-form").first();
      await expect(firstBubble.innerText()).resolves.toMatch(
        /^Hi Emma, you left 1 × .+ in your cart\. Pay in one tap: http\S+\/pay\/sample$/,
      );
      await expect(preview.getByTestId("preview-free-form").nth(1).innerText()).resolves.toMatch(
        /\(¥[\d,]+\)/,
      );
      await expect(preview.innerText()).resolves.toContain(
        "Outside the window: no template, so this reminder is skipped.",
      );

      // The preview follows what is typed, and the shopper's language.
      const form = page.getByTestId("recovery-settings-form");
      const firstText = form.locator("textarea[name=step0Text_en]");
      const savedFirstText = await firstText.inputValue();
      await firstText.fill("Hello {name}, *{total}* {link}");
      await expect.poll(() => firstBubble.innerText()).toMatch(/^Hello Emma, ¥[\d,]+ http/);
      await expect(firstBubble.locator("strong").count()).resolves.toBe(1);
      await preview.getByTestId("preview-language").selectOption("ja");
      await expect.poll(() => firstBubble.innerText()).toMatch(/^さくら様、カートに/);
      await preview.getByTestId("preview-language").selectOption("ko");
      await expect(preview.innerText()).resolves.toContain(
        "No Korean text: the English one is sent.",
      );
      await preview.getByTestId("preview-language").selectOption("en");
      // Back to the stored text, so the reminders of the other e2e files read as they expect.
      await firstText.fill(savedFirstText);

      // Step 3 outside the window: the store's approved template, its variables mapped.
      await form.locator("select[name=step2Template]").selectOption("cart_reminder:en");
      await form.locator("select[name=step2Var1]").selectOption("name");
      await form.locator("select[name=step2Var2]").selectOption("items");
      await form.locator("select[name=step2Incentive]").selectOption("percent");
      // The third reminder's (the second may have a template of its own from the demo seed).
      const templateBubble = preview
        .getByTestId("step-preview")
        .nth(2)
        .getByTestId("preview-template");
      await expect
        .poll(() => templateBubble.innerText())
        .toMatch(/^Hi Emma, your 1 × .+ is still waiting in your cart\./);
      await expect(preview.getByTestId("preview-free-form").nth(2).innerText()).resolves.toMatch(
        /Includes ¥[\d,]+ off, valid until/,
      );

      // A bad value: a field error, nothing saved.
      await form.locator("input[name=attributionDays]").fill("31");
      await form.getByRole("button", { name: "Save settings" }).click();
      await page.getByText("Please correct the highlighted fields. Nothing was saved.").waitFor();
      await form.getByText("At most 30", { exact: true }).waitFor();
      // The preview does not depend on the rest of the form.
      await expect(preview.getByTestId("step-preview").count()).resolves.toBe(3);
      await form.locator("input[name=quietEnd]").fill("21:00");
      await form.getByRole("button", { name: "Save settings" }).click();
      await form
        .getByText("Quiet hours must start and end at different times", { exact: true })
        .waitFor();

      // Fixed, it saves; a fresh load shows what was saved.
      await form.locator("input[name=attributionDays]").fill("7");
      await form.locator("input[name=quietEnd]").fill("08:30");
      await form.getByRole("button", { name: "Save settings" }).click();
      await page.getByText("Recovery settings saved.", { exact: false }).waitFor();
      await page.reload();
      await page.getByRole("heading", { name: /^Recovery settings/ }).waitFor();
      await expect(form.locator("input[name=attributionDays]").inputValue()).resolves.toBe("7");
      await expect(form.locator("input[name=quietEnd]").inputValue()).resolves.toBe("08:30");
      await expect(form.locator("select[name=step2Template]").inputValue()).resolves.toBe(
        "cart_reminder:en",
      );
      await expect(page.getByTestId("recovery-status").innerText()).resolves.toBe(status);

      // Steps: remove the second, the third moves up; add one back.
      await form.getByRole("button", { name: "Remove reminder 2" }).click();
      await expect.poll(() => preview.getByTestId("step-preview").count()).toBe(2);
      await expect(form.locator("select[name=step1Template]").inputValue()).resolves.toBe(
        "cart_reminder:en",
      );
      await form.getByRole("button", { name: "Add a reminder" }).click();
      await expect.poll(() => preview.getByTestId("step-preview").count()).toBe(3);
      await expect(form.getByRole("button", { name: "Add a reminder" }).count()).resolves.toBe(0);

      // The same page in Japanese (then back to English for the other files).
      await languageButton(page, "日本語").click();
      await page.getByRole("heading", { name: /^回収設定/ }).waitFor();
      await expect(page.getByTestId("recovery-status").innerText()).resolves.toBe(
        status === "On" ? "オン" : "オフ",
      );
      await expect(preview.innerText()).resolves.toContain("プレビュー");
      await form.locator("input[name=attributionDays]").fill("0");
      await form.getByRole("button", { name: "設定を保存" }).click();
      await form.getByText("1以上にしてください", { exact: true }).waitFor();
      await languageButton(page, "English").click();
      await page.getByRole("heading", { name: /^Recovery settings/ }).waitFor();
      await context.close();
    });
  },
);
