import { escapeHtml, STANDALONE_PAGE_STYLE } from "@/lib/http/standalone-page";
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

function cookieValue(cookieHeader: string | null, name: string): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

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
    `<style>${STANDALONE_PAGE_STYLE}</style></head><body><main><p>${status}</p>` +
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${back}</main></body></html>`;
  return { status, html };
}
