import { StoreNotFound } from "@/components/storefront/store-not-found";
import { messagesFor } from "@/lib/i18n/messages";
import { storefrontHref } from "@/lib/storefront/links";
import { storefrontOfRequest } from "@/lib/storefront/request";

/** 404 inside /s/<store>: not-found pages get no params, so the proxy's headers name the store. */
export default async function StorefrontNotFound() {
  const storefront = await storefrontOfRequest();
  const language = storefront?.language ?? "en";
  const store = storefront?.store;
  return (
    <StoreNotFound
      language={language}
      text={messagesFor(language).notFound}
      store={
        store && {
          name: store.name,
          href: storefrontHref.catalog(store.slug, { lang: storefront.linkLanguage }),
        }
      }
    />
  );
}
