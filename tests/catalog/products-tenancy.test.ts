import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { products, storeMembers } from "@/db/schema";
import { createProductAction } from "@/app/(dashboard)/dashboard/products/actions/create-product";
import { setProductActiveAction } from "@/app/(dashboard)/dashboard/products/actions/set-product-active";
import { updateProductAction } from "@/app/(dashboard)/dashboard/products/actions/update-product";
import EditProductPage from "@/app/(dashboard)/dashboard/products/[productId]/page";
import NewProductPage from "@/app/(dashboard)/dashboard/products/new/page";
import ProductsPage from "@/app/(dashboard)/dashboard/products/page";
import { ACTIVE_STORE_COOKIE } from "@/lib/auth/current-member";
import { createProduct, findStoreProduct } from "@/lib/catalog/manage-products";
import { idleState } from "@/lib/forms/action-state";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { actAs, setCookie } from "../support/fake-next";
import { createOwnerWithStore } from "../support/fixtures";
import { expectNotFound, formData, pageText, productForm } from "./product-test-helpers";

vi.mock("@/lib/auth/next-auth", () => import("../support/fake-next"));
vi.mock("next/headers", () => import("../support/fake-next"));
vi.mock("next/cache", () => import("../support/fake-next"));

const db = setupTestDatabase();

type Owner = Awaited<ReturnType<typeof createOwnerWithStore>>;

describe(`tenancy: dashboard products of one store are out of another's reach [${testDbBackend}]`, () => {
  let alice: Owner;
  let bob: Owner;
  beforeEach(async () => {
    alice = await createOwnerWithStore(db(), { storeName: "Alice Teas", currency: "JPY" });
    bob = await createOwnerWithStore(db(), { storeName: "Bob Bikes", currency: "USD" });
    setCookie(ACTIVE_STORE_COOKIE, undefined);
  });

  const storeProducts = (storeId: string) =>
    db().select().from(products).where(eq(products.storeId, storeId));

  let aliceProductId: string;
  beforeEach(async () => {
    // Both stores use the same slug and SKU: only the store id tells the products apart.
    const product = {
      slug: "secret-sencha",
      sku: "A-1",
      description: "",
      imageUrl: null,
      active: true,
    };
    const result = await createProduct(db(), alice.store, {
      ...product,
      name: "Alice Secret Sencha",
      priceMinor: 1800,
    });
    if (!result.ok) throw new Error("fixture");
    aliceProductId = result.product.id;
    await createProduct(db(), bob.store, { ...product, name: "Bob Bell", priceMinor: 1500 });
    actAs(bob);
  });

  const aliceProduct = () => findStoreProduct(db(), alice.store.id, aliceProductId);

  it("keeps another store's product out of lists and edit pages", async () => {
    const list = pageText(await ProductsPage({ searchParams: Promise.resolve({}) }));
    expect(list).toContain("Bob Bell");
    expect(list).not.toContain("Alice Secret Sencha");
    await expectNotFound(
      EditProductPage({
        params: Promise.resolve({ productId: aliceProductId }),
        searchParams: Promise.resolve({}),
      }),
    );
    await expectNotFound(
      EditProductPage({
        params: Promise.resolve({ productId: "not-a-uuid" }),
        searchParams: Promise.resolve({}),
      }),
    );
    actAs(alice);
    const own = pageText(
      await EditProductPage({
        params: Promise.resolve({ productId: aliceProductId }),
        searchParams: Promise.resolve({}),
      }),
    );
    expect(own).toContain("Alice Secret Sencha");
  });

  it("cannot edit or archive another store's product by its id", async () => {
    const edit = await updateProductAction(
      idleState,
      productForm({ productId: aliceProductId, name: "Hijacked", sku: "H-1", price: "1" }),
    );
    expect(edit).toMatchObject({
      status: "error",
      message: "This product was not found in your store.",
    });
    const archive = await setProductActiveAction(
      idleState,
      formData({ productId: aliceProductId, active: "false" }),
    );
    expect(archive).toMatchObject({
      status: "error",
      message: "This product was not found in your store.",
    });
    expect(await aliceProduct()).toMatchObject({ name: "Alice Secret Sencha", active: true });
  });

  it("404s every product action when the active-store cookie names a store the member is not in", async () => {
    setCookie(ACTIVE_STORE_COOKIE, alice.store.slug);
    await expectNotFound(ProductsPage({ searchParams: Promise.resolve({}) }));
    await expectNotFound(NewProductPage());
    await expectNotFound(createProductAction(idleState, productForm({})));
    await expectNotFound(
      updateProductAction(idleState, productForm({ productId: aliceProductId, name: "Hijacked" })),
    );
    await expectNotFound(
      setProductActiveAction(idleState, formData({ productId: aliceProductId, active: "false" })),
    );
    expect(await aliceProduct()).toMatchObject({ name: "Alice Secret Sencha", active: true });
    expect(await storeProducts(alice.store.id)).toHaveLength(1);
  });

  it("lets an agent view products but not change them", async () => {
    await db()
      .insert(storeMembers)
      .values({ storeId: alice.store.id, userId: bob.userId, role: "agent" });
    setCookie(ACTIVE_STORE_COOKIE, alice.store.slug);
    const list = pageText(
      await ProductsPage({ searchParams: Promise.resolve({ status: "active" }) }),
    );
    expect(list).toContain("Alice Secret Sencha");
    const denied = { status: "error", message: "Only the store owner can change this." };
    expect(await createProductAction(idleState, productForm({ sku: "AGENT-1" }))).toMatchObject(
      denied,
    );
    expect(
      await updateProductAction(
        idleState,
        productForm({ productId: aliceProductId, name: "Agent" }),
      ),
    ).toMatchObject(denied);
    expect(
      await setProductActiveAction(
        idleState,
        formData({ productId: aliceProductId, active: "false" }),
      ),
    ).toMatchObject(denied);
    expect(await aliceProduct()).toMatchObject({ name: "Alice Secret Sencha", active: true });
    expect(await storeProducts(alice.store.id)).toHaveLength(1);
    expect(
      await db()
        .select()
        .from(storeMembers)
        .where(and(eq(storeMembers.storeId, alice.store.id), eq(storeMembers.userId, bob.userId))),
    ).toHaveLength(1);
  });
});
