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
      await expect(page.locator("h1").textContent()).resolves.toBe("Overview");
      await expect(page.getByTestId("overview-store").textContent()).resolves.toBe(
        "Kyoto Tea & Crafts",
      );
      // The owner can find their storefront: a link and its address in the sidebar.
      const viewStore = page.getByTestId("view-store");
      const storeUrl = new URL(`${baseUrl}/s/demo`);
      await expect(
        viewStore.getByRole("link", { name: "View store" }).getAttribute("href"),
      ).resolves.toBe(storeUrl.href);
      await expect(viewStore.textContent()).resolves.toContain(`${storeUrl.host}/s/demo`);
      // Entry points and statuses read as words.
      // The latest orders' table (the charts' "Show as table" tables come before it).
      const orders = await page.getByTestId("recent-orders").innerText();
      expect(orders).toMatch(/Paid/);
      expect(orders).not.toMatch(/product_button|desktop_qr|\bpaid\b/);
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
      // The address a blank field would give, as the name is typed.
      await expect(page.getAttribute("input[name=storeSlug]", "placeholder")).resolves.toBe(
        "osaka-knife-works",
      );
      await page.fill("input[name=storeSlug]", "Osaka Knives!");
      await page.click("button[type=submit]");
      await page.getByText("Use at least 10 characters").waitFor();
      await page.getByText("Use international format").waitFor();
      await page.getByText("Use lowercase letters, digits and single hyphens").waitFor();
      const slug = `osaka-knives-${Date.now()}`;
      await page.fill("input[name=storeSlug]", slug);

      await page.fill("input[name=password]", "a sturdy password");
      await page.fill("input[name=whatsappNumber]", "+81 6-1234-5678");
      await page.selectOption("select[name=currency]", "JPY");
      await page.selectOption("select[name=timezone]", "Asia/Tokyo");
      await page.click("button[type=submit]");
      await page.waitForURL(`${baseUrl}/dashboard`);
      await expect(page.locator("h1").textContent()).resolves.toBe("Overview");
      await expect(page.getByTestId("overview-store").textContent()).resolves.toBe(
        "Osaka Knife Works",
      );
      // The chosen address, shown where the owner can find it again.
      await expect(page.getByTestId("view-store").textContent()).resolves.toContain(`/s/${slug}`);
      const checklist = page.getByTestId("getting-started");
      await checklist.waitFor();
      // What to do first, each step unticked until the store's data says it is done.
      for (const step of ["product", "simulator", "widget", "shop-card", "whatsapp", "stripe"]) {
        await expect(
          checklist.getByTestId(`setup-${step}`).getAttribute("data-done"),
        ).resolves.toBe("false");
      }
      expect(await checklist.innerText()).toContain("Connect Stripe");
      // No sales yet: an intentional empty state, not a chart with a ¥0–¥4 axis.
      await page.getByTestId("revenue-empty").waitFor();
      expect(await page.locator(".recharts-wrapper").count()).toBe(0);

      // A name over 120 characters is refused at the field, not cut by the browser.
      await page.goto(`${baseUrl}/dashboard/products/new`);
      const longName = "Hand-forged Aogami Super gyuto ".repeat(5).trim();
      expect(longName.length).toBeGreaterThan(120);
      await page.fill("input[name=name]", longName);
      await page.fill("input[name=sku]", "OKW-1");
      await page.fill("input[name=price]", "18000");
      await page.getByRole("button", { name: "Create product" }).click();
      await page.getByText("Keep the name under 120 characters").waitFor();
      await expect(page.inputValue("input[name=name]")).resolves.toBe(longName);
      await page.fill("input[name=name]", "Aogami gyuto 210 mm");
      await Promise.all([
        page.waitForURL(/\/dashboard\/products\/[0-9a-f-]{36}/),
        page.getByRole("button", { name: "Create product" }).click(),
      ]);
      // The checklist ticks "Add a product" from the store's data.
      await page.goto(`${baseUrl}/dashboard`);
      await expect(page.getByTestId("setup-product").getAttribute("data-done")).resolves.toBe(
        "true",
      );
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

      // Without Stripe keys, outside production, the store pays through the local test checkout.
      await expect(page.getByTestId("payments-mode").textContent()).resolves.toContain(
        "Test mode — local test checkout, no real payment",
      );
      // A refused save keeps what was typed (held in the browser, never sent back).
      await page.fill("input[name=secretKey]", "sk_test_e2eSecretValue0000WXYZ");
      await page.fill("input[name=webhookSecret]", "not-a-webhook-secret");
      await page.click("text=Save Stripe settings");
      await page.getByText("A Stripe webhook signing secret starts with whsec_").waitFor();
      await expect(page.inputValue("input[name=secretKey]")).resolves.toBe(
        "sk_test_e2eSecretValue0000WXYZ",
      );
      await page.fill("input[name=webhookSecret]", "");

      const secretKey = "sk_test_e2eSecretValue0000WXYZ";
      await page.fill("input[name=secretKey]", secretKey);
      await page.click("text=Save Stripe settings");
      await page.getByText("Stripe settings saved.").waitFor();
      await expect(page.inputValue("input[name=secretKey]")).resolves.toBe("");
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
