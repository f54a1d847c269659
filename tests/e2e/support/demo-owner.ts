import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";

/** The demo store's owner, whose password is published (README, sign-in page). */
export const DEMO_OWNER = { email: "owner@demo.chatcart.dev", password: "chatcart-demo" };

/** The run's session cookies, shared by every e2e file (one server per run, on its own port). */
function sessionFile(baseUrl: string): string {
  return path.join(tmpdir(), `chatcart-e2e-demo-owner-${new URL(baseUrl).port}.json`);
}

/**
 * Signs `page` in as the demo owner and waits for the overview. The sign-in form runs once
 * per e2e run and its session cookie is reused: sign-in is rate-limited per email (10 in
 * 15 minutes), and the suite's files together would otherwise lock the demo owner out.
 */
export async function signInAsDemoOwner(page: Page, baseUrl: string): Promise<void> {
  const file = sessionFile(baseUrl);
  if (existsSync(file)) {
    await page.context().addCookies(JSON.parse(readFileSync(file, "utf8")));
    await page.goto(`${baseUrl}/dashboard`);
    if (new URL(page.url()).pathname === "/dashboard") return;
  }
  await page.goto(`${baseUrl}/login`);
  await page.fill("input[name=email]", DEMO_OWNER.email);
  await page.fill("input[name=password]", DEMO_OWNER.password);
  await Promise.all([page.waitForURL(/\/dashboard$/), page.click("button[type=submit]")]);
  writeFileSync(file, JSON.stringify(await page.context().cookies()));
}
