import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { e2eSkipReason, launchBrowser } from "./support/browser";
import "../support/provided-context";

const skipReason = e2eSkipReason();

describe.skipIf(skipReason)(`landing page${skipReason ? ` — SKIPPED: ${skipReason}` : ""}`, () => {
  const baseUrl = inject("e2eBaseUrl");
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("explains Chatcart and links to the demo storefront and the sign-in", async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${baseUrl}/`);
    expect(response?.status()).toBe(200);
    const hrefs = await page
      .locator("a[href]")
      .evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(hrefs).toContain("/s/demo");
    expect(hrefs).toContain("/login");
    expect(await page.title()).toMatch(/chatcart/i);
  });

  it("lists what works today as available and only unbuilt features as arriving", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/`);
    const card = (title: string) => page.locator("[data-slot=card]").filter({ hasText: title });
    const available = await card("Available now").innerText();
    const arriving = await card("Arriving next").innerText();
    for (const built of [
      "click-to-chat widget",
      "QR codes and printed shop cards",
      "WhatsApp bot",
      "inbox",
    ]) {
      expect(available).toContain(built);
      expect(arriving).not.toContain(built);
    }
    for (const unbuilt of ["Stripe payment links", "Loyalty points", "Cart-recovery"]) {
      expect(arriving).toContain(unbuilt);
      expect(available).not.toContain(unbuilt);
    }
    await page.close();
  });
});
