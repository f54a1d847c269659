import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { products } from "@/db/schema";

export async function listActiveProducts(db: Database, storeId: string) {
  return db
    .select()
    .from(products)
    .where(and(eq(products.storeId, storeId), eq(products.active, true)))
    .orderBy(asc(products.sku));
}
