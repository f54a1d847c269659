import type { Metadata } from "next";
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

export const metadata: Metadata = { title: "Products" };

const searchSchema = z.object({ status: z.enum(PRODUCT_STATUS_FILTERS).catch("all") });

const EMPTY_MESSAGES = {
  all: "No products yet. Add your first one to show it in your storefront and in chats.",
  active: "No active products. Restore an archived one or add a new product.",
  archived: "No archived products.",
};

export default async function ProductsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, store, role } = await requireMember();
  const { status } = searchSchema.parse(await searchParams);
  const [products, counts] = await Promise.all([
    listStoreProducts(db, store.id, status),
    countStoreProducts(db, store.id),
  ]);
  const canEdit = role === "owner";
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Products</h1>
          <p className="text-sm text-muted-foreground">
            {canEdit
              ? `Prices are in ${store.currency}, your store's currency. Archived products stay on past orders but leave the storefront.`
              : "Only the store owner can add or change products."}
          </p>
        </div>
        {canEdit ? (
          <Button asChild>
            <Link href="/dashboard/products/new">
              <Plus aria-hidden />
              New product
            </Link>
          </Button>
        ) : null}
      </div>
      <ProductStatusFilterLinks current={status} counts={counts} />
      <Card>
        <CardContent>
          {products.length > 0 ? (
            <ProductTable products={products} canEdit={canEdit} />
          ) : (
            <p className="py-8 text-center text-sm text-muted-foreground">
              {EMPTY_MESSAGES[status]}
            </p>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
