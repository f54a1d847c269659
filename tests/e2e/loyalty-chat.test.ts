/**
 * Loyalty from the shopper's side, in Chromium: in the simulator a shopper joins the demo
 * store's programme by sending "points", pays part of an order with points through the test
 * checkout, and sees the new balance; the owner finds the same rows in the member's ledger.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { e2eSkipReason, launchBrowser } from "./support/browser";
import { DEMO_AGENT, signInAsDemoMember, signInAsDemoOwner } from "./support/demo-owner";
import {
  LIVE_TIMEOUT,
  newStoreMessage,
  say,
  storeMessage,
  trackedLinkText,
} from "./support/simulator";
import "../support/provided-context";

const skipReason = e2eSkipReason();

const yen = (text: string) => Number(text.replace(/[^\d]/g, ""));

/** Asks for "points" and reads the latest summary's available and pending points. */
async function pointsSummary(page: Page, after: number) {
  await say(page, "points");
  const summary = page
    .locator("[data-testid=simulator-message][data-direction=outbound][data-author=bot]")
    .filter({ hasText: "Available:" });
  await expect.poll(() => summary.count(), { timeout: LIVE_TIMEOUT }).toBeGreaterThan(after);
  const text = (await summary.last().innerText()).replace(/\s+/g, " ");
  return {
    count: await summary.count(),
    available: Number(/Available: (-?[\d,]+) points/.exec(text)?.[1]?.replace(/,/g, "")),
    pending: Number(/Pending: ([\d,]+) points/.exec(text)?.[1]?.replace(/,/g, "") ?? 0),
    text,
  };
}

describe.skipIf(skipReason)(
  `loyalty in the chat${skipReason ? ` — SKIPPED: ${skipReason}` : ""}`,
  () => {
    const baseUrl = inject("e2eBaseUrl");
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("a member pays part of an order with points and sees the new balance; the owner sees the ledger", async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      // The agent's simulated phone (the owner's is handed to a person in simulator.test.ts).
      await signInAsDemoMember(page, baseUrl, DEMO_AGENT);
      // The shopper comes from the product page (the tracked text sets the chat's language).
      const text = await trackedLinkText(baseUrl);
      await page.goto(`${baseUrl}/dashboard/simulator?text=${encodeURIComponent(text)}`);
      const shopperName = `E2E Member ${Date.now().toString(36)}`;
      await page.fill("#simulator-name", shopperName);
      const card = await newStoreMessage(page, "Uji Matcha", () =>
        page.getByRole("button", { name: "Send", exact: true }).click(),
      );

      // "points" joins a non-member (welcome bonus); a member gets the summary straight away.
      await say(page, "points");
      await storeMessage(page, "Welcome to Kyoto Tea Points")
        .or(storeMessage(page, "Available:"))
        .waitFor({ timeout: LIVE_TIMEOUT });
      const before = await pointsSummary(page, 0);
      expect(before.available).toBeGreaterThanOrEqual(100);

      // Buy one from the card: the bot offers points before it sends the link.
      const question = await newStoreMessage(page, "How many", () =>
        card.getByRole("button", { name: "Buy", exact: true }).click(),
      );
      await question.getByRole("button", { name: "Choose quantity" }).click();
      await question.getByRole("button", { name: /^1\b/ }).click();

      const offer = page
        .locator("[data-testid=simulator-message][data-direction=outbound][data-author=bot]")
        .filter({ has: page.getByRole("button", { name: "Pay full price" }) })
        .last();
      await offer.waitFor({ timeout: LIVE_TIMEOUT });
      const use = offer.getByRole("button", { name: /^Use [\d,]+ points/ });
      const used = Number(/Use ([\d,]+) points/.exec(await use.innerText())![1]!.replace(/,/g, ""));
      expect(used).toBeGreaterThanOrEqual(100);
      expect(used).toBeLessThanOrEqual(before.available);

      // The link's message lists the points as a discount and asks for the reduced total.
      const linkMessage = await newStoreMessage(page, "Tap below to pay securely", () =>
        use.click(),
      );
      await expect(linkMessage.innerText()).resolves.toContain("Kyoto Tea Points");
      const payLink = linkMessage.getByRole("link", { name: /^Pay ¥[\d,]+$/ });
      const total = yen(await payLink.innerText());
      const number = /Order ([A-Z]{2}-\d+)/.exec(await linkMessage.innerText())?.[1];
      expect(number).toBeTruthy();

      // The test checkout charges the reduced total.
      const checkout = await context.newPage();
      await checkout.goto((await payLink.getAttribute("href")) ?? "");
      await expect(checkout.locator("main").innerText()).resolves.toContain("Kyoto Tea Points");
      await checkout.getByRole("button", { name: "Pay (test)" }).click();
      await checkout.waitForURL(/\/done\?result=success$/, { timeout: LIVE_TIMEOUT });
      await checkout.close();

      const confirmed = `payment for order ${number} is confirmed`;
      const confirmation = storeMessage(page, confirmed, "system").or(
        storeMessage(page, confirmed),
      );
      await confirmation.waitFor({ timeout: LIVE_TIMEOUT });
      const earned = Number(
        /You earned ([\d,]+) points/.exec(await confirmation.innerText())?.[1]?.replace(/,/g, ""),
      );
      // 1 point per ¥100 paid, at least the Member rate.
      expect(earned).toBeGreaterThanOrEqual(Math.floor(total / 100));

      // The balance: the points used are gone, the earned ones are pending (7-day window).
      const after = await pointsSummary(page, before.count);
      expect(after.available).toBe(before.available - used);
      expect(after.pending).toBe(before.pending + earned);

      // The owner finds the member and sees the redemption and the earning in the ledger.
      const ownerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const owner = await ownerContext.newPage();
      await signInAsDemoOwner(owner, baseUrl);
      await owner.goto(`${baseUrl}/dashboard/loyalty?q=${encodeURIComponent(shopperName)}`);
      const row = owner.getByTestId("member-row").filter({ hasText: shopperName });
      await row.waitFor();
      await Promise.all([
        owner.waitForURL(/\/dashboard\/loyalty\/members\/[0-9a-f-]{36}$/),
        row.getByRole("link").first().click(),
      ]);
      const ledger = owner.getByTestId("ledger-row");
      await expect(ledger.filter({ hasText: number! }).count()).resolves.toBe(2);
      await expect(
        ledger.filter({ hasText: "Redeemed on an order" }).first().innerText(),
      ).resolves.toContain(used.toLocaleString("en"));
      await expect(
        ledger.filter({ hasText: "Earned on an order" }).first().innerText(),
      ).resolves.toContain(earned.toLocaleString("en"));
      await ownerContext.close();
      await context.close();
    });
  },
);
