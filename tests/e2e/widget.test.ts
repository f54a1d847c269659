/**
 * The embeddable widget on a page of ANOTHER origin (a tiny static server on 127.0.0.1),
 * loading <app>/widget.js exactly as a partner site would.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { e2eSkipReason, launchBrowser } from "./support/browser";
import "../support/provided-context";

const skipReason = e2eSkipReason();
const MATCHA = { slug: "uji-matcha-ceremonial-30g", name: "Uji Matcha, Ceremonial Grade (30 g)" };
const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
};

/** A partner's page: the one-line snippet with `attributes`, and nothing else to fetch. */
function partnerPage(appUrl: string, attributes: string, extraBody = "", lang = "en") {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>Partner shop</title><style>body{font:16px Georgia;margin:0;padding:24px}*{color:red}</style></head>
<body><h1>Partner shop</h1><p>${"Tea and crafts from Kyoto. ".repeat(40)}</p>${extraBody}
<script src="${appUrl}/widget.js" ${attributes} async></script></body></html>`;
}

/**
 * Serves partnerPage() with the attributes from `?a=`, the page's language from `?lang=`
 * (and `?shift=1` for the CLS control).
 */
function startPartnerSite(appUrl: string): Promise<Server> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://partner");
    // The control page moves its content after load, so the CLS measurement must see it.
    const shift =
      url.searchParams.get("shift") === "1"
        ? `<script>setTimeout(() => document.body.prepend(Object.assign(document.createElement("div"), { style: "height:200px" })), 300)</script>`
        : "";
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.end(
      partnerPage(
        appUrl,
        url.searchParams.get("a") ?? 'data-store="demo"',
        shift,
        (url.searchParams.get("lang") ?? "en").replace(/[^\w-]/g, ""),
      ),
    );
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function widgetLink(page: Page) {
  const link = page.locator("chatcart-widget a.c");
  await link.waitFor();
  return link;
}

/** Sums layout-shift entries (buffered, so shifts before the observer count too). */
const CLS_OBSERVER = `window.__cls = 0; new PerformanceObserver((list) => { for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value; }).observe({ type: "layout-shift", buffered: true });`;

describe.skipIf(skipReason)(
  `embeddable widget on another site${skipReason ? ` — SKIPPED: ${skipReason}` : ""}`,
  () => {
    const appUrl = inject("e2eBaseUrl");
    let browser: Browser;
    let partner: Server;
    let partnerUrl: string;
    const contexts: BrowserContext[] = [];

    const open = async (
      attributes: string,
      options: BrowserContextOptions = {},
      pageLanguage = "en",
    ) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      // wa.me is out of reach here: answer it locally and keep the address it was asked for.
      await context.route("https://wa.me/**", (route) =>
        route.fulfill({ contentType: "text/html", body: "<title>WhatsApp</title>" }),
      );
      const page = await context.newPage();
      const requests: string[] = [];
      page.on("request", (request) => requests.push(request.url()));
      const language = pageLanguage === "en" ? "" : `&lang=${encodeURIComponent(pageLanguage)}`;
      await page.goto(`${partnerUrl}/?a=${encodeURIComponent(attributes)}${language}`);
      return { page, requests };
    };

    beforeAll(async () => {
      browser = await launchBrowser();
      partner = await startPartnerSite(appUrl);
      partnerUrl = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;
      expect(new URL(partnerUrl).origin).not.toBe(new URL(appUrl).origin);
    });
    afterAll(async () => {
      for (const context of contexts) await context.close();
      await browser?.close();
      await new Promise((resolve) => partner?.close(resolve));
    });

    it("draws an accessible, keyboard-reachable button in a shadow root, fetching nothing but itself", async () => {
      const { page, requests } = await open(
        `data-store="demo" data-label="Chat with us" data-greeting="Questions? <b>Ask</b>" data-product="${MATCHA.slug}"`,
      );
      const link = await widgetLink(page);
      await page.waitForTimeout(500);
      // Nothing but the page and widget.js: no fonts, images, or configuration.
      expect(requests).toEqual([page.url(), `${appUrl}/widget.js`]);

      // Inside a shadow root: the page's own selectors and styles do not reach it.
      expect(
        await page.evaluate(() => ({
          shadow: Boolean(document.querySelector("chatcart-widget")?.shadowRoot),
          lightDomLinks: document.querySelectorAll("a").length,
        })),
      ).toEqual({ shadow: true, lightDomLinks: 0 });
      await expect(link.isVisible()).resolves.toBe(true);
      expect(await link.evaluate((element) => getComputedStyle(element).color)).not.toBe(
        "rgb(255, 0, 0)",
      );
      // The greeting is text, not HTML.
      expect(await page.locator("chatcart-widget .b").textContent()).toContain(
        "Questions? <b>Ask</b>",
      );

      // Accessible name in the shopper's language (the page says lang="en").
      await expect(
        page.getByRole("link", { name: "Chat with us – Chat on WhatsApp" }).count(),
      ).resolves.toBe(1);
      const href = new URL((await link.getAttribute("href")) ?? "");
      expect(href.origin).toBe(new URL(appUrl).origin);
      expect(href.pathname).toBe("/go/demo");
      expect(Object.fromEntries(href.searchParams)).toEqual({
        src: "widget",
        product: MATCHA.slug,
        lang: "en",
      });

      // Keyboard: the bubble's close button, then the chat link, with a visible focus ring.
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      const focus = await link.evaluate((element) => ({
        focused:
          element.getRootNode() instanceof ShadowRoot &&
          (element.getRootNode() as ShadowRoot).activeElement === element,
        focusVisible: element.matches(":focus-visible"),
        outline: `${getComputedStyle(element).outlineStyle} ${getComputedStyle(element).outlineWidth}`,
      }));
      expect(focus).toEqual({ focused: true, focusVisible: true, outline: "solid 3px" });
    });

    it("on a phone, follows the tracked link to a wa.me chat whose text carries the product and a ref", async () => {
      const { page } = await open(`data-store="demo" data-product="${MATCHA.slug}"`, PHONE);
      const link = await widgetLink(page);
      const [request] = await Promise.all([
        page.waitForRequest((candidate) => candidate.url().startsWith("https://wa.me/")),
        link.click(),
      ]);
      const text = new URL(request.url()).searchParams.get("text") ?? "";
      expect(text).toContain(MATCHA.name);
      expect(text).toMatch(/\(ref [A-Z0-9]{5,}\)$/);
    });

    it("causes no layout shift (and the measurement does see one on a page that shifts)", async () => {
      const measure = async (query: string) => {
        const context = await browser.newContext();
        contexts.push(context);
        await context.addInitScript(CLS_OBSERVER);
        const page = await context.newPage();
        await page.goto(`${partnerUrl}/?${query}`);
        await widgetLink(page);
        await page.waitForTimeout(1000);
        return page.evaluate(() => (window as unknown as { __cls: number }).__cls);
      };
      const greeting = encodeURIComponent(
        'data-store="demo" data-label="Chat with us" data-greeting="Hello from Kyoto"',
      );
      expect(await measure(`a=${greeting}`)).toBe(0);
      expect(await measure(`a=${greeting}&shift=1`)).toBeGreaterThan(0.01);
    });

    it("on desktop, opens a panel whose QR image is fetched only then", async () => {
      const { page, requests } = await open(
        `data-store="demo" data-product="${MATCHA.slug}" data-lang="ja"`,
      );
      const link = await widgetLink(page);
      await page.waitForTimeout(300);
      expect(requests.some((url) => url.includes("/qr/"))).toBe(false);

      const [qrResponse] = await Promise.all([
        page.waitForResponse((response) => response.url().includes("/qr/demo")),
        link.click(),
      ]);
      const qrUrl = new URL(qrResponse.url());
      expect(qrUrl.origin).toBe(new URL(appUrl).origin);
      expect(Object.fromEntries(qrUrl.searchParams)).toEqual({
        src: "desktop_qr",
        product: MATCHA.slug,
        lang: "ja",
        format: "svg",
      });
      expect(page.url()).toBe(
        `${partnerUrl}/?a=${encodeURIComponent(`data-store="demo" data-product="${MATCHA.slug}" data-lang="ja"`)}`,
      );
      const panel = page.locator("chatcart-widget .p");
      await expect(panel.locator("b").textContent()).resolves.toBe("スマホで続ける");
      await expect(link.getAttribute("aria-expanded")).resolves.toBe("true");
      const here = panel.locator("a");
      await expect(here.getAttribute("href")).resolves.toBe(await link.getAttribute("href"));
      await expect(here.getAttribute("target")).resolves.toBe("_blank");
      // The panel's link is a button in the store's colour, and its × in the widget's font.
      const look = (selector: string) =>
        panel.locator(selector).evaluate((element) => {
          const style = getComputedStyle(element);
          return {
            background: style.backgroundColor,
            underline: style.textDecorationLine,
            font: style.fontFamily,
          };
        });
      const button = await link.evaluate((element) => getComputedStyle(element).backgroundColor);
      await expect(look("a")).resolves.toMatchObject({ background: button, underline: "none" });
      await expect(look(".x")).resolves.toMatchObject({ font: (await look("b")).font });
      expect(qrResponse.ok()).toBe(true);
      expect(qrResponse.headers()["content-type"]).toContain("image/svg+xml");
      await page.waitForFunction(
        () =>
          (document.querySelector("chatcart-widget")?.shadowRoot?.querySelector("img")
            ?.naturalWidth ?? 0) > 0,
      );

      // Escape closes it and gives focus back to the button.
      await page.keyboard.press("Escape");
      await expect(panel.count()).resolves.toBe(0);
      await expect(link.getAttribute("aria-expanded")).resolves.toBe("false");
      expect(
        await link.evaluate(
          (element) => (element.getRootNode() as ShadowRoot).activeElement === element,
        ),
      ).toBe(true);
    });

    it("shows the offline note, or nothing, outside business hours", async () => {
      const closed = 'data-store="demo" data-hours="" data-tz="Asia/Tokyo"';
      const note = await open(`${closed} data-when-closed="note" data-offline-note="Back at ten"`);
      await widgetLink(note.page);
      await expect(note.page.locator("chatcart-widget .b").textContent()).resolves.toContain(
        "Back at ten",
      );

      const hidden = await open(`${closed} data-when-closed="hide"`);
      await hidden.page.waitForTimeout(500);
      expect(hidden.requests.some((url) => url.endsWith("/widget.js"))).toBe(true);
      await expect(hidden.page.locator("chatcart-widget").count()).resolves.toBe(0);

      // Open all day, every day (in whichever zone is not at its one closed minute, 23:59).
      const zone = ["Asia/Tokyo", "UTC"].find(
        (timeZone) =>
          !new Date()
            .toLocaleString("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" })
            .endsWith("23:59"),
      );
      const allWeek = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map(
        (day) => `${day}0000-${day}2359`,
      );
      const opened = await open(
        `data-store="demo" data-hours="${allWeek.join(" ")}" data-tz="${zone}" data-when-closed="hide" data-greeting="Welcome" data-offline-note="Back at ten"`,
      );
      await widgetLink(opened.page);
      await expect(opened.page.locator("chatcart-widget .b").textContent()).resolves.toContain(
        "Welcome",
      );
    });

    it("picks the owner's words for the page's language at run time, else the default ones", async () => {
      const words =
        'data-store="demo" data-label="Chat with us" data-label_ja="チャットで相談" data-greeting="Welcome" data-greeting_zh="欢迎光临"';
      const read = async (pageLanguage: string, extra = "") => {
        const { page } = await open(`${words}${extra}`, {}, pageLanguage);
        const link = await widgetLink(page);
        return {
          name: await link.getAttribute("aria-label"),
          greeting: (await page.locator("chatcart-widget .b").textContent())?.replace("×", ""),
          lang: new URL((await link.getAttribute("href")) ?? "").searchParams.get("lang"),
        };
      };
      await expect(read("ja-JP")).resolves.toEqual({
        name: "チャットで相談 – WhatsAppでチャット",
        greeting: "Welcome",
        lang: "ja",
      });
      await expect(read("zh-CN")).resolves.toEqual({
        name: "Chat with us – WhatsApp 聊天",
        greeting: "欢迎光临",
        lang: "zh-Hans",
      });
      await expect(read("fr")).resolves.toEqual({
        name: "Chat with us – Chat on WhatsApp",
        greeting: "Welcome",
        lang: "en",
      });
      // The snippet's language attribute wins over the page's.
      await expect(read("en", ' data-lang="ja"')).resolves.toMatchObject({
        name: "チャットで相談 – WhatsAppでチャット",
        lang: "ja",
      });
    });

    it("fades in only for shoppers who have not asked for reduced motion", async () => {
      const animation = async (reducedMotion: "reduce" | "no-preference") => {
        const { page } = await open('data-store="demo"', { reducedMotion });
        const link = await widgetLink(page);
        return link.evaluate((element) => getComputedStyle(element).animationName);
      };
      expect(await animation("no-preference")).toBe("i");
      expect(await animation("reduce")).toBe("none");
    });

    it("previews the real widget.js in Dashboard → Widget, live, without recording clicks", async () => {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      const requests: string[] = [];
      context.on("request", (request) => requests.push(request.url()));
      await page.goto(`${appUrl}/login`);
      await page.fill("input[name=email]", "owner@demo.chatcart.dev");
      await page.fill("input[name=password]", "chatcart-demo");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${appUrl}/dashboard`);
      await page.goto(`${appUrl}/dashboard/widget`);

      const snippet = await page.getByTestId("widget-snippet").textContent();
      expect(snippet).toMatch(
        new RegExp(`^<script src="${appUrl}/widget\\.js" data-store="demo" .*async></script>$`),
      );
      const preview = page.frameLocator("[data-testid=widget-preview]");
      await preview.locator("chatcart-widget a.c").waitFor();
      expect(requests.filter((url) => url === `${appUrl}/widget.js`).length).toBeGreaterThan(0);

      // Typing (unsaved) shows at once in the preview.
      await page.fill("input[name=greeting]", "Preview greeting");
      await expect(preview.locator("chatcart-widget .b").textContent()).resolves.toContain(
        "Preview greeting",
      );
      // A click opens the desktop panel but never follows the tracked link.
      await preview.locator("chatcart-widget a.c").click();
      await preview.locator("chatcart-widget .p img").waitFor();
      await preview.locator("chatcart-widget .p a").click();
      // As on a phone (no fine pointer), where the widget lets the link navigate.
      await preview.locator("chatcart-widget a.c").evaluate((link) =>
        Object.assign(link.ownerDocument.defaultView!, {
          matchMedia: () => ({ matches: false }),
        }),
      );
      await preview.locator("chatcart-widget a.c").click();
      await page.waitForTimeout(500);
      expect(requests.some((url) => url.includes("/go/"))).toBe(false);
    });
  },
);
