import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArrowLeft, MessageCircle } from "lucide-react";
import { DatabaseUnavailable } from "@/components/database-unavailable";
import { AddToCartForm } from "@/components/storefront/add-to-cart-form";
import { Notice } from "@/components/storefront/notice";
import { ProductImage } from "@/components/storefront/product-image";
import { StoreWidget } from "@/components/storefront/store-widget";
import { shellProps, StorefrontShell } from "@/components/storefront/storefront-shell";
import { Button } from "@/components/ui/button";
import { cartItemCount } from "@/lib/cart/cart";
import { localizeProduct } from "@/lib/catalog/translations";
import { productEarnPoints } from "@/lib/loyalty/storefront-points";
import { formatMoney } from "@/lib/money/format";
import { readStorefrontError } from "@/lib/storefront/cart-forms";
import { firstParam } from "@/lib/storefront/language";
import { formatCount } from "@/lib/storefront/plural";
import { productChatHref, storefrontHref } from "@/lib/storefront/links";
import { findActiveProduct } from "@/lib/storefront/products";
import { loadStorefront } from "@/lib/storefront/request";
import { storefrontWidgetAttributes } from "@/lib/storefront/widget";
import { databaseProblem } from "@/lib/server/database-status";
import { addToCart } from "../../actions/add-to-cart";

type Props = {
  params: Promise<{ store: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Shared by generateMetadata and the page within one request.
const loadActiveProduct = cache(async (storeSlug: string, slug: string, lang?: string) => {
  const storefront = await loadStorefront(storeSlug, lang);
  const product = await findActiveProduct(storefront.db, storefront.store.id, slug);
  if (!product) notFound();
  return { storefront, product: localizeProduct(product, storefront.language) };
});

async function loadProduct({ params, searchParams }: Props) {
  const { store: storeSlug, slug } = await params;
  const query = await searchParams;
  return { ...(await loadActiveProduct(storeSlug, slug, firstParam(query.lang))), query };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  if (await databaseProblem()) return { title: "Unavailable" };
  const { storefront, product } = await loadProduct(props);
  return {
    title: { absolute: `${product.name} · ${storefront.store.name}` },
    description: product.description.slice(0, 160),
  };
}

export default async function ProductPage(props: Props) {
  const problem = await databaseProblem();
  if (problem) return <DatabaseUnavailable reason={problem} />;
  const { storefront, product, query } = await loadProduct(props);
  const { db, store, language, linkLanguage, messages, cartToken } = storefront;
  const [cartCount, earnPoints] = await Promise.all([
    cartItemCount(db, store.id, cartToken),
    productEarnPoints(db, store.id, product.priceMinor),
  ]);
  const text = messages.storefront;
  const error = readStorefrontError(firstParam(query.error));
  const added = firstParam(query.added) === "1" && !error;

  return (
    <StorefrontShell
      {...shellProps(storefront, {
        path: storefrontHref.product(store.slug, product.slug),
        cartCount,
      })}
    >
      <a
        href={storefrontHref.catalog(store.slug, { lang: linkLanguage })}
        className="mb-6 inline-flex items-center gap-1 rounded-md text-sm text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        <ArrowLeft className="size-4" aria-hidden />
        {text.backToCatalog}
      </a>
      <article className="grid gap-8 md:grid-cols-2 md:gap-12">
        <ProductImage
          src={product.imageUrl}
          alt={product.name}
          size={600}
          eager
          className="w-full rounded-2xl border"
        />
        <div className="flex flex-col gap-6">
          <div className="grid gap-2">
            <h1 className="text-3xl font-semibold tracking-tight">{product.name}</h1>
            <p className="text-2xl font-semibold tabular-nums" data-testid="product-price">
              {formatMoney(product.priceMinor, product.currency, language)}
            </p>
          </div>
          {added ? (
            <Notice tone="success">
              {text.added}
              <a
                href={storefrontHref.cart(store.slug, { lang: linkLanguage })}
                className="font-medium underline underline-offset-4"
              >
                {text.viewCart}
              </a>
            </Notice>
          ) : null}
          {error ? <Notice tone="error">{text.errors[error]}</Notice> : null}
          <AddToCartForm
            action={addToCart}
            store={store.slug}
            product={product.slug}
            lang={linkLanguage}
            labels={{ quantity: text.quantity, addToCart: text.addToCart }}
          />
          {earnPoints ? (
            <p className="text-sm text-muted-foreground" data-testid="earn-points">
              {formatCount(language, earnPoints, text.earnPoints)}
            </p>
          ) : null}
          <div className="grid gap-2 rounded-xl border bg-muted/40 p-4">
            <Button asChild variant="outline" size="lg" className="w-fit">
              <a
                href={productChatHref(store.slug, product.slug, language)}
                data-testid="chat-to-buy"
              >
                <MessageCircle aria-hidden />
                {text.chatToBuy}
              </a>
            </Button>
            <p className="text-sm text-muted-foreground">{text.chatToBuyHint}</p>
          </div>
          <p className="whitespace-pre-line leading-relaxed text-muted-foreground">
            {product.description}
          </p>
        </div>
      </article>
      {firstParam(query.nowidget) === "1" ? null : (
        <StoreWidget
          attributes={storefrontWidgetAttributes(store, { product: product.slug, lang: language })}
        />
      )}
    </StorefrontShell>
  );
}
