import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { type Product, products } from "@/db/schema";

/** An active product of the store by its slug; archived or unknown products are undefined. */
export async function findActiveProduct(
  db: Database,
  storeId: string,
  slug: string,
): Promise<Product | undefined> {
  const [product] = await db
    .select()
    .from(products)
    .where(and(eq(products.storeId, storeId), eq(products.slug, slug), eq(products.active, true)));
  return product;
}
