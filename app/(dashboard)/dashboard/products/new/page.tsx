import type { Metadata } from "next";
import Link from "next/link";
import { ProductForm } from "@/components/products/product-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/current-member";
import { examplePriceInput } from "@/lib/catalog/price";
import { productFormValues } from "@/lib/catalog/product-schema";
import { translationLanguages } from "@/lib/i18n/languages";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "New product" };

export default async function NewProductPage() {
  const { store, role } = await requireMember();
  const readOnly = role !== "owner";
  return (
    <div className="grid max-w-3xl gap-6">
      <div>
        <Link href="/dashboard/products" className="text-sm text-muted-foreground hover:underline">
          ← Products
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">New product</h1>
        {readOnly ? (
          <p className="text-sm text-muted-foreground">Only the store owner can add products.</p>
        ) : null}
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Details</CardTitle>
        </CardHeader>
        <CardContent>
          <ProductForm
            initial={productFormValues()}
            currency={store.currency}
            priceExample={examplePriceInput(store.currency)}
            uploadsEnabled={env().NODE_ENV !== "production"}
            readOnly={readOnly}
            languages={translationLanguages(store.defaultLanguage)}
          />
        </CardContent>
      </Card>
    </div>
  );
}
