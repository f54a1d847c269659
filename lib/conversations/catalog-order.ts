import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { products } from "@/db/schema";
import type { InboundContent } from "@/lib/whatsapp/content";

type CatalogOrder = Extract<InboundContent, { kind: "order" }>;

/**
 * A native WhatsApp cart with each item matched to the store's active product by SKU (the
 * catalog's retailer id), so the inbox shows our products and a later step can price an
 * order from the database. Items that match nothing keep `productId: null`.
 */
export async function matchCatalogOrder(
  db: Database,
  storeId: string,
  order: CatalogOrder,
): Promise<CatalogOrder> {
  const skus = [...new Set(order.items.map((item) => item.retailerId))];
  const rows = await db
    .select({ id: products.id, sku: products.sku })
    .from(products)
    .where(
      and(eq(products.storeId, storeId), eq(products.active, true), inArray(products.sku, skus)),
    );
  const bySku = new Map(rows.map((row) => [row.sku, row.id]));
  return {
    ...order,
    items: order.items.map((item) => ({ ...item, productId: bySku.get(item.retailerId) ?? null })),
  };
}
