import type { Metadata } from "next";
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
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Edit product" };

export default async function EditProductPage({
  params,
  searchParams,
}: {
  params: Promise<{ productId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, store, role } = await requireMember();
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
          ← Products
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{product.name}</h1>
          {product.active ? (
            <Badge variant="success">Active</Badge>
          ) : (
            <Badge variant="secondary">Archived</Badge>
          )}
        </div>
        {justCreated ? (
          <p role="status" className="text-sm text-primary">
            Product created.
          </p>
        ) : null}
        {readOnly ? (
          <p className="text-sm text-muted-foreground">Only the store owner can change products.</p>
        ) : null}
      </div>
      {product.currency !== store.currency ? (
        <p
          role="note"
          className="rounded-md border border-amber-500/40 bg-amber-500/10 p-3 text-sm"
        >
          This product is priced in {product.currency}, but your store now sells in {store.currency}
          . Saving stores the price you enter in {store.currency}.
        </p>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>Details</CardTitle>
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
          />
        )}
        {product.active ? (
          <Link
            href={`/s/${store.slug}/p/${product.slug}`}
            className="text-sm text-muted-foreground underline-offset-4 hover:underline"
          >
            View in your storefront
          </Link>
        ) : null}
      </div>
    </div>
  );
}
