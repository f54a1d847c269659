import { ArrowLeft, SearchX } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { ShopperLanguage } from "@/lib/i18n/languages";
import { formatMessage, type Messages } from "@/lib/i18n/messages";

/**
 * A storefront's 404, in the shopper's language: inside a known store it names the store
 * and leads back to its catalog; for an unknown store it says so (and leads nowhere else:
 * a shopper who followed a shop's link has no use for Chatcart's own pages).
 */
export function StoreNotFound({
  language,
  text,
  store,
}: {
  language: ShopperLanguage;
  text: Messages["notFound"];
  store?: { name: string; href: string };
}) {
  const title = store ? text.pageTitle : text.storeTitle;
  return (
    <div lang={language} data-testid="store-not-found" className="flex min-h-dvh flex-col">
      <title>{store ? `${title} · ${store.name}` : title}</title>
      {store ? (
        <header className="border-b">
          <div className="mx-auto flex max-w-6xl items-center px-4 py-3 sm:px-6">
            <a
              href={store.href}
              className="rounded-md text-lg font-semibold tracking-tight outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
            >
              {store.name}
            </a>
          </div>
        </header>
      ) : null}
      <main className="mx-auto flex w-full max-w-xl flex-1 flex-col items-center justify-center gap-6 px-4 py-16 text-center">
        <span className="flex size-14 items-center justify-center rounded-full bg-primary/10 text-primary">
          <SearchX className="size-7" aria-hidden />
        </span>
        <div className="grid gap-2">
          <p className="text-sm font-medium text-muted-foreground">404</p>
          <h1 className="text-2xl font-semibold tracking-tight text-balance sm:text-3xl">
            {title}
          </h1>
          <p className="text-pretty text-muted-foreground">
            {store ? text.pageText : text.storeText}
          </p>
        </div>
        {store ? (
          <Button asChild size="lg">
            <a href={store.href} data-testid="back-to-store">
              <ArrowLeft aria-hidden />
              {formatMessage(text.backToStore, { store: store.name })}
            </a>
          </Button>
        ) : null}
      </main>
    </div>
  );
}
