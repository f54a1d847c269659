import type { Metadata } from "next";
import { ArrowLeft } from "lucide-react";
import { DatabaseUnavailable } from "@/components/database-unavailable";
import { CartLines, CartSummary, type CartLineView } from "@/components/storefront/cart-view";
import { Notice } from "@/components/storefront/notice";
import { shellProps, StorefrontShell } from "@/components/storefront/storefront-shell";
import { cartWithTotals, findCart } from "@/lib/cart/cart";
import { localizedName } from "@/lib/catalog/translations";
import { formatMoney } from "@/lib/money/format";
import { readStorefrontError } from "@/lib/storefront/cart-forms";
import { firstParam } from "@/lib/storefront/language";
import { cartChatHref, storefrontHref } from "@/lib/storefront/links";
import { formatCount } from "@/lib/storefront/plural";
import { loadStorefront } from "@/lib/storefront/request";
import { databaseProblem } from "@/lib/server/database-status";
import { removeCartItem } from "../actions/remove-cart-item";
import { updateCartItem } from "../actions/update-cart-item";

type Props = {
  params: Promise<{ store: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  if (await databaseProblem()) return { title: "Unavailable" };
  const { store, messages } = await loadStorefront(
    (await params).store,
    firstParam((await searchParams).lang),
  );
  return {
    title: { absolute: `${messages.storefront.yourCart} · ${store.name}` },
    robots: { index: false },
  };
}

export default async function CartPage({ params, searchParams }: Props) {
  const problem = await databaseProblem();
  if (problem) return <DatabaseUnavailable reason={problem} />;
  const query = await searchParams;
  const storefront = await loadStorefront((await params).store, firstParam(query.lang));
  const { db, store, language, linkLanguage, messages, cartToken } = storefront;
  const cart = await findCart(db, store.id, cartToken);
  const totals = cart ? await cartWithTotals(db, cart) : undefined;
  const text = messages.storefront;
  const error = readStorefrontError(firstParam(query.error));
  const money = (minor: number) => formatMoney(minor, totals?.currency ?? store.currency, language);

  const lines: CartLineView[] = (totals?.lines ?? []).map((line) => ({
    productId: line.productId,
    name: localizedName(line, language),
    href: storefrontHref.product(store.slug, line.slug, { lang: linkLanguage }),
    imageUrl: line.imageUrl,
    quantity: line.quantity,
    available: line.available,
    unitPrice: money(line.unitPriceMinor),
    lineTotal: money(line.lineTotalMinor),
  }));
  const itemCount = totals?.itemCount ?? 0;
  const catalogHref = storefrontHref.catalog(store.slug, { lang: linkLanguage });

  return (
    <StorefrontShell
      {...shellProps(storefront, { path: storefrontHref.cart(store.slug), cartCount: itemCount })}
    >
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">{text.yourCart}</h1>
      {error ? (
        <div className="mb-6">
          <Notice tone="error">{text.errors[error]}</Notice>
        </div>
      ) : null}
      {lines.length === 0 ? (
        <div className="grid justify-items-start gap-4">
          <p className="text-muted-foreground" data-testid="cart-empty">
            {text.emptyCart}
          </p>
          <a href={catalogHref} className="font-medium text-primary underline underline-offset-4">
            {text.continueShopping}
          </a>
        </div>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
          <div className="grid gap-4">
            <CartLines
              lines={lines}
              store={store.slug}
              lang={linkLanguage}
              messages={text}
              updateAction={updateCartItem}
              removeAction={removeCartItem}
            />
            <a
              href={catalogHref}
              className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
            >
              <ArrowLeft className="size-4" aria-hidden />
              {text.continueShopping}
            </a>
          </div>
          <CartSummary
            subtotal={money(totals?.subtotalMinor ?? 0)}
            itemCount={formatCount(language, itemCount, text.itemCount)}
            chatHref={cart && itemCount > 0 ? cartChatHref(store.slug, cart.token, language) : null}
            messages={text}
          />
        </div>
      )}
    </StorefrontShell>
  );
}
