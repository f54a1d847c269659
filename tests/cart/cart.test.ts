import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { cartItems, carts, products, type Product } from "@/db/schema";
import {
  addItem,
  CART_TOKEN_PATTERN,
  cartItemCount,
  cartWithTotals,
  findCart,
  getOrCreateCart,
  removeItem,
  setQuantity,
} from "@/lib/cart/cart";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { createOwnerWithStore } from "../support/fixtures";

const db = setupTestDatabase();

let counter = 0;
async function createProduct(
  storeId: string,
  values: Partial<Pick<Product, "priceMinor" | "active" | "currency" | "name">> = {},
): Promise<Product> {
  counter += 1;
  const [product] = await db()
    .insert(products)
    .values({
      storeId,
      slug: `product-${counter}`,
      sku: `SKU-${counter}`,
      name: values.name ?? `Product ${counter}`,
      priceMinor: values.priceMinor ?? 1000,
      currency: values.currency ?? "JPY",
      active: values.active ?? true,
    })
    .returning();
  if (!product) throw new Error("no product");
  return product;
}

async function quantityOf(cartId: string, productId: string) {
  const [row] = await db()
    .select({ quantity: cartItems.quantity })
    .from(cartItems)
    .where(and(eq(cartItems.cartId, cartId), eq(cartItems.productId, productId)));
  return row?.quantity;
}

describe(`cart [${testDbBackend}]`, () => {
  let storeA: Awaited<ReturnType<typeof createOwnerWithStore>>["store"];
  let storeB: Awaited<ReturnType<typeof createOwnerWithStore>>["store"];

  beforeEach(async () => {
    storeA = (await createOwnerWithStore(db(), { storeName: "Alice Ceramics" })).store;
    storeB = (await createOwnerWithStore(db(), { storeName: "Bob Bikes" })).store;
  });

  it("creates a cart with a random 32-byte base64url token, and finds it again by token", async () => {
    const first = await getOrCreateCart(db(), storeA.id, undefined, { language: "ja" });
    expect(first.created).toBe(true);
    expect(first.cart.token).toMatch(CART_TOKEN_PATTERN);
    expect(Buffer.from(first.cart.token, "base64url")).toHaveLength(32);
    expect(first.cart).toMatchObject({ storeId: storeA.id, status: "active", language: "ja" });

    const again = await getOrCreateCart(db(), storeA.id, first.cart.token);
    expect(again).toEqual({ cart: first.cart, created: false });
    const other = await getOrCreateCart(db(), storeA.id, undefined);
    expect(other.cart.token).not.toBe(first.cart.token);
    const garbage = await getOrCreateCart(db(), storeA.id, "not-a-token' or 1=1 --");
    expect(garbage.created).toBe(true);
  });

  it("adds, raises, sets and removes quantities", async () => {
    const tea = await createProduct(storeA.id);
    const { cart } = await getOrCreateCart(db(), storeA.id, undefined);
    expect(await addItem(db(), cart, tea.id, 2)).toEqual({ ok: true, quantity: 2 });
    expect(await addItem(db(), cart, tea.id, 3)).toEqual({ ok: true, quantity: 5 });
    expect(await quantityOf(cart.id, tea.id)).toBe(5);
    expect(await setQuantity(db(), cart, tea.id, 7)).toEqual({ ok: true, quantity: 7 });
    expect(await removeItem(db(), cart, tea.id)).toBe(true);
    expect(await quantityOf(cart.id, tea.id)).toBeUndefined();
    expect(await removeItem(db(), cart, tea.id)).toBe(false);
    expect(await setQuantity(db(), cart, tea.id, 2)).toEqual({ ok: false, reason: "not_in_cart" });
  });

  it("keeps quantities between 1 and 99", async () => {
    const tea = await createProduct(storeA.id);
    const { cart } = await getOrCreateCart(db(), storeA.id, undefined);
    for (const quantity of [0, -1, 100, 1.5, Number.NaN]) {
      expect(await addItem(db(), cart, tea.id, quantity)).toEqual({
        ok: false,
        reason: "invalid_quantity",
      });
    }
    expect(await quantityOf(cart.id, tea.id)).toBeUndefined();
    await addItem(db(), cart, tea.id, 60);
    expect(await addItem(db(), cart, tea.id, 60)).toEqual({ ok: true, quantity: 99 });
    expect(await setQuantity(db(), cart, tea.id, 100)).toMatchObject({ ok: false });
    expect(await setQuantity(db(), cart, tea.id, 0)).toMatchObject({ ok: false });
    expect(await quantityOf(cart.id, tea.id)).toBe(99);
  });

  it("totals from the current prices, not the prices when added", async () => {
    const tea = await createProduct(storeA.id, { priceMinor: 1200 });
    const bowl = await createProduct(storeA.id, { priceMinor: 6800 });
    const { cart } = await getOrCreateCart(db(), storeA.id, undefined);
    await addItem(db(), cart, tea.id, 3);
    await addItem(db(), cart, bowl.id, 1);
    expect((await cartWithTotals(db(), cart)).subtotalMinor).toBe(3 * 1200 + 6800);

    await db().update(products).set({ priceMinor: 1500 }).where(eq(products.id, tea.id));
    const totals = await cartWithTotals(db(), cart);
    expect(totals.subtotalMinor).toBe(3 * 1500 + 6800);
    expect(totals.itemCount).toBe(4);
    expect(totals.currency).toBe("JPY");
    expect(totals.lines.find((line) => line.productId === tea.id)).toMatchObject({
      quantity: 3,
      unitPriceMinor: 1500,
      lineTotalMinor: 4500,
      available: true,
    });
  });

  it("totals in integer minor units without floating-point drift", async () => {
    const store = (await createOwnerWithStore(db(), { currency: "USD" })).store;
    const a = await createProduct(store.id, { priceMinor: 10, currency: "USD" });
    const b = await createProduct(store.id, { priceMinor: 20, currency: "USD" });
    const { cart } = await getOrCreateCart(db(), store.id, undefined);
    await addItem(db(), cart, a.id, 1);
    await addItem(db(), cart, b.id, 1);
    const totals = await cartWithTotals(db(), cart);
    expect(totals.subtotalMinor).toBe(30); // 0.10 + 0.20 would be 0.30000000000000004
    expect(Number.isInteger(totals.subtotalMinor)).toBe(true);
  });

  it("refuses inactive products, and shows archived ones as unavailable, outside the total", async () => {
    const tea = await createProduct(storeA.id, { priceMinor: 1000 });
    const limited = await createProduct(storeA.id, { priceMinor: 5000 });
    const archived = await createProduct(storeA.id, { active: false });
    const { cart } = await getOrCreateCart(db(), storeA.id, undefined);
    expect(await addItem(db(), cart, archived.id, 1)).toEqual({ ok: false, reason: "unavailable" });
    await addItem(db(), cart, tea.id, 2);
    await addItem(db(), cart, limited.id, 1);

    await db().update(products).set({ active: false }).where(eq(products.id, limited.id));
    const totals = await cartWithTotals(db(), cart);
    expect(totals.lines).toHaveLength(2);
    expect(totals.lines.find((line) => line.productId === limited.id)?.available).toBe(false);
    expect(totals.subtotalMinor).toBe(2000);
    expect(totals.itemCount).toBe(2);
    expect(await cartItemCount(db(), storeA.id, cart.token)).toBe(2);
  });

  it("does not count a product priced in another currency than the store's", async () => {
    const tea = await createProduct(storeA.id, { priceMinor: 1000 });
    const dollars = await createProduct(storeA.id, { priceMinor: 999, currency: "USD" });
    const { cart } = await getOrCreateCart(db(), storeA.id, undefined);
    await addItem(db(), cart, tea.id, 1);
    await addItem(db(), cart, dollars.id, 1);
    const totals = await cartWithTotals(db(), cart);
    expect(totals.subtotalMinor).toBe(1000);
    expect(await cartItemCount(db(), storeA.id, cart.token)).toBe(1);
  });

  it("never lets another store's cart token show or change anything", async () => {
    const teaA = await createProduct(storeA.id, { priceMinor: 1000 });
    const bikeB = await createProduct(storeB.id, { priceMinor: 50000 });
    const { cart: cartB } = await getOrCreateCart(db(), storeB.id, undefined);
    await addItem(db(), cartB, bikeB.id, 1);

    // Store A's storefront receives store B's token.
    expect(await findCart(db(), storeA.id, cartB.token)).toBeUndefined();
    expect(await cartItemCount(db(), storeA.id, cartB.token)).toBe(0);
    const { cart: fresh, created } = await getOrCreateCart(db(), storeA.id, cartB.token);
    expect(created).toBe(true);
    expect(fresh.token).not.toBe(cartB.token);

    // A cart ref that claims store A but points at B's cart changes nothing.
    const forged = { id: cartB.id, storeId: storeA.id };
    expect(await addItem(db(), forged, teaA.id, 1)).toEqual({ ok: false, reason: "not_found" });
    expect(await setQuantity(db(), forged, bikeB.id, 5)).toEqual({
      ok: false,
      reason: "not_in_cart",
    });
    expect(await removeItem(db(), forged, bikeB.id)).toBe(false);
    // B's product cannot go into A's cart.
    expect(await addItem(db(), fresh, bikeB.id, 1)).toEqual({ ok: false, reason: "unavailable" });

    const totalsB = await cartWithTotals(db(), cartB);
    expect(totalsB.lines.map((line) => [line.productId, line.quantity])).toEqual([[bikeB.id, 1]]);
    const rowsInB = await db().select().from(cartItems).where(eq(cartItems.cartId, cartB.id));
    expect(rowsInB.map((row) => row.productId)).toEqual([bikeB.id]);
    expect(totalsB.subtotalMinor).toBe(50000);
  });

  it("treats a converted cart as gone", async () => {
    const { cart } = await getOrCreateCart(db(), storeA.id, undefined);
    await db().update(carts).set({ status: "converted" }).where(eq(carts.id, cart.id));
    expect(await findCart(db(), storeA.id, cart.token)).toBeUndefined();
    expect((await getOrCreateCart(db(), storeA.id, cart.token)).created).toBe(true);
  });

  it("survives concurrent adds of the same product without losing one", async () => {
    const tea = await createProduct(storeA.id);
    const { cart } = await getOrCreateCart(db(), storeA.id, undefined);
    await Promise.all(Array.from({ length: 5 }, () => addItem(db(), cart, tea.id, 2)));
    expect(await quantityOf(cart.id, tea.id)).toBe(10);
  });
});
