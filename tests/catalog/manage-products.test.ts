import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { products } from "@/db/schema";
import {
  countStoreProducts,
  createProduct,
  findStoreProduct,
  listStoreProducts,
  setProductActive,
  updateProduct,
} from "@/lib/catalog/manage-products";
import { listActiveProducts } from "@/lib/catalog/products";
import type { ProductInput } from "@/lib/catalog/product-schema";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { createOwnerWithStore } from "../support/fixtures";

const db = setupTestDatabase();

let skuCounter = 0;
const input = (overrides: Partial<ProductInput> = {}): ProductInput => ({
  name: "Matcha Gift Set",
  slug: null,
  sku: `SKU-${++skuCounter}`,
  description: "Tin of matcha and a whisk.",
  priceMinor: 2800,
  imageUrl: null,
  active: true,
  ...overrides,
});

async function create(
  store: { id: string; currency: string },
  overrides: Partial<ProductInput> = {},
) {
  const result = await createProduct(db(), store, input(overrides));
  if (!result.ok) throw new Error(`create failed: ${JSON.stringify(result)}`);
  return result.product;
}

async function rowCount(storeId: string) {
  return (await db().select().from(products).where(eq(products.storeId, storeId))).length;
}

describe(`catalog: managing a store's products [${testDbBackend}]`, () => {
  let store: Awaited<ReturnType<typeof createOwnerWithStore>>["store"];
  let other: Awaited<ReturnType<typeof createOwnerWithStore>>["store"];

  beforeEach(async () => {
    store = (await createOwnerWithStore(db(), { currency: "JPY" })).store;
    other = (await createOwnerWithStore(db(), { currency: "USD" })).store;
  });

  it("creates a product in the store's currency with a slug derived from the name", async () => {
    const product = await create(store, { name: "Uji Matcha (30 g)", priceMinor: 2800 });
    expect(product).toMatchObject({
      storeId: store.id,
      slug: "uji-matcha-30-g",
      currency: "JPY",
      priceMinor: 2800,
      active: true,
    });
    expect(await findStoreProduct(db(), store.id, product.id)).toMatchObject({ id: product.id });
  });

  it("derives a free slug when the name's slug is taken, and from the SKU for non-Latin names", async () => {
    const first = await create(store, { name: "Gift Set" });
    const second = await create(store, { name: "Gift Set" });
    const third = await create(store, { name: "Gift  set!" });
    expect([first.slug, second.slug, third.slug]).toEqual(["gift-set", "gift-set-2", "gift-set-3"]);
    const japanese = await create(store, { name: "抹茶セット", sku: "KTC-JP-1" });
    expect(japanese.slug).toBe("ktc-jp-1");
  });

  it("turns a taken slug or SKU into field errors and writes nothing", async () => {
    await create(store, { slug: "gift-set", sku: "KTC-1" });
    const before = await rowCount(store.id);

    const slugTaken = await createProduct(db(), store, input({ slug: "gift-set" }));
    expect(slugTaken).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { slug: ["This slug is already used by another product"] },
    });
    const skuTaken = await createProduct(db(), store, input({ sku: "KTC-1" }));
    expect(skuTaken).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { sku: ["This SKU is already used by another product"] },
    });
    const both = await createProduct(db(), store, input({ slug: "gift-set", sku: "KTC-1" }));
    expect(both).toMatchObject({
      ok: false,
      fieldErrors: { slug: [expect.any(String)], sku: [expect.any(String)] },
    });
    expect(await rowCount(store.id)).toBe(before);
  });

  it("allows the same slug and SKU in another store", async () => {
    await create(store, { slug: "gift-set", sku: "KTC-1" });
    const product = await create(other, { slug: "gift-set", sku: "KTC-1", priceMinor: 1999 });
    expect(product).toMatchObject({ storeId: other.id, currency: "USD", slug: "gift-set" });
  });

  it("updates a product, keeps its own slug and SKU, and refuses another product's", async () => {
    const a = await create(store, { slug: "a", sku: "A" });
    await create(store, { slug: "b", sku: "B" });
    const renamed = await updateProduct(
      db(),
      store,
      a.id,
      input({ name: "New name", slug: "a", sku: "A", priceMinor: 3000 }),
    );
    expect(renamed).toMatchObject({
      ok: true,
      product: { name: "New name", slug: "a", priceMinor: 3000 },
    });

    const clash = await updateProduct(
      db(),
      store,
      a.id,
      input({ name: "Clash", slug: "b", sku: "B" }),
    );
    expect(clash).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { slug: [expect.any(String)], sku: [expect.any(String)] },
    });
    expect(await findStoreProduct(db(), store.id, a.id)).toMatchObject({
      name: "New name",
      slug: "a",
      sku: "A",
    });
  });

  it("re-prices an edited product in the store's current currency", async () => {
    const product = await create(store);
    const usdStore = { id: store.id, currency: "USD" };
    const result = await updateProduct(db(), usdStore, product.id, input({ priceMinor: 1999 }));
    expect(result).toMatchObject({ ok: true, product: { currency: "USD", priceMinor: 1999 } });
  });

  it("archives and restores without deleting the row", async () => {
    const product = await create(store);
    expect(await setProductActive(db(), store.id, product.id, false)).toMatchObject({
      active: false,
    });
    expect(await findStoreProduct(db(), store.id, product.id)).toMatchObject({ active: false });
    expect((await listActiveProducts(db(), store.id)).map((p) => p.id)).not.toContain(product.id);
    expect(await setProductActive(db(), store.id, product.id, true)).toMatchObject({
      active: true,
    });
    expect((await listActiveProducts(db(), store.id)).map((p) => p.id)).toContain(product.id);
  });

  it("lists and counts by status", async () => {
    const active = await create(store);
    const archived = await create(store, { active: false });
    await create(other);
    const ids = async (status: "all" | "active" | "archived") =>
      (await listStoreProducts(db(), store.id, status)).map((p) => p.id).sort();
    expect(await ids("all")).toEqual([active.id, archived.id].sort());
    expect(await ids("active")).toEqual([active.id]);
    expect(await ids("archived")).toEqual([archived.id]);
    expect(await countStoreProducts(db(), store.id)).toEqual({ all: 2, active: 1, archived: 1 });
  });

  it("never reaches another store's product by id", async () => {
    const theirs = await create(other, { name: "Theirs", priceMinor: 500 });
    expect(await findStoreProduct(db(), store.id, theirs.id)).toBeUndefined();
    expect(await updateProduct(db(), store, theirs.id, input({ name: "Hijacked" }))).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await setProductActive(db(), store.id, theirs.id, false)).toBeUndefined();
    expect(await findStoreProduct(db(), other.id, theirs.id)).toMatchObject({
      name: "Theirs",
      active: true,
    });
  });

  it("treats malformed ids as not found instead of failing the query", async () => {
    expect(await findStoreProduct(db(), store.id, "not-a-uuid")).toBeUndefined();
    expect(await findStoreProduct(db(), store.id, "'; drop table products; --")).toBeUndefined();
    expect(await setProductActive(db(), store.id, "123", false)).toBeUndefined();
    expect(await updateProduct(db(), store, "", input())).toEqual({
      ok: false,
      reason: "not_found",
    });
  });
});
