import Link from "next/link";
import { Plus } from "lucide-react";
import { z } from "zod";
import { ProductStatusFilterLinks } from "@/components/products/product-status-filter";
import { ProductTable } from "@/components/products/product-table";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/current-member";
import {
  countStoreProducts,
  listStoreProducts,
  PRODUCT_STATUS_FILTERS,
} from "@/lib/catalog/manage-products";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";

export async function generateMetadata() {
  return { title: (await getDashboardStrings()).t.products.title };
}

const searchSchema = z.object({ status: z.enum(PRODUCT_STATUS_FILTERS).catch("all") });

export default async function ProductsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, store, role } = await requireMember();
  const { status } = searchSchema.parse(await searchParams);
  const [products, counts, strings] = await Promise.all([
    listStoreProducts(db, store.id, status),
    countStoreProducts(db, store.id),
    getDashboardStrings(),
  ]);
  const t = strings.t.products;
  const canEdit = role === "owner";
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t.title}</h1>
          <p className="text-sm text-muted-foreground">
            {canEdit ? formatMessage(t.intro, { currency: store.currency }) : t.agentIntro}
          </p>
        </div>
        {canEdit ? (
          <Button asChild>
            <Link href="/dashboard/products/new">
              <Plus aria-hidden />
              {t.newProduct}
            </Link>
          </Button>
        ) : null}
      </div>
      <ProductStatusFilterLinks current={status} counts={counts} t={t} />
      <Card>
        <CardContent>
          {products.length > 0 ? (
            <ProductTable products={products} canEdit={canEdit} strings={strings} />
          ) : (
            <p className="py-8 text-center text-sm text-muted-foreground">{t.empty[status]}</p>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
