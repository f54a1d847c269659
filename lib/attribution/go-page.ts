import { formatMessage, messagesFor } from "@/lib/i18n/messages";
import { LANGUAGE_COOKIE, resolveShopperLanguage } from "@/lib/storefront/language";
import { storefrontHref } from "@/lib/storefront/links";

/** Why /go/<store> answers with a page instead of the chat. */
export type GoPageReason = "store_not_found" | "no_whatsapp_number";

export type GoPageInput = {
  reason: GoPageReason;
  url: URL;
  headers: Headers;
  /** The store, when known: the page leads back to its catalog, in its default language. */
  store?: { slug: string; name: string; defaultLanguage: string };
};

const escapeHtml = (text: string) =>
  text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");

function cookieValue(cookieHeader: string | null, name: string): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

// Inline and self-contained (the route answers before any app CSS could load); light and dark.
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

/**
 * The page /go/<store> shows when it cannot open the chat: in the shopper's language
 * (`?lang=`, the `lang` cookie, Accept-Language, the store's default) and, when the store
 * is known, with a link back to its storefront — never to Chatcart's own pages.
 */
export function goPageHtml(input: GoPageInput): { status: number; html: string } {
  const { store } = input;
  const { language } = resolveShopperLanguage({
    query: input.url.searchParams.get("lang"),
    cookie: cookieValue(input.headers.get("cookie"), LANGUAGE_COOKIE),
    acceptLanguage: input.headers.get("accept-language"),
    storeDefault: store?.defaultLanguage ?? "en",
  });
  const text = messagesFor(language).notFound;
  const status = input.reason === "store_not_found" ? 404 : 503;
  const [title, message] =
    input.reason === "store_not_found"
      ? [text.storeTitle, text.storeText]
      : [text.chatTitle, text.chatText];
  const back = store
    ? `<a href="${escapeHtml(storefrontHref.catalog(store.slug))}">${escapeHtml(
        formatMessage(text.backToStore, { store: store.name }),
      )}</a>`
    : "";
  const html =
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>` +
    `<style>${STYLE}</style></head><body><main><p>${status}</p>` +
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${back}</main></body></html>`;
  return { status, html };
}
