import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchiveButton } from "@/components/products/archive-button";
import { ProductForm } from "@/components/products/product-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/current-member";
import { findStoreProduct } from "@/lib/catalog/manage-products";
import { examplePriceInput } from "@/lib/catalog/price";
import { productFormValues } from "@/lib/catalog/product-schema";
import { productFormLanguages } from "@/lib/catalog/translations";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { env } from "@/lib/env";

export async function generateMetadata() {
  return { title: (await getDashboardStrings()).t.productForm.editTitle };
}

export default async function EditProductPage({
  params,
  searchParams,
}: {
  params: Promise<{ productId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, store, role } = await requireMember();
  const { t: strings } = await getDashboardStrings();
  const t = strings.productForm;
  const { productId } = await params;
  // Only the member's own store is searched: another store's product id is a 404.
  const product = await findStoreProduct(db, store.id, productId);
  if (!product) notFound();
  const justCreated = (await searchParams).created === "1";
  const readOnly = role !== "owner";
  return (
    <div className="grid max-w-3xl gap-6">
      <div className="grid gap-1">
        <Link href="/dashboard/products" className="text-sm text-muted-foreground hover:underline">
          {t.back}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{product.name}</h1>
          {product.active ? (
            <Badge variant="success">{t.active}</Badge>
          ) : (
            <Badge variant="secondary">{t.archived}</Badge>
          )}
        </div>
        {justCreated ? (
          <p role="status" className="text-sm text-primary">
            {t.created}
          </p>
        ) : null}
        {readOnly ? <p className="text-sm text-muted-foreground">{t.ownerOnlyChange}</p> : null}
      </div>
      {product.currency !== store.currency ? (
        <p
          role="note"
          className="rounded-md border border-amber-500/40 bg-amber-500/10 p-3 text-sm"
        >
          {formatMessage(t.otherCurrency, {
            productCurrency: product.currency,
            storeCurrency: store.currency,
          })}
        </p>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>{t.details}</CardTitle>
        </CardHeader>
        <CardContent>
          <ProductForm
            productId={product.id}
            initial={productFormValues(product)}
            currency={store.currency}
            priceExample={examplePriceInput(store.currency)}
            uploadsEnabled={env().NODE_ENV !== "production"}
            readOnly={readOnly}
            languages={productFormLanguages(store.defaultLanguage, product.translations)}
            t={t}
            forms={strings.forms}
          />
        </CardContent>
      </Card>
      <div className="flex flex-wrap items-center gap-4">
        {readOnly ? null : (
          <ArchiveButton
            productId={product.id}
            productName={product.name}
            active={product.active}
            size="default"
            labels={strings.products.table}
          />
        )}
        {product.active ? (
          <Link
            href={`/s/${store.slug}/p/${product.slug}`}
            className="text-sm text-muted-foreground underline-offset-4 hover:underline"
          >
            {t.viewInStorefront}
          </Link>
        ) : null}
      </div>
    </div>
  );
}
