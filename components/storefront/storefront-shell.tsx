import { ShoppingBag } from "lucide-react";
import type { ShopperLanguage } from "@/lib/i18n/languages";
import type { Messages } from "@/lib/i18n/messages";
import { storefrontHref } from "@/lib/storefront/links";
import { formatCount } from "@/lib/storefront/plural";
import { LanguageSelect } from "./language-select";
import { LanguageSwitcher } from "./language-switcher";

type ShellProps = {
  storeName: string;
  language: ShopperLanguage;
  messages: Messages["storefront"];
  /** This page's path (for the language links). */
  path: string;
  catalogHref: string;
  cartHref: string;
  cartCount: number;
  children: React.ReactNode;
};

/** The shell's props for a page of `storefront` (see lib/storefront/request.ts). */
export function shellProps(
  storefront: {
    store: { name: string; slug: string };
    language: ShopperLanguage;
    linkLanguage?: ShopperLanguage;
    messages: Messages;
  },
  page: { path: string; cartCount: number },
): Omit<ShellProps, "children"> {
  const { store, language, linkLanguage, messages } = storefront;
  return {
    storeName: store.name,
    language,
    messages: messages.storefront,
    path: page.path,
    catalogHref: storefrontHref.catalog(store.slug, { lang: linkLanguage }),
    cartHref: storefrontHref.cart(store.slug, { lang: linkLanguage }),
    cartCount: page.cartCount,
  };
}

/**
 * The storefront's frame: store name, language switcher and cart link. `lang` is set
 * here because the root layout's <html lang> cannot know the shopper's language.
 */
export function StorefrontShell({
  storeName,
  language,
  messages,
  path,
  catalogHref,
  cartHref,
  cartCount,
  children,
}: ShellProps) {
  return (
    <div lang={language} data-testid="storefront" className="flex min-h-dvh flex-col bg-background">
      <header className="border-b">
        {/* One row at any width: on a phone the name truncates and the languages fold into a select. */}
        <div
          data-testid="storefront-header"
          className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3 sm:gap-4 sm:px-6"
        >
          <a
            href={catalogHref}
            className="min-w-0 truncate rounded-md text-lg font-semibold tracking-tight outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            {storeName}
          </a>
          <div className="flex shrink-0 items-center gap-2">
            <div className="hidden sm:block">
              <LanguageSwitcher current={language} path={path} label={messages.language} />
            </div>
            <div className="sm:hidden">
              <LanguageSelect current={language} path={path} label={messages.language} />
            </div>
            <a
              href={cartHref}
              aria-label={formatCount(language, cartCount, messages.cartLink)}
              data-testid="cart-link"
              className="inline-flex h-9 items-center gap-2 rounded-md border px-3 text-sm font-medium outline-none transition-colors hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50"
            >
              <ShoppingBag className="size-4" aria-hidden />
              <span className="sr-only sm:not-sr-only">{messages.cart}</span>
              <span
                data-testid="cart-count"
                className="min-w-5 rounded-full bg-primary px-1.5 text-center text-xs leading-5 text-primary-foreground tabular-nums"
              >
                {cartCount}
              </span>
            </a>
          </div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
