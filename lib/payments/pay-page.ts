import { whatsappChatUrl, whatsappDigits } from "@/lib/attribution/wa-link";
import { negotiateLanguage, type ShopperLanguage } from "@/lib/i18n/languages";
import { formatMessage } from "@/lib/i18n/messages";
import type { OpenLinkOutcome, PayStore } from "./open-link";
import { PAY_PAGE_MESSAGES, type PayPageMessages } from "./pay-page-messages";

const escapeHtml = (text: string) =>
  text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");

// Inline and self-contained, like /go's page (lib/attribution/go-page.ts); light and dark.
const STYLE =
  ":root{color-scheme:light dark;--fg:#0c1512;--muted:#5b6661;--accent:#0f7b4f;--bg:#fff}" +
  "@media(prefers-color-scheme:dark){:root{--fg:#e8efec;--muted:#9aa7a1;--accent:#3ccf8e;--bg:#0c1512}}" +
  "body{margin:0;min-height:100dvh;display:grid;place-items:center;background:var(--bg);color:var(--fg);" +
  "font:16px/1.5 system-ui,-apple-system,'Segoe UI','Hiragino Sans','Noto Sans CJK JP',sans-serif}" +
  "main{max-width:32rem;padding:2rem 1.25rem;text-align:center}" +
  "p{color:var(--muted);margin:.5rem 0}h1{font-size:1.6rem;line-height:1.3;margin:.25rem 0;text-wrap:balance}" +
  "a{display:inline-block;margin-top:1.5rem;padding:.7rem 1.2rem;border-radius:.6rem;" +
  "background:var(--accent);color:var(--bg);font-weight:600;text-decoration:none}" +
  "a:focus-visible{outline:3px solid var(--accent);outline-offset:3px}";

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
    `<style>${STYLE}</style></head><body><main>${storeName}` +
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p>${back}</main></body></html>`;
  return { status: page.status, html };
}
