import type { Page } from "playwright-core";

/** The demo store's owner, whose password is published (README, sign-in page). */
export const DEMO_OWNER = { email: "owner@demo.chatcart.dev", password: "chatcart-demo" };

/** Signs `page` in as the demo owner and waits for the overview. */
export async function signInAsDemoOwner(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.fill("input[name=email]", DEMO_OWNER.email);
  await page.fill("input[name=password]", DEMO_OWNER.password);
  await Promise.all([page.waitForURL(/\/dashboard$/), page.click("button[type=submit]")]);
}
