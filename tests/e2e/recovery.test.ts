import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { e2eSkipReason, launchBrowser } from "./support/browser";
import { DEMO_AGENT, signInAsDemoMember, signInAsDemoOwner } from "./support/demo-owner";
import {
  DEMO_PRODUCT,
  LIVE_TIMEOUT,
  newStoreMessage,
  PHONE_USER_AGENT,
  say,
} from "./support/simulator";
import "../support/provided-context";

const skipReason = e2eSkipReason();
const HOUR = 60 * 60 * 1000;
/** The run walks the demo store's due moments one by one (its seeded carts too). */
const RUN_TIMEOUT = 60_000;

/** The demo store's time zone and default quiet hours (21:00–09:00). */
function tokyoHour(at: Date): number {
  return Number(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Tokyo",
      hour: "2-digit",
      hourCycle: "h23",
    }).format(at),
  );
}

/**
 * A time to run due work "as of": past the abandonment delay (1 h) and step 1's delay (1 h
 * more) with a margin, and in Tokyo's daytime — if step 1 falls due in quiet hours, it goes
 * at 09:00, so the next 09:30 in Tokyo (00:30Z) is late enough.
 */
function runAsOf(leftAt: Date): Date {
  const earliest = new Date(leftAt.getTime() + 2 * HOUR + 15 * 60_000);
  const hour = tokyoHour(earliest);
  if (hour >= 9 && hour < 20) return earliest;
  const next = new Date(earliest);
  next.setUTCHours(0, 30, 0, 0);
  if (next <= earliest) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** `at` as a datetime-local value in UTC (the owner's browser runs in UTC below). */
function utcInputValue(at: Date): string {
  return at.toISOString().slice(0, 16);
}

describe.skipIf(skipReason)(
  `cart recovery in the sandbox${skipReason ? ` — SKIPPED: ${skipReason}` : ""}`,
  () => {
    const baseUrl = inject("e2eBaseUrl");
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("a cart left in the chat gets a reminder with a link; paid, it counts as recovered", async () => {
      // The shopper: a storefront cart, then the agent's simulated phone (the owner's is
      // kept empty for simulator.test.ts; payments and loyalty share this one).
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/s/demo/p/${DEMO_PRODUCT.slug}?lang=en`);
      await page.fill("input[name=quantity]", "2");
      await page.getByRole("button", { name: "Add to cart" }).click();
      await page.getByText("Added to your cart.").waitFor();
      await page.getByRole("link", { name: "View cart" }).click();
      await page.waitForURL(`${baseUrl}/s/demo/cart?lang=en`);
      const subtotal = (await page.getByTestId("cart-subtotal").innerText()).trim();
      expect(subtotal).toMatch(/^¥[\d,]+$/);
      const leftAt = new Date();

      // "Continue in WhatsApp" opens WhatsApp with the cart's ref in the message.
      const go = new URL(
        (await page.getByTestId("continue-in-whatsapp").getAttribute("href")) ?? "",
        baseUrl,
      );
      expect(go.searchParams.get("src")).toBe("cart");
      const redirect = await fetch(go, {
        redirect: "manual",
        headers: { "user-agent": PHONE_USER_AGENT },
      });
      expect(redirect.status).toBe(302);
      const text = new URL(redirect.headers.get("location") ?? "").searchParams.get("text") ?? "";
      expect(text).toMatch(/\(ref [A-Z0-9]{5}\)$/);

      await signInAsDemoMember(page, baseUrl, DEMO_AGENT);
      await page.goto(`${baseUrl}/dashboard/simulator?text=${encodeURIComponent(text)}`);
      const shopperName = `E2E Leaver ${Date.now().toString(36)}`;
      await page.fill("#simulator-name", shopperName);
      await newStoreMessage(page, "Your cart:", () =>
        page.getByRole("button", { name: "Send", exact: true }).click(),
      );
      // Reminders go only to shoppers who opted in. The consent question is asked once per
      // phone, and this one is shared, so opt in the way that always works: START.
      await newStoreMessage(page, "You're subscribed", () => say(page, "START"));
      // … and the shopper leaves without paying.

      // The owner runs this store's due work as of a daytime hour in Tokyo, past both delays.
      const ownerContext = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        timezoneId: "UTC",
      });
      const owner = await ownerContext.newPage();
      await signInAsDemoOwner(owner, baseUrl);
      await owner.goto(`${baseUrl}/dashboard/simulator`);
      const card = owner.getByTestId("recovery-run");
      await expect(card.getByTestId("recovery-run-sandbox").innerText()).resolves.toBe("Sandbox");
      // Recovery may be off in the demo store: the sandbox card switches it on.
      const switchOn = card.getByRole("button", { name: "Switch recovery on" });
      if (await switchOn.isVisible()) {
        await switchOn.click();
        // Switched on, the card offers the run in its place.
        await card.getByRole("button", { name: "Run due work" }).waitFor({ timeout: LIVE_TIMEOUT });
      }
      const asOf = runAsOf(leftAt);
      await card.getByLabel("Run as of").fill(utcInputValue(asOf));

      const reminder = await newStoreMessage(
        page,
        "you left",
        async () => {
          await card.getByRole("button", { name: "Run due work" }).click();
          await card
            .getByRole("status")
            .filter({ hasText: "reminders sent" })
            .waitFor({ timeout: RUN_TIMEOUT });
        },
        ["system"],
      );
      const reminderText = await reminder.innerText();
      expect(reminderText).toContain(`Hi ${shopperName}, you left 2 ×`);
      const href = new RegExp(`${baseUrl}/pay/[A-Za-z0-9_-]{43}`).exec(reminderText)?.[0];
      expect(href).toBeTruthy();
      // The simulated phone reports it delivered (the phone then reads it): only a
      // delivered reminder earns the recovery.
      await reminder
        .locator(
          "[data-testid=message-status][data-status=delivered], [data-testid=message-status][data-status=read]",
        )
        .first()
        .waitFor({ timeout: LIVE_TIMEOUT });

      // The shopper pays the cart's total in the test checkout.
      const checkout = await context.newPage();
      await checkout.goto(href!);
      expect(checkout.url()).toBe(`${href}/test`);
      await expect(checkout.locator("main").innerText()).resolves.toContain(subtotal);
      const confirmation = await newStoreMessage(
        page,
        "is confirmed",
        async () => {
          await checkout.getByRole("button", { name: "Pay (test)" }).click();
          await checkout.waitForURL(/\/done\?result=success$/, { timeout: LIVE_TIMEOUT });
        },
        ["system", "bot"],
      );
      const number = /order ([A-Z]{2}-\d+) is confirmed/.exec(await confirmation.innerText())?.[1];
      expect(number).toBeTruthy();
      await expect(confirmation.innerText()).resolves.toContain(subtotal);
      await checkout.close();

      // The owner sees the order paid…
      await owner.goto(`${baseUrl}/dashboard/orders/${number}`);
      await expect(owner.locator("main").innerText()).resolves.toMatch(/Paid/);
      await expect(owner.locator("main").innerText()).resolves.toContain(subtotal);

      // The agent's phone is shared: close this chat, so that another file's first message
      // opens a conversation attributed to its own link rather than to this cart.
      await owner.getByRole("link", { name: "Open the conversation" }).click();
      await owner.waitForURL(/\/dashboard\/inbox\/[0-9a-f-]{36}$/);
      const close = owner.getByRole("button", { name: "Close", exact: true });
      await Promise.all([
        owner.waitForResponse((response) => response.request().method() === "POST"),
        close.click(),
      ]);
      // Closed: the page (reloaded until it shows the change) offers no Close any more.
      await expect
        .poll(
          async () => {
            await owner.reload();
            return close.count();
          },
          { timeout: LIVE_TIMEOUT },
        )
        .toBe(0);

      // … and, on the Recovery page, the cart recovered by step 1 with its amount.
      await owner.goto(`${baseUrl}/dashboard/recovery`);
      const row = owner
        .locator("[data-testid=recovery-row][data-status=recovered]")
        .filter({ hasText: shopperName });
      await row.waitFor({ timeout: LIVE_TIMEOUT });
      const rowText = await row.innerText();
      expect(rowText).toContain("by step 1");
      expect(rowText).toContain(subtotal);

      await ownerContext.close();
      await context.close();
    }, 240_000);
  },
);
