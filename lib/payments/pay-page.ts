import { escapeHtml, STANDALONE_PAGE_STYLE } from "@/lib/http/standalone-page";
import { whatsappChatUrl, whatsappDigits } from "@/lib/attribution/wa-link";
import { negotiateLanguage, type ShopperLanguage } from "@/lib/i18n/languages";
import { formatMessage } from "@/lib/i18n/messages";
import type { OpenLinkOutcome, PayStore } from "./open-link";
import { PAY_PAGE_MESSAGES, type PayPageMessages } from "./pay-page-messages";

/** The wa.me link back to the store's chat, or null when its number cannot make one. */
export function storeChatUrl(store: PayStore): string | null {
  const digits = whatsappDigits(store.whatsappNumber);
  return digits ? whatsappChatUrl(digits) : null;
}

type PageKind = Exclude<OpenLinkOutcome["kind"], "redirect">;

const PAGES: Record<
  PageKind,
  { status: number; title: keyof PayPageMessages; text: keyof PayPageMessages }
> = {
  not_found: { status: 404, title: "notFoundTitle", text: "notFoundText" },
  rate_limited: { status: 429, title: "rateLimitedTitle", text: "rateLimitedText" },
  preview: { status: 200, title: "previewTitle", text: "previewText" },
  paid: { status: 200, title: "paidTitle", text: "paidText" },
  processing: { status: 200, title: "processingTitle", text: "processingText" },
  cancelled: { status: 410, title: "cancelledTitle", text: "cancelledText" },
  unavailable: { status: 503, title: "unavailableTitle", text: "unavailableText" },
  retry_later: { status: 503, title: "retryTitle", text: "retryText" },
};

/**
 * The page /pay/<token> answers with when it does not redirect: in the order's language (or,
 * for an unknown token, the browser's), with a way back to the store's WhatsApp chat.
 */
export function payPageHtml(
  outcome: Exclude<OpenLinkOutcome, { kind: "redirect" }>,
  acceptLanguage: string | null,
): { status: number; html: string } {
  const language: ShopperLanguage =
    "language" in outcome ? outcome.language : negotiateLanguage(acceptLanguage);
  const text = PAY_PAGE_MESSAGES[language];
  const page = PAGES[outcome.kind];
  const number = "orderNumber" in outcome ? outcome.orderNumber : "";
  const title = text[page.title];
  const body = formatMessage(text[page.text], { number });
  const chat = "store" in outcome ? storeChatUrl(outcome.store) : null;
  const back = chat
    ? `<a href="${escapeHtml(chat)}" rel="noreferrer">${escapeHtml(text.backToWhatsApp)}</a>`
    : "";
  const storeName = "store" in outcome ? `<p>${escapeHtml(outcome.store.name)}</p>` : "";
  const html =
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>` +
    `<style>${STANDALONE_PAGE_STYLE}</style></head><body><main>${storeName}` +
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p>${back}</main></body></html>`;
  return { status: page.status, html };
}
