import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { orders, products } from "@/db/schema";

/**
 * Why the store's currency can no longer change, or null while it still can. Prices and
 * order totals are minor units of the store's currency: after the first priced product or
 * order, a new currency would relabel them (¥2,800 becoming $28.00), strand carts and mix
 * currencies in totals. Every product has a price (price_minor is not null), archived ones too.
 */
export async function currencyLockReason(db: Database, storeId: string): Promise<string | null> {
  const [[order], [product]] = await Promise.all([
    db.select({ id: orders.id }).from(orders).where(eq(orders.storeId, storeId)).limit(1),
    db.select({ id: products.id }).from(products).where(eq(products.storeId, storeId)).limit(1),
  ]);
  if (order) return "The currency is fixed once the store has orders: their totals are in it.";
  if (product) {
    return "The currency is fixed once the store has priced products: their prices are in it.";
  }
  return null;
}

/** A currency change refused by `currencyLockReason`; the message says why. */
export class CurrencyLockedError extends Error {
  override name = "CurrencyLockedError";
}
