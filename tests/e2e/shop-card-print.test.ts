import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { e2eSkipReason } from "./support/browser";
import { signInAsDemoOwner } from "./support/demo-owner";
import { useBrowser } from "./support/shared-browser";
import "../support/provided-context";

const skipReason = e2eSkipReason();
const LANGUAGES = ["en", "ja", "zh-Hans", "ko"];
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

type PrintedCard = {
  /** Each text block (the store name, the product, one line per language) as printed lines. */
  blocks: { lang: string; lines: string[] }[];
  smallestPoints: number;
  /** Characters drawn outside the card (cut off by the page edge). */
  outside: string[];
};

/** The card as printed: its text's lines, read from each character's box, and font sizes. */
function readPrintedCard(page: Page): Promise<PrintedCard> {
  return page.$eval("[data-shop-card]", (card) => {
    const bounds = card.getBoundingClientRect();
    const range = document.createRange();
    const blocks = new Map<Element, { lang: string; chars: { char: string; top: number }[] }>();
    const outside: string[] = [];
    let smallestPoints = Infinity;
    const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      const parent = node.parentElement;
      if (!parent || !text.trim()) continue;
      smallestPoints = Math.min(
        smallestPoints,
        parseFloat(getComputedStyle(parent).fontSize) * 0.75,
      );
      const block = parent.closest("li, p") ?? parent;
      const entry = blocks.get(block) ?? { lang: block.getAttribute("lang") ?? "", chars: [] };
      blocks.set(block, entry);
      let offset = 0;
      for (const char of text) {
        range.setStart(node, offset);
        range.setEnd(node, offset + char.length);
        offset += char.length;
        const rect = range.getClientRects()[0];
        if (!rect || !char.trim()) continue;
        entry.chars.push({ char, top: rect.top + rect.height / 2 });
        if (rect.left < bounds.left - 0.5 || rect.right > bounds.right + 0.5) outside.push(char);
        if (rect.top < bounds.top - 0.5 || rect.bottom > bounds.bottom + 0.5) outside.push(char);
      }
    }
    return {
      smallestPoints,
      outside,
      blocks: [...blocks.values()].map(({ lang, chars }) => {
        const lines: { top: number; text: string }[] = [];
        for (const { char, top } of chars) {
          const line = lines.find((candidate) => Math.abs(candidate.top - top) < 2);
          if (line) line.text += char;
          else lines.push({ top, text: char });
        }
        return { lang, lines: lines.map((line) => line.text) };
      }),
    };
  });
}

async function qrCodeHref(page: Page, baseUrl: string, name: string): Promise<string> {
  await page.goto(`${baseUrl}/dashboard/qr`);
  const href = await page
    .locator("[data-testid=qr-code-row]", { hasText: name })
    .first()
    .locator("a")
    .first()
    .getAttribute("href");
  if (!href) throw new Error(`no QR code named ${name}`);
  return href;
}

describe.skipIf(skipReason)(
  `shop cards in print${skipReason ? ` — SKIPPED: ${skipReason}` : ""}`,
  () => {
    const baseUrl = inject("e2eBaseUrl");
    const browser = useBrowser();

    it.each([
      ["Shop card — Gion store", "card"],
      ["Shop card — Gion store", "a6"],
      ["Matcha set display", "card"],
      ["Matcha set display", "a6"],
    ])(
      "%s at size %s: four languages, no CJK character alone on a line, no type under 7 pt",
      async (name, size) => {
        const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
        await signInAsDemoOwner(page, baseUrl);
        const href = await qrCodeHref(page, baseUrl, name);
        await page.goto(`${baseUrl}${href}/card?size=${size}`);
        await page.emulateMedia({ media: "print" });
        await page.evaluate(() => document.fonts.ready);

        const printed = await readPrintedCard(page);
        const languages = printed.blocks.filter((block) => block.lang).map((block) => block.lang);
        expect(languages).toEqual(LANGUAGES);
        const orphans = printed.blocks.flatMap((block) =>
          block.lines.filter((line) => [...line].length === 1 && CJK.test(line)),
        );
        expect(orphans, JSON.stringify(printed.blocks)).toEqual([]);
        expect(printed.smallestPoints).toBeGreaterThanOrEqual(7);
        expect(printed.outside).toEqual([]);

        // One page at the card's size, as the owner's printer gets it.
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        expect(/\/Type\s*\/Pages[\s\S]*?\/Count (\d+)/.exec(pdf.toString("latin1"))?.[1]).toBe("1");
        await page.close();
      },
    );
  },
);
