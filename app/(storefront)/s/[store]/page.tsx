import type { Metadata } from "next";
import { DatabaseUnavailable } from "@/components/database-unavailable";
import { ProductCard } from "@/components/storefront/product-card";
import { StoreWidget } from "@/components/storefront/store-widget";
import { shellProps, StorefrontShell } from "@/components/storefront/storefront-shell";
import { cartItemCount } from "@/lib/cart/cart";
import { listActiveProducts } from "@/lib/catalog/products";
import { localizeProduct } from "@/lib/catalog/translations";
import { formatMoney } from "@/lib/money/format";
import { firstParam } from "@/lib/storefront/language";
import { storefrontHref } from "@/lib/storefront/links";
import { formatCount } from "@/lib/storefront/plural";
import { loadStorefront } from "@/lib/storefront/request";
import { storefrontWidgetAttributes } from "@/lib/storefront/widget";
import { databaseProblem } from "@/lib/server/database-status";

type Props = {
  params: Promise<{ store: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  if (await databaseProblem()) return { title: "Unavailable" };
  const { store } = await loadStorefront(
    (await params).store,
    firstParam((await searchParams).lang),
  );
  return { title: { absolute: store.name } };
}

export default async function StoreCatalogPage({ params, searchParams }: Props) {
  const problem = await databaseProblem();
  if (problem) return <DatabaseUnavailable reason={problem} />;
  const query = await searchParams;
  const storefront = await loadStorefront((await params).store, firstParam(query.lang));
  const { db, store, language, linkLanguage, messages, cartToken } = storefront;
  const [stored, cartCount] = await Promise.all([
    listActiveProducts(db, store.id),
    cartItemCount(db, store.id, cartToken),
  ]);
  const products = stored.map((product) => localizeProduct(product, language));
  const text = messages.storefront;

  return (
    <StorefrontShell
      {...shellProps(storefront, { path: storefrontHref.catalog(store.slug), cartCount })}
    >
      <div className="mb-6 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">{text.catalogTitle}</h1>
        <p className="text-sm text-muted-foreground">
          {formatCount(language, products.length, text.productCount)}
        </p>
      </div>
      {products.length === 0 ? (
        <p className="text-muted-foreground">{text.noProducts}</p>
      ) : (
        <ul className="grid grid-cols-2 gap-4 sm:gap-6 lg:grid-cols-3" data-testid="product-list">
          {products.map((product, index) => (
            <li key={product.id}>
              <ProductCard
                href={storefrontHref.product(store.slug, product.slug, { lang: linkLanguage })}
                name={product.name}
                imageUrl={product.imageUrl}
                price={formatMoney(product.priceMinor, product.currency, language)}
                eager={index < 2}
              />
            </li>
          ))}
        </ul>
      )}
      {firstParam(query.nowidget) === "1" ? null : (
        <StoreWidget attributes={storefrontWidgetAttributes(store, { lang: language })} />
      )}
    </StorefrontShell>
  );
}
