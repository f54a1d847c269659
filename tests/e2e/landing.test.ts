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

  it("has an icon for the browser tab and home screen", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/`);
    const href = await page.locator("link[rel=icon]").first().getAttribute("href");
    expect(href).toMatch(/^\/icon\.svg/);
    const icon = await fetch(new URL(href!, baseUrl));
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(await icon.text()).toContain("<svg");
    await page.close();
  });

  it("lists what works today as available, and promises nothing that is not built", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/`);
    const card = (title: string) => page.locator("[data-slot=card]").filter({ hasText: title });
    const available = await card("Available now").innerText();
    // Every issue is built: no "Arriving next" list is left to promise anything.
    expect(await card("Arriving next").count()).toBe(0);
    for (const built of [
      "click-to-chat widget",
      "QR codes and printed shop cards",
      "WhatsApp bot",
      "inbox",
      "Stripe payment links",
      "Loyalty points",
      "Cart-recovery reminders",
      "Conversion reports",
      "daily rollups",
    ]) {
      expect(available).toContain(built);
    }
    await page.close();
  });
});
