import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { decodePng } from "../qr/decode-qr";
import { e2eSkipReason, launchBrowser } from "./support/browser";
import { signInAsDemoOwner } from "./support/demo-owner";
import "../support/provided-context";

const skipReason = e2eSkipReason();
const PHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const MM_PER_POINT = 25.4 / 72;

async function scanCounts(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/dashboard/qr`);
  const rows = await page.$$eval("[data-testid=qr-code-row]", (elements) =>
    elements.map((row) => ({
      code: (row as HTMLElement).dataset.code ?? "",
      name: row.querySelector("a")?.textContent ?? "",
      href: row.querySelector("a")?.getAttribute("href") ?? "",
      scans: Number(row.querySelector("[data-testid=qr-scans]")?.textContent?.replace(/,/g, "")),
    })),
  );
  return new Map(rows.map((row) => [row.name, row]));
}

/** Page count and size (mm) of the PDF Chromium prints, read from the PDF's own objects. */
function pdfPages(pdf: Buffer) {
  const text = pdf.toString("latin1");
  const count = Number(/\/Type\s*\/Pages[\s\S]*?\/Count (\d+)/.exec(text)?.[1]);
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text);
  return { count, width: Number(box?.[1]) * MM_PER_POINT, height: Number(box?.[2]) * MM_PER_POINT };
}

describe.skipIf(skipReason)(
  `QR codes and shop cards${skipReason ? ` — SKIPPED: ${skipReason}` : ""}`,
  () => {
    const baseUrl = inject("e2eBaseUrl");
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("prints the Gion shop card as one card-sized page whose code scans into a counted chat", async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await signInAsDemoOwner(page, baseUrl);
      const before = await scanCounts(page, baseUrl);
      const gion = before.get("Shop card — Gion store");
      expect(gion?.scans).toBeGreaterThan(0);
      expect(before.get("Matcha set display")?.scans).toBeGreaterThan(0);

      await page.goto(`${baseUrl}${gion!.href}/card`);
      expect(await page.locator("[data-shop-card=card] li").count()).toBe(4);
      // What a phone sees: the code as rendered on the page decodes to the tracked link.
      const shot = await page.locator("[data-shop-card]").screenshot();
      const scanUrl = `${baseUrl}/go/demo?src=qr&qr=${gion!.code}`;
      expect(decodePng(shot)?.text).toBe(scanUrl);

      const card = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      expect(card.count).toBe(1);
      expect(card.width).toBeCloseTo(91, 0);
      expect(card.height).toBeCloseTo(55, 0);
      await page.goto(`${baseUrl}${gion!.href}/card?size=a6`);
      const a6 = pdfPages(await page.pdf({ preferCSSPageSize: true }));
      expect(a6).toMatchObject({ count: 1 });
      expect(a6.width).toBeCloseTo(105, 0);
      expect(a6.height).toBeCloseTo(148, 0);

      const scan = await fetch(scanUrl, { redirect: "manual", headers: { "user-agent": PHONE } });
      expect(scan.status).toBe(302);
      expect(scan.headers.get("location")).toMatch(
        /^https:\/\/wa\.me\/\d+\?text=.*ref%20[A-Z0-9]{5}/,
      );
      const after = await scanCounts(page, baseUrl);
      expect(after.get("Shop card — Gion store")?.scans).toBe(gion!.scans + 1);
      await page.close();
    });

    it("serves the widget's desktop QR, which decodes to the desktop_qr link", async () => {
      const response = await fetch(
        `${baseUrl}/qr/demo?src=desktop_qr&product=uji-matcha-ceremonial-30g&lang=ja&format=png&size=256`,
      );
      expect(response.status).toBe(200);
      expect(decodePng(Buffer.from(await response.arrayBuffer()))?.text).toBe(
        `${baseUrl}/go/demo?src=desktop_qr&product=uji-matcha-ceremonial-30g&lang=ja`,
      );
    });
  },
);
