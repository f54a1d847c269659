import "server-only";
import { and, desc, asc, eq, ne, or, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { type Product, products } from "@/db/schema";
import type { FieldErrors } from "@/lib/forms/action-state";
import { type ProductInput, slugify } from "./product-schema";

export const PRODUCT_STATUS_FILTERS = ["all", "active", "archived"] as const;
export type ProductStatusFilter = (typeof PRODUCT_STATUS_FILTERS)[number];

export type ProductCounts = Record<ProductStatusFilter, number>;

export type ProductWriteResult =
  | { ok: true; product: Product }
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors }
  | { ok: false; reason: "not_found" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs and forms; anything that is not a UUID matches no product (and no SQL error). */
export function isProductId(value: string): boolean {
  return UUID.test(value);
}

/** The store's products, most recently changed first. */
export async function listStoreProducts(
  db: Database,
  storeId: string,
  status: ProductStatusFilter = "all",
): Promise<Product[]> {
  const conditions = [eq(products.storeId, storeId)];
  if (status !== "all") conditions.push(eq(products.active, status === "active"));
  return db
    .select()
    .from(products)
    .where(and(...conditions))
    .orderBy(desc(products.updatedAt), asc(products.name));
}

export async function countStoreProducts(db: Database, storeId: string): Promise<ProductCounts> {
  const [row] = await db
    .select({
      all: sql<number>`count(*)::int`,
      active: sql<number>`(count(*) filter (where ${products.active}))::int`,
    })
    .from(products)
    .where(eq(products.storeId, storeId));
  const all = row?.all ?? 0;
  const active = row?.active ?? 0;
  return { all, active, archived: all - active };
}

/** One of the store's products; another store's id is simply not found. */
export async function findStoreProduct(
  db: Database,
  storeId: string,
  productId: string,
): Promise<Product | undefined> {
  if (!isProductId(productId)) return undefined;
  const [product] = await db
    .select()
    .from(products)
    .where(and(eq(products.storeId, storeId), eq(products.id, productId)));
  return product;
}

/** The unique constraint a failed statement violated, if that is why it failed. */
function violatedUniqueConstraint(error: unknown): string | undefined {
  let current: unknown = error;
  while (current && typeof current === "object") {
    const { code, constraint } = current as { code?: unknown; constraint?: unknown };
    if (code === "23505") return typeof constraint === "string" ? constraint : "";
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** After a unique violation: which of the owner's values are taken by another product. */
async function takenFields(
  db: Database,
  storeId: string,
  values: { slug: string; sku: string },
  exceptId: string | undefined,
  constraint: string,
): Promise<{ slug: boolean; sku: boolean }> {
  const clashes = await db
    .select({ slug: products.slug, sku: products.sku })
    .from(products)
    .where(
      and(
        eq(products.storeId, storeId),
        or(eq(products.slug, values.slug), eq(products.sku, values.sku)),
        exceptId ? ne(products.id, exceptId) : undefined,
      ),
    );
  const slug = clashes.some((row) => row.slug === values.slug);
  const sku = clashes.some((row) => row.sku === values.sku);
  // The clashing row may be gone already (a concurrent edit); trust the constraint's name then.
  if (!slug && !sku) return { slug: constraint.includes("slug"), sku: constraint.includes("sku") };
  return { slug, sku };
}

type StoreRef = { id: string; currency: string };

/**
 * Runs `write` with the owner's slug, or with slugs derived from the name (then the SKU),
 * trying "-2", "-3" … while a derived one is taken. A taken slug the owner typed, or a taken
 * SKU, becomes a field error and nothing is written.
 */
async function writeWithUniqueSlug(
  db: Database,
  store: StoreRef,
  input: ProductInput,
  exceptId: string | undefined,
  write: (slug: string) => Promise<Product | undefined>,
): Promise<ProductWriteResult> {
  const base = input.slug ?? (slugify(input.name) || slugify(input.sku) || "product");
  for (let attempt = 1; attempt <= 20; attempt++) {
    const slug = attempt === 1 ? base : `${base.slice(0, 70)}-${attempt}`;
    try {
      const product = await write(slug);
      return product ? { ok: true, product } : { ok: false, reason: "not_found" };
    } catch (error) {
      const constraint = violatedUniqueConstraint(error);
      if (constraint === undefined) throw error;
      const taken = await takenFields(db, store.id, { slug, sku: input.sku }, exceptId, constraint);
      if (taken.slug && !taken.sku && input.slug === null) continue;
      const fieldErrors: FieldErrors = {};
      if (taken.sku) fieldErrors.sku = ["This SKU is already used by another product"];
      if (taken.slug && input.slug !== null) {
        fieldErrors.slug = ["This slug is already used by another product"];
      }
      if (!fieldErrors.sku && !fieldErrors.slug) {
        fieldErrors.sku = ["This SKU or slug is already used by another product"];
      }
      return { ok: false, reason: "invalid", fieldErrors };
    }
  }
  return {
    ok: false,
    reason: "invalid",
    fieldErrors: { slug: ["Could not find a free slug; enter one"] },
  };
}

/** Adds a product to the store, priced in the store's currency. */
export async function createProduct(
  db: Database,
  store: StoreRef,
  input: ProductInput,
): Promise<ProductWriteResult> {
  return writeWithUniqueSlug(db, store, input, undefined, async (slug) => {
    const [product] = await db
      .insert(products)
      .values({
        storeId: store.id,
        slug,
        sku: input.sku,
        name: input.name,
        description: input.description,
        priceMinor: input.priceMinor,
        currency: store.currency,
        imageUrl: input.imageUrl,
        active: input.active,
        translations: input.translations ?? {},
      })
      .returning();
    return product;
  });
}

/** Changes one of the store's products; an id from another store is not found. */
export async function updateProduct(
  db: Database,
  store: StoreRef,
  productId: string,
  input: ProductInput,
): Promise<ProductWriteResult> {
  if (!isProductId(productId)) return { ok: false, reason: "not_found" };
  return writeWithUniqueSlug(db, store, input, productId, async (slug) => {
    const [product] = await db
      .update(products)
      .set({
        slug,
        sku: input.sku,
        name: input.name,
        description: input.description,
        priceMinor: input.priceMinor,
        currency: store.currency,
        imageUrl: input.imageUrl,
        active: input.active,
        ...(input.translations && { translations: input.translations }),
        updatedAt: new Date(),
      })
      .where(and(eq(products.storeId, store.id), eq(products.id, productId)))
      .returning();
    return product;
  });
}

/**
 * Archives (active = false) or restores a product. The row stays: orders and carts refer
 * to it. Returns undefined for an id that is not the store's.
 */
export async function setProductActive(
  db: Database,
  storeId: string,
  productId: string,
  active: boolean,
): Promise<Product | undefined> {
  if (!isProductId(productId)) return undefined;
  const [product] = await db
    .update(products)
    .set({ active, updatedAt: new Date() })
    .where(and(eq(products.storeId, storeId), eq(products.id, productId)))
    .returning();
  return product;
}
