/**
 * The inbox as an agent sees it: a split view on a wide screen and two pages on a phone;
 * the bot's and a person's messages look different, a person's carry their name; WhatsApp's
 * *bold* shows as bold, not as asterisks; FAQ entries have visible Edit and Delete controls.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { e2eSkipReason, launchBrowser } from "./support/browser";
import { signInAsDemoOwner } from "./support/demo-owner";
import "../support/provided-context";

const skipReason = e2eSkipReason();
const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The first listed conversation whose thread has both bot and agent messages. */
async function threadWithBotAndAgent(page: Page, baseUrl: string): Promise<string> {
  await page.goto(`${baseUrl}/dashboard/inbox?filter=all`);
  const hrefs = await page.$$eval("[data-testid=conversation-row] a", (links) =>
    links.map((link) => link.getAttribute("href") ?? ""),
  );
  for (const href of hrefs.slice(0, 30)) {
    await page.goto(`${baseUrl}${href}`);
    const bot = await page.locator("[data-testid=message][data-author=bot]").count();
    const agent = await page.locator("[data-testid=message][data-author=agent]").count();
    if (bot > 0 && agent > 0) return href;
  }
  throw new Error("no demo conversation has both bot and agent messages");
}

function bubbleColour(page: Page, author: string): Promise<string> {
  return page
    .locator(`[data-testid=message][data-author=${author}] > div`)
    .first()
    .evaluate((bubble) => getComputedStyle(bubble).backgroundColor);
}

describe.skipIf(skipReason)(
  `the inbox and the bot settings${skipReason ? ` — SKIPPED: ${skipReason}` : ""}`,
  () => {
    const baseUrl = inject("e2eBaseUrl");
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      browser = await launchBrowser();
      context = await browser.newContext({ viewport: WIDE });
      page = await context.newPage();
      await signInAsDemoOwner(page, baseUrl);
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("shows the list beside the thread on a wide screen, and one of them on a phone", async () => {
      await page.setViewportSize(WIDE);
      await page.goto(`${baseUrl}/dashboard/inbox?filter=all`);
      await page.getByTestId("inbox-no-conversation").waitFor();
      await Promise.all([
        page.waitForURL(/\/dashboard\/inbox\/[0-9a-f-]{36}\?filter=all$/),
        page.locator("[data-testid=conversation-row] a").first().click(),
      ]);
      const list = page.getByTestId("inbox-split-list");
      await expect(list.isVisible()).resolves.toBe(true);
      await expect(list.locator("a[aria-current=page]").count()).resolves.toBe(1);
      const listBox = await list.boundingBox();
      const threadBox = await page.getByRole("list", { name: "Messages" }).boundingBox();
      expect(listBox!.x + listBox!.width).toBeLessThanOrEqual(threadBox!.x);

      await page.setViewportSize(PHONE);
      await page.reload();
      await expect(list.isVisible()).resolves.toBe(false);
      await expect(page.getByRole("list", { name: "Messages" }).isVisible()).resolves.toBe(true);
      await page.goto(`${baseUrl}/dashboard/inbox?filter=all`);
      await expect(page.getByTestId("inbox-no-conversation").isVisible()).resolves.toBe(false);
      await expect(page.getByTestId("conversation-row").first().isVisible()).resolves.toBe(true);
      await page.setViewportSize(WIDE);
    });

    it("tells the bot's messages from a person's, names the person, and renders *bold*", async () => {
      await threadWithBotAndAgent(page, baseUrl);
      expect(await bubbleColour(page, "bot")).not.toBe(await bubbleColour(page, "agent"));
      const agentLine = await page
        .locator("[data-testid=message][data-author=agent] > span")
        .first()
        .innerText();
      // A name, not the bare word "Agent".
      expect(agentLine.split("·")[0]?.trim()).toMatch(/\S/);
      expect(agentLine).not.toMatch(/^Agent\b/);
      const botLine = await page
        .locator("[data-testid=message][data-author=bot] > span")
        .first()
        .innerText();
      expect(botLine).toMatch(/^Bot\b/);
      // No bubble shows WhatsApp's markers as text.
      const bodies = await page.locator("[data-testid=message] > div").allInnerTexts();
      expect(bodies.filter((body) => /(^|\s)\*[^\s*][^*\n]*\*(\s|$)/.test(body))).toEqual([]);
    });

    it("gives every FAQ entry visible Edit and Delete controls", async () => {
      await page.goto(`${baseUrl}/dashboard/bot`);
      const entries = page.getByTestId("faq-entry");
      const count = await entries.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const entry = entries.nth(i);
        await expect(entry.getByText("Edit", { exact: true }).isVisible()).resolves.toBe(true);
        await expect(entry.getByRole("button", { name: /^Delete/ }).isVisible()).resolves.toBe(
          true,
        );
      }
      // Edit opens the entry's form in place.
      await entries.first().getByText("Edit", { exact: true }).click();
      await expect(entries.first().locator("textarea[name=answer]").isVisible()).resolves.toBe(
        true,
      );
    });
  },
);
