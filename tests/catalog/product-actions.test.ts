import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { products } from "@/db/schema";
import { createProductAction } from "@/app/(dashboard)/dashboard/products/actions/create-product";
import { setProductActiveAction } from "@/app/(dashboard)/dashboard/products/actions/set-product-active";
import { updateProductAction } from "@/app/(dashboard)/dashboard/products/actions/update-product";
import ProductsPage from "@/app/(dashboard)/dashboard/products/page";
import { ACTIVE_STORE_COOKIE } from "@/lib/auth/current-member";
import { setImageUploadRoot } from "@/lib/catalog/image-uploads";
import { findStoreProduct } from "@/lib/catalog/manage-products";
import { idleState } from "@/lib/forms/action-state";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { actAs, setCookie } from "../support/fake-next";
import { createOwnerWithStore } from "../support/fixtures";
import { formData, pageText, productForm, redirectOf, tinyPng } from "./product-test-helpers";

vi.mock("@/lib/auth/next-auth", () => import("../support/fake-next"));
vi.mock("next/headers", () => import("../support/fake-next"));
vi.mock("next/cache", () => import("../support/fake-next"));

const db = setupTestDatabase();

type Owner = Awaited<ReturnType<typeof createOwnerWithStore>>;

describe(`dashboard products: actions and pages [${testDbBackend}]`, () => {
  let uploadRoot: string;
  let alice: Owner; // JPY
  let bob: Owner; // USD

  beforeAll(async () => {
    uploadRoot = await mkdtemp(path.join(tmpdir(), "chatcart-product-uploads-"));
    setImageUploadRoot(uploadRoot);
  });
  afterAll(async () => {
    setImageUploadRoot(undefined);
    await rm(uploadRoot, { recursive: true, force: true });
  });

  beforeEach(async () => {
    alice = await createOwnerWithStore(db(), { storeName: "Alice Teas", currency: "JPY" });
    bob = await createOwnerWithStore(db(), { storeName: "Bob Bikes", currency: "USD" });
    actAs(alice);
    setCookie(ACTIVE_STORE_COOKIE, undefined);
  });

  const storeProducts = (storeId: string) =>
    db().select().from(products).where(eq(products.storeId, storeId));
  const uploadedFiles = async (storeId: string) => {
    const folder = path.join(uploadRoot, storeId);
    return existsSync(folder) ? readdir(folder) : [];
  };

  it("creates a product with an uploaded image and opens its edit page", async () => {
    const image = new File([tinyPng()], "matcha.png", { type: "image/png" });
    const location = await redirectOf(
      createProductAction(idleState, productForm({ price: "2,800", slug: "" }, image)),
    );
    const [product] = await storeProducts(alice.store.id);
    expect(location).toBe(`/dashboard/products/${product?.id}?created=1`);
    expect(product).toMatchObject({
      name: "Matcha Gift Set",
      slug: "matcha-gift-set",
      priceMinor: 2800,
      currency: "JPY",
      active: true,
    });
    expect(product?.imageUrl).toMatch(
      new RegExp(`^/uploads/${alice.store.id}/[0-9a-f]{32}\\.png$`),
    );
    const files = await uploadedFiles(alice.store.id);
    expect(files).toEqual([path.basename(product?.imageUrl ?? "")]);
  });

  it("parses the price in the store's currency and reports bad input as field errors", async () => {
    actAs(bob);
    const result = await createProductAction(
      idleState,
      productForm({ name: "", price: "19.999", imageUrl: "http://example.com/a.png" }),
    );
    expect(result).toMatchObject({
      status: "error",
      fieldErrors: {
        name: ["Enter the product name"],
        price: ["USD prices have at most 2 decimals, e.g. 19.99"],
        imageUrl: [expect.stringMatching(/https/)],
      },
      values: { price: "19.999" },
    });
    expect(await storeProducts(bob.store.id)).toEqual([]);

    await redirectOf(createProductAction(idleState, productForm({ price: "19.99" })));
    expect(await storeProducts(bob.store.id)).toMatchObject([
      { priceMinor: 1999, currency: "USD" },
    ]);
  });

  it("refuses a duplicate slug or SKU with a field error, writing no row and no file", async () => {
    await redirectOf(createProductAction(idleState, productForm({ slug: "gift", sku: "G-1" })));
    const image = new File([tinyPng()], "second.png", { type: "image/png" });
    const slugTaken = await createProductAction(
      idleState,
      productForm({ slug: "gift", sku: "G-2" }, image),
    );
    expect(slugTaken).toMatchObject({
      status: "error",
      fieldErrors: { slug: ["This slug is already used by another product"] },
    });
    const skuTaken = await createProductAction(
      idleState,
      productForm({ slug: "gift-2", sku: "G-1" }, image),
    );
    expect(skuTaken).toMatchObject({
      status: "error",
      fieldErrors: { sku: ["This SKU is already used by another product"] },
    });
    expect(await storeProducts(alice.store.id)).toHaveLength(1);
    expect(await uploadedFiles(alice.store.id)).toEqual([]);
  });

  it("checks uploads by their bytes: no text named .png, no SVG, nothing over 2 MB", async () => {
    const cases = [
      [new File(["not really an image"], "photo.png", { type: "image/png" }), /not a PNG, JPEG/],
      [
        new File(
          ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
          "logo.svg",
          {
            type: "image/svg+xml",
          },
        ),
        /SVG files can't be uploaded/,
      ],
      [new File([tinyPng(), new Uint8Array(2 * 1024 * 1024)], "huge.png"), /larger than 2 MB/],
    ] as const;
    for (const [file, message] of cases) {
      const result = await createProductAction(idleState, productForm({}, file));
      expect(result).toMatchObject({
        status: "error",
        fieldErrors: { imageFile: [expect.stringMatching(message)] },
      });
    }
    expect(await storeProducts(alice.store.id)).toEqual([]);
    expect(await uploadedFiles(alice.store.id)).toEqual([]);
  });

  it("asks for the image again when other fields were wrong, and keeps nothing", async () => {
    const image = new File([tinyPng()], "ok.png", { type: "image/png" });
    const result = await createProductAction(idleState, productForm({ price: "-1" }, image));
    expect(result).toMatchObject({
      status: "error",
      fieldErrors: {
        price: ["The price can't be negative"],
        imageFile: ["Choose the image again after correcting the other fields"],
      },
    });
    expect(await uploadedFiles(alice.store.id)).toEqual([]);
  });

  it("edits a product and archives and restores it", async () => {
    await redirectOf(
      createProductAction(
        idleState,
        productForm({ slug: "gift", imageUrl: "/products/kyoto-hojicha-100g.svg" }),
      ),
    );
    const [product] = await storeProducts(alice.store.id);
    const id = product?.id ?? "";
    const saved = await updateProductAction(
      idleState,
      productForm({
        productId: id,
        name: "Matcha Set",
        slug: "gift",
        sku: "KTC-100",
        price: "3200",
        description: "New tin",
        imageUrl: "/products/kyoto-hojicha-100g.svg",
      }),
    );
    expect(saved).toEqual({ status: "success", message: "Product saved." });
    expect(await findStoreProduct(db(), alice.store.id, id)).toMatchObject({
      name: "Matcha Set",
      priceMinor: 3200,
      description: "New tin",
      imageUrl: "/products/kyoto-hojicha-100g.svg",
    });

    const archived = await setProductActiveAction(
      idleState,
      formData({ productId: id, active: "false" }),
    );
    expect(archived).toEqual({ status: "success", message: "Archived “Matcha Set”." });
    expect(await findStoreProduct(db(), alice.store.id, id)).toMatchObject({ active: false });
    await setProductActiveAction(idleState, formData({ productId: id, active: "true" }));
    expect(await findStoreProduct(db(), alice.store.id, id)).toMatchObject({ active: true });
  });

  it("saves names and descriptions per language, keeps what was typed after an error", async () => {
    await redirectOf(
      createProductAction(
        idleState,
        productForm({ name_ja: "抹茶ギフトセット", description_ko: "말차 선물 세트" }),
      ),
    );
    const [product] = await storeProducts(alice.store.id);
    expect(product?.translations).toEqual({
      ja: { name: "抹茶ギフトセット" },
      ko: { description: "말차 선물 세트" },
    });

    const refused = await updateProductAction(
      idleState,
      productForm({ productId: product!.id, name_ja: "抹".repeat(121), name_ko: "말차" }),
    );
    expect(refused).toMatchObject({
      status: "error",
      fieldErrors: { name_ja: ["Keep the name under 120 characters"] },
      values: { name_ko: "말차" },
    });

    // Emptied fields go back to the default name.
    await updateProductAction(idleState, productForm({ productId: product!.id, name_ja: "" }));
    expect((await findStoreProduct(db(), alice.store.id, product!.id))?.translations).toEqual({});
  });

  it("ignores a store id smuggled into the form", async () => {
    await redirectOf(createProductAction(idleState, productForm({ storeId: bob.store.id })));
    expect(await storeProducts(alice.store.id)).toHaveLength(1);
    expect(await storeProducts(bob.store.id)).toEqual([]);
  });

  it("filters the list by status", async () => {
    for (const [sku, active] of [
      ["ON-1", "on"],
      ["OFF-1", ""],
    ] as const) {
      const form = productForm({ name: `Product ${sku}`, sku });
      if (!active) form.delete("active");
      await redirectOf(createProductAction(idleState, form));
    }
    const page = async (status?: string) =>
      pageText(await ProductsPage({ searchParams: Promise.resolve(status ? { status } : {}) }));
    expect(await page("archived")).toContain("Product OFF-1");
    expect(await page("archived")).not.toContain("Product ON-1");
    expect(await page("active")).not.toContain("Product OFF-1");
    const all = await page("nonsense");
    expect(all).toContain("Product ON-1");
    expect(all).toContain("Product OFF-1");
  });
});
