import type { ShopperLanguage } from "@/lib/i18n/languages";

function withQuery(path: string, query: Record<string, string | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === true) params.set(key, "1");
    else if (value) params.set(key, value);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export type StorefrontLinkOptions = {
  /**
   * Only passed when the shopper picked the language in the URL, so the choice
   * survives navigation even where the `lang` cookie is not kept.
   */
  lang?: ShopperLanguage;
  /** An error code for the page to explain (after a refused form). */
  error?: string;
  /** After "Add to cart": the product page confirms it. */
  added?: boolean;
};

/** Storefront paths: the catalog, a product page and the cart page. */
export const storefrontHref = {
  catalog: (store: string, options: StorefrontLinkOptions = {}) =>
    withQuery(`/s/${encodeURIComponent(store)}`, options),
  product: (store: string, slug: string, options: StorefrontLinkOptions = {}) =>
    withQuery(`/s/${encodeURIComponent(store)}/p/${encodeURIComponent(slug)}`, options),
  cart: (store: string, options: StorefrontLinkOptions = {}) =>
    withQuery(`/s/${encodeURIComponent(store)}/cart`, options),
};

/** Cookie path that scopes a store's cart cookie to its storefront. */
export function storefrontCookiePath(store: string): string {
  return `/s/${encodeURIComponent(store)}`;
}

/** The tracked click-to-chat redirect (app/go/[store]) for the "Chat to buy" button. */
export function productChatHref(store: string, productSlug: string, lang: ShopperLanguage): string {
  return withQuery(`/go/${encodeURIComponent(store)}`, {
    src: "product_button",
    product: productSlug,
    lang,
  });
}

/** The tracked redirect for "Continue in WhatsApp": the chat learns the cart by its token. */
export function cartChatHref(store: string, cartToken: string, lang: ShopperLanguage): string {
  return withQuery(`/go/${encodeURIComponent(store)}`, { src: "cart", cart: cartToken, lang });
}
