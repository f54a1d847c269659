import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";

/** The demo store's owner, whose password is published (README, sign-in page). */
export const DEMO_OWNER = { email: "owner@demo.chatcart.dev", password: "chatcart-demo" };
/** The demo store's agent (same published password): a second simulated shopper of its own. */
export const DEMO_AGENT = { email: "agent@demo.chatcart.dev", password: "chatcart-demo" };

type DemoMember = typeof DEMO_OWNER;

/** The run's session cookies, shared by every e2e file (one server per run, on its own port). */
function sessionFile(baseUrl: string, member: DemoMember): string {
  const who = member.email.split("@")[0];
  return path.join(tmpdir(), `chatcart-e2e-demo-${who}-${new URL(baseUrl).port}.json`);
}

/**
 * Signs `page` in as the demo owner and waits for the overview. The sign-in form runs once
 * per e2e run and its session cookie is reused: sign-in is rate-limited per email (10 in
 * 15 minutes), and the suite's files together would otherwise lock the demo owner out.
 */
export function signInAsDemoOwner(page: Page, baseUrl: string): Promise<void> {
  return signInAsDemoMember(page, baseUrl, DEMO_OWNER);
}

/** The same for any demo member (each has a simulated shopper of its own). */
export async function signInAsDemoMember(
  page: Page,
  baseUrl: string,
  member: DemoMember,
): Promise<void> {
  const file = sessionFile(baseUrl, member);
  if (existsSync(file)) {
    await page.context().addCookies(JSON.parse(readFileSync(file, "utf8")));
    await page.goto(`${baseUrl}/dashboard`);
    if (new URL(page.url()).pathname === "/dashboard") return;
  }
  await page.goto(`${baseUrl}/login`);
  await page.fill("input[name=email]", member.email);
  await page.fill("input[name=password]", member.password);
  await Promise.all([page.waitForURL(/\/dashboard$/), page.click("button[type=submit]")]);
  writeFileSync(file, JSON.stringify(await page.context().cookies()));
}
