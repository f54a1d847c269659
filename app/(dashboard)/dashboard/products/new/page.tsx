import Link from "next/link";
import { ProductForm } from "@/components/products/product-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/current-member";
import { examplePriceInput } from "@/lib/catalog/price";
import { productFormValues } from "@/lib/catalog/product-schema";
import { translationLanguages } from "@/lib/i18n/languages";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { env } from "@/lib/env";

export async function generateMetadata() {
  return { title: (await getDashboardStrings()).t.productForm.newTitle };
}

export default async function NewProductPage() {
  const { store, role } = await requireMember();
  const { t } = await getDashboardStrings();
  const readOnly = role !== "owner";
  return (
    <div className="grid max-w-3xl gap-6">
      <div>
        <Link href="/dashboard/products" className="text-sm text-muted-foreground hover:underline">
          {t.productForm.back}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">{t.productForm.newTitle}</h1>
        {readOnly ? (
          <p className="text-sm text-muted-foreground">{t.productForm.ownerOnlyAdd}</p>
        ) : null}
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t.productForm.details}</CardTitle>
        </CardHeader>
        <CardContent>
          <ProductForm
            initial={productFormValues()}
            currency={store.currency}
            priceExample={examplePriceInput(store.currency)}
            uploadsEnabled={env().NODE_ENV !== "production"}
            readOnly={readOnly}
            languages={translationLanguages(store.defaultLanguage)}
            t={t.productForm}
            forms={t.forms}
          />
        </CardContent>
      </Card>
    </div>
  );
}
