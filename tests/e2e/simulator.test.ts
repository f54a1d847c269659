import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { e2eSkipReason, launchBrowser } from "./support/browser";
import { signInAsDemoOwner } from "./support/demo-owner";
import "../support/provided-context";
import {
  DEMO_PRODUCT as PRODUCT,
  LIVE_TIMEOUT,
  storeMessage,
  trackedLinkText,
} from "./support/simulator";

const skipReason = e2eSkipReason();
describe.skipIf(skipReason)(`simulator${skipReason ? ` — SKIPPED: ${skipReason}` : ""}`, () => {
  const baseUrl = inject("e2eBaseUrl");
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("chats as a shopper from a tracked link, hands off, and gets the inbox's answer", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAsDemoOwner(page, baseUrl);
    const text = await trackedLinkText(baseUrl);

    await page.goto(`${baseUrl}/dashboard/simulator?text=${encodeURIComponent(text)}`);
    await expect(page.getByTestId("sandbox-label").textContent()).resolves.toContain(
      "Sandbox — messages here never reach WhatsApp",
    );
    const box = page.getByRole("textbox", { name: "Message" });
    await expect(box.inputValue()).resolves.toBe(text);
    const shopperName = `E2E Shopper ${Date.now().toString(36)}`;
    await page.fill("#simulator-name", shopperName);
    await page.getByRole("button", { name: "Send", exact: true }).click();

    // The bot answers with the product's card; its ticks go sent → delivered → read.
    const card = storeMessage(page, PRODUCT.name);
    await card.waitFor({ timeout: LIVE_TIMEOUT });
    // The box empties when the send returns, which may be just after a refresh showed the card.
    await expect.poll(() => box.inputValue(), { timeout: LIVE_TIMEOUT }).toBe("");
    await card
      .locator("[data-testid=message-status][data-status=read]")
      .waitFor({ timeout: LIVE_TIMEOUT });
    await expect(page.locator("[data-direction=inbound]").first().textContent()).resolves.toContain(
      text,
    );
    // The chat is attributed to the tracked link the ref came from.
    await expect(page.getByTestId("attribution").textContent()).resolves.toMatch(
      new RegExp(`Product button.*${PRODUCT.name}.*ref [A-Z0-9]{5}`),
    );

    await card.getByRole("button", { name: "Talk to a person" }).click();
    await page.getByTestId("handed-off").waitFor({ timeout: LIVE_TIMEOUT });
    await page
      .locator("[data-direction=inbound]")
      .filter({ hasText: "Talk to a person" })
      .waitFor({ timeout: LIVE_TIMEOUT });

    // The same chat waits in the inbox, attributed to the product button; answer it there.
    await page.goto(`${baseUrl}/dashboard/inbox`);
    const row = page.getByTestId("conversation-row").filter({ hasText: shopperName });
    await row.waitFor();
    await row.locator("a").click();
    await page.waitForURL(/\/dashboard\/inbox\/[0-9a-f-]{36}$/);
    const reply = `Hello ${shopperName}, the matcha ships today.`;
    await page.getByRole("textbox", { name: "Reply text" }).fill(reply);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await page.getByText("Reply queued.").waitFor();

    // Back on the "phone": the agent's answer arrives and is read.
    await page.goto(`${baseUrl}/dashboard/simulator`);
    const answer = storeMessage(page, reply, "agent");
    await answer.waitFor({ timeout: LIVE_TIMEOUT });
    await answer
      .locator("[data-testid=message-status][data-status=read]")
      .waitFor({ timeout: LIVE_TIMEOUT });
    await context.close();
  });
});
