import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { stores } from "@/db/schema";

/** "Kyoto Tea House" → "KT"; no Latin letters in the name → the slug's; else "CC". */
export function orderNumberPrefix(storeName: string, slug: string): string {
  const initials = (text: string) =>
    text
      .split(/[^A-Za-z0-9]+/)
      .filter((word) => /^[A-Za-z]/.test(word))
      .map((word) => word[0]!.toUpperCase())
      .join("")
      .slice(0, 2);
  const fromName = initials(storeName);
  if (fromName.length === 2) return fromName;
  const fromSlug = initials(slug.replace(/-/g, " "));
  return fromSlug.length === 2 ? fromSlug : fromSlug.length === 1 ? `${fromSlug}C` : "CC";
}

/**
 * The store's next order number ("KT-10482"). The increment locks the store row until the
 * caller's transaction ends, so two orders of one store never share a number; other stores
 * are not held up.
 */
export async function takeOrderNumber(tx: Database, storeId: string): Promise<string> {
  const [row] = await tx
    .update(stores)
    .set({ lastOrderSequence: sql`${stores.lastOrderSequence} + 1` })
    .where(eq(stores.id, storeId))
    .returning({ sequence: stores.lastOrderSequence, name: stores.name, slug: stores.slug });
  if (!row) throw new Error(`store ${storeId} not found`);
  return `${orderNumberPrefix(row.name, row.slug)}-${row.sequence}`;
}
