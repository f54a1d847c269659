import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { e2eSkipReason, launchBrowser } from "./support/browser";
import "../support/provided-context";

const skipReason = e2eSkipReason();
const DEMO = { email: "owner@demo.chatcart.dev", password: "chatcart-demo" };

async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.fill("input[name=email]", email);
  await page.fill("input[name=password]", password);
  await page.click("button[type=submit]");
}

describe.skipIf(skipReason)(
  `owner dashboard${skipReason ? ` — SKIPPED: ${skipReason}` : ""}`,
  () => {
    const baseUrl = inject("e2eBaseUrl");
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("sends a visitor without a session from /dashboard to the sign-in page", async () => {
      const page = await browser.newPage();
      await page.goto(`${baseUrl}/dashboard/settings`);
      expect(new URL(page.url()).pathname).toBe("/login");
      expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/dashboard/settings");
      await page.close();
    });

    it("refuses a wrong password with a generic message", async () => {
      const page = await browser.newPage();
      await signIn(page, baseUrl, DEMO.email, "not-the-password");
      await expect(page.locator("form [role=alert]").textContent()).resolves.toBe(
        "Wrong email or password.",
      );
      expect(new URL(page.url()).pathname).toBe("/login");
      await page.close();
    });

    it("signs the demo owner in, shows the store's 30-day numbers, and signs out", async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, baseUrl, DEMO.email, DEMO.password);
      await page.waitForURL(`${baseUrl}/dashboard`);
      await expect(page.locator("h1").textContent()).resolves.toBe("Kyoto Tea & Crafts");
      const revenue = await page.locator("[data-testid=stat-revenue-value]").textContent();
      expect(revenue).toMatch(/^[¥￥][\d,]+$/);
      for (const stat of ["orders", "chats", "customers"]) {
        const value = await page.locator(`[data-testid=stat-${stat}-value]`).textContent();
        expect(Number(value?.replaceAll(",", ""))).toBeGreaterThan(0);
      }
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(/\/login\?signedOut=1$/);
      // The sign-out page has rendered, so the cleared session cookie has been stored.
      await page.getByText("You have signed out.").waitFor();
      expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain(
        "authjs.session-token",
      );
      await page.goto(`${baseUrl}/dashboard`);
      expect(new URL(page.url()).pathname).toBe("/login");
      await context.close();
    });

    it("signs up a new owner whose empty store says what to do first", async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${baseUrl}/signup`);
      const email = `e2e-${Date.now()}@example.test`;
      await page.fill("input[name=email]", email);
      await page.fill("input[name=password]", "short");
      await page.fill("input[name=storeName]", "Osaka Knife Works");
      await page.fill("input[name=whatsappNumber]", "06-1234-5678");
      await page.click("button[type=submit]");
      await page.getByText("Use at least 10 characters").waitFor();
      await page.getByText("Use international format").waitFor();

      await page.fill("input[name=password]", "a sturdy password");
      await page.fill("input[name=whatsappNumber]", "+81 6-1234-5678");
      await page.selectOption("select[name=currency]", "JPY");
      await page.selectOption("select[name=timezone]", "Asia/Tokyo");
      await page.click("button[type=submit]");
      await page.waitForURL(`${baseUrl}/dashboard`);
      await expect(page.locator("h1").textContent()).resolves.toBe("Osaka Knife Works");
      await page.getByTestId("getting-started").waitFor();
      await expect(page.locator("[data-testid=stat-orders-value]").textContent()).resolves.toBe(
        "0",
      );

      // The new owner asks for the demo store by cookie: 404, not the demo's data.
      await context.addCookies([{ name: "chatcart_store", value: "demo", url: baseUrl }]);
      const response = await page.goto(`${baseUrl}/dashboard`);
      expect(response?.status()).toBe(404);
      expect(await page.content()).not.toContain("Kyoto Tea");
      await context.close();
    });

    it("edits the profile and stores a secret without ever showing it again", async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${baseUrl}/signup`);
      await page.fill("input[name=email]", `settings-${Date.now()}@example.test`);
      await page.fill("input[name=password]", "a sturdy password");
      await page.fill("input[name=storeName]", "Nara Deer Crackers");
      await page.fill("input[name=whatsappNumber]", "+81 742 22 1234");
      await page.click("button[type=submit]");
      await page.waitForURL(`${baseUrl}/dashboard`);
      await page.goto(`${baseUrl}/dashboard/settings`);

      await page.fill("input[name=whatsappNumber]", "+81 12");
      await page.click("text=Save profile");
      await page.getByText("This is not a valid phone number").waitFor();
      await page.reload();
      await expect(page.inputValue("input[name=whatsappNumber]")).resolves.toBe("+81 742 22 1234");

      await page.fill("input[name=name]", "Nara Deer Crackers & Co");
      await page.fill("input[name=whatsappNumber]", "+81742221235");
      await page.click("text=Save profile");
      await page.getByText("Store profile saved.").waitFor();
      await page.reload();
      await expect(page.inputValue("input[name=whatsappNumber]")).resolves.toBe("+81 742 22 1235");

      const secretKey = "sk_test_e2eSecretValue0000WXYZ";
      await page.fill("input[name=secretKey]", secretKey);
      await page.click("text=Save Stripe settings");
      await page.getByText("Stripe settings saved.").waitFor();
      await page.reload();
      await expect(page.getByTestId("stored-stripe_secret_key").textContent()).resolves.toContain(
        "•••• WXYZ",
      );
      expect(await page.content()).not.toContain(secretKey);

      await page
        .getByTestId("stored-stripe_secret_key")
        .locator("..")
        .getByRole("button", { name: "Remove" })
        .click();
      await page.waitForFunction(
        () => !document.querySelector("[data-testid=stored-stripe_secret_key]"),
      );
      await context.close();
    });
  },
);
