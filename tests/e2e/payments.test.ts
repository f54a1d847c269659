import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { e2eSkipReason, launchBrowser } from "./support/browser";
import { DEMO_AGENT, signInAsDemoMember, signInAsDemoOwner } from "./support/demo-owner";
import {
  DEMO_PRODUCT,
  LIVE_TIMEOUT,
  newStoreMessage,
  storeMessage,
  trackedLinkText,
} from "./support/simulator";
import "../support/provided-context";

const skipReason = e2eSkipReason();

describe.skipIf(skipReason)(
  `payments in the chat${skipReason ? ` — SKIPPED: ${skipReason}` : ""}`,
  () => {
    const baseUrl = inject("e2eBaseUrl");
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("a shopper buys from a product link, pays in the test checkout; the owner ships it", async () => {
      // The agent's simulated phone, so the owner's (simulator.test.ts) starts with an empty chat.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await signInAsDemoMember(page, baseUrl, DEMO_AGENT);
      const text = await trackedLinkText(baseUrl);

      await page.goto(`${baseUrl}/dashboard/simulator?text=${encodeURIComponent(text)}`);
      await page.fill("#simulator-name", `E2E Buyer ${Date.now().toString(36)}`);

      // Product card → Buy → a quantity from the list (the phone is shared with
      // loyalty-chat.test.ts, so each step waits for its own new message).
      const card = await newStoreMessage(page, DEMO_PRODUCT.name, () =>
        page.getByRole("button", { name: "Send", exact: true }).click(),
      );
      const question = await newStoreMessage(page, "How many", () =>
        card.getByRole("button", { name: "Buy", exact: true }).click(),
      );
      await question.getByRole("button", { name: "Choose quantity" }).click();

      // The payment link arrives as a "Pay ¥…" button on our own /pay/<token> address.
      const linkMessage = await newStoreMessage(page, "Tap below to pay securely", () =>
        question.getByRole("button", { name: /^2\b/ }).click(),
      );
      const payLink = linkMessage.getByRole("link", { name: /^Pay ¥[\d,]+$/ });
      const href = (await payLink.getAttribute("href")) ?? "";
      expect(href).toMatch(new RegExp(`^${baseUrl}/pay/[A-Za-z0-9_-]{43}$`));
      const number = /Order ([A-Z]{2}-\d+)/.exec((await linkMessage.textContent()) ?? "")?.[1];
      expect(number).toBeTruthy();

      // No Stripe key: the link opens the labelled test checkout; Pay (test) pays the order.
      const checkout = await context.newPage();
      await checkout.goto(href);
      expect(checkout.url()).toBe(`${href}/test`);
      await expect(
        checkout.getByText("Test mode — no real payment").first().isVisible(),
      ).resolves.toBe(true);
      await expect(checkout.getByText(number!).first().isVisible()).resolves.toBe(true);
      await checkout.getByRole("button", { name: "Pay (test)" }).click();
      await checkout.waitForURL(/\/done\?result=success$/, { timeout: LIVE_TIMEOUT });
      // The thank-you page leads back to WhatsApp.
      await expect(checkout.locator('a[href^="https://wa.me/"]').count()).resolves.toBeGreaterThan(
        0,
      );
      await checkout.close();

      // The confirmation reaches the chat.
      await storeMessage(page, `payment for order ${number} is confirmed`, "system")
        .or(storeMessage(page, `payment for order ${number} is confirmed`))
        .waitFor({ timeout: LIVE_TIMEOUT });

      // The owner sees it paid, from the product button, and marks it shipped.
      const ownerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const owner = await ownerContext.newPage();
      await signInAsDemoOwner(owner, baseUrl);
      await owner.goto(`${baseUrl}/dashboard/orders/${number}`);
      const main = owner.locator("main");
      await expect(main.textContent()).resolves.toMatch(/Paid/);
      await expect(main.textContent()).resolves.toMatch(/Product button/);
      await owner.getByLabel("Tracking link (optional)").fill("https://track.example/E2E123");
      await owner.getByRole("button", { name: "Mark shipped" }).click();
      // Shipped: the next step, Mark delivered, takes the place of Mark shipped.
      await owner
        .getByRole("button", { name: "Mark delivered" })
        .waitFor({ timeout: LIVE_TIMEOUT });
      await expect(
        main.locator('a[href="https://track.example/E2E123"]').count(),
      ).resolves.toBeGreaterThan(0);

      // The shopper gets the update in the chat.
      await page
        .locator("[data-testid=simulator-message][data-direction=outbound]")
        .filter({ hasText: `order ${number} has shipped` })
        .last()
        .waitFor({ timeout: LIVE_TIMEOUT });
      await ownerContext.close();
      await context.close();
    });
  },
);
