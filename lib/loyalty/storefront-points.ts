import "server-only";
import type { Database } from "@/db/drivers";
import { pointsForPayment } from "./calculate";
import { loadProgramme } from "./program";

/**
 * "Earn N points" on a product page: what its price earns at the first tier's rate, when
 * the store's programme is on; null when it is off or the price earns nothing.
 */
export async function productEarnPoints(
  db: Database,
  storeId: string,
  priceMinor: number,
): Promise<number | null> {
  const programme = await loadProgramme(db, storeId);
  if (!programme?.enabled) return null;
  const points = pointsForPayment(priceMinor, programme.rules, programme.rules.tiers[0]!);
  return points > 0 ? points : null;
}
