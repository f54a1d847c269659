import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

export const PHONE_USER_AGENT =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
/** A demo product with a product page and a chat button. */
export const DEMO_PRODUCT = {
  slug: "uji-matcha-ceremonial-30g",
  name: "Uji Matcha, Ceremonial Grade",
};
/** Deliveries run after the response and the simulator refreshes every 2 s. */
export const LIVE_TIMEOUT = 20_000;

/** What a shopper's phone gets from a product's WhatsApp button: the prefilled text with its ref. */
export async function trackedLinkText(baseUrl: string): Promise<string> {
  const response = await fetch(
    `${baseUrl}/go/demo?src=product_button&product=${DEMO_PRODUCT.slug}&lang=en`,
    { redirect: "manual", headers: { "user-agent": PHONE_USER_AGENT } },
  );
  expect(response.status).toBe(302);
  const text = new URL(response.headers.get("location") ?? "").searchParams.get("text") ?? "";
  expect(text).toMatch(/\(ref [A-Z0-9]{5}\)$/);
  return text;
}

/** The store's last message in the simulator's thread that contains `containing`. */
export function storeMessage(page: Page, containing: string, author = "bot"): Locator {
  return page
    .locator(`[data-testid=simulator-message][data-direction=outbound][data-author=${author}]`)
    .filter({ hasText: containing })
    .last();
}

/**
 * Runs `action` and returns the store's message containing `containing` that arrived after
 * it. Demo members' simulated phones are shared by several e2e files, so a thread may already
 * hold an earlier card, question or link with the same words.
 */
export async function newStoreMessage(
  page: Page,
  containing: string,
  action: () => Promise<unknown>,
  authors: string[] = ["bot"],
): Promise<Locator> {
  const matching = page
    .locator(
      authors
        .map(
          (author) =>
            `[data-testid=simulator-message][data-direction=outbound][data-author=${author}]`,
        )
        .join(", "),
    )
    .filter({ hasText: containing });
  const before = await matching.count();
  await action();
  await expect.poll(() => matching.count(), { timeout: LIVE_TIMEOUT }).toBeGreaterThan(before);
  return matching.last();
}

/** Sends `text` from the simulated phone and waits until the box empties (the send returned). */
export async function say(page: Page, text: string) {
  const box = page.getByRole("textbox", { name: "Message" });
  await box.fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect.poll(() => box.inputValue(), { timeout: LIVE_TIMEOUT }).toBe("");
}
