import { beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { cartItems, carts, products, rateLimitBuckets, type Product } from "@/db/schema";
import { addToCart } from "@/app/(storefront)/s/[store]/actions/add-to-cart";
import { removeCartItem } from "@/app/(storefront)/s/[store]/actions/remove-cart-item";
import { updateCartItem } from "@/app/(storefront)/s/[store]/actions/update-cart-item";
import { addItem, getOrCreateCart } from "@/lib/cart/cart";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { createOwnerWithStore } from "../support/fixtures";
import { request, resetRequest } from "./fake-request";
import {
  createProduct,
  expectNotFound,
  form,
  redirectOf,
  renderCart,
  renderProduct,
} from "./helpers";

vi.mock("next/headers", () => import("./fake-request"));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  connection: async () => {},
}));

const db = setupTestDatabase();

describe(`storefront cart forms [${testDbBackend}]`, () => {
  let store: Awaited<ReturnType<typeof createOwnerWithStore>>["store"];
  let other: Awaited<ReturnType<typeof createOwnerWithStore>>["store"];
  let hojicha: Product;

  beforeEach(async () => {
    resetRequest();
    store = (await createOwnerWithStore(db(), { storeName: "Gion Tea House" })).store;
    other = (await createOwnerWithStore(db(), { storeName: "Osaka Knives" })).store;
    hojicha = await createProduct(db(), store.id, { name: "Kyoto Hojicha", priceMinor: 1200 });
  });

  it("adds to the cart with a scoped HttpOnly cookie and shows it in the cart page", async () => {
    const location = await redirectOf(
      addToCart(form({ store: store.slug, product: hojicha.slug, quantity: "2" })),
    );
    expect(location).toBe(`/s/${store.slug}/p/${hojicha.slug}?added=1`);
    const token = request.cookies.get(`cart_${store.slug}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(request.cookieOptions.get(`cart_${store.slug}`)).toMatchObject({
      path: `/s/${store.slug}`,
      httpOnly: true,
      sameSite: "lax",
    });

    const product = await renderProduct(store.slug, hojicha.slug, { added: "1" });
    expect(product).toContain("Added to your cart.");
    expect(product).toMatch(/data-testid="cart-count"[^>]*>2</);

    // The same cookie again: the same cart, quantity raised.
    await redirectOf(addToCart(form({ store: store.slug, product: hojicha.slug, quantity: "1" })));
    expect(request.cookies.get(`cart_${store.slug}`)).toBe(token);
    const cart = await renderCart(store.slug);
    expect(cart).toMatch(/data-testid="line-quantity">3</);
    expect(cart).toContain("¥3,600");
    expect(cart).toContain(`href="/go/${store.slug}?src=cart&amp;cart=${token}&amp;lang=en"`);
  });

  it("keeps the language picked in the URL through the cart forms", async () => {
    const location = await redirectOf(
      addToCart(form({ store: store.slug, product: hojicha.slug, quantity: "1", lang: "ja" })),
    );
    expect(location).toBe(`/s/${store.slug}/p/${hojicha.slug}?lang=ja&added=1`);
    expect(request.cookies.get("lang")).toBe("ja");
    expect(request.cookieOptions.get("lang")).toMatchObject({ sameSite: "lax" });
  });

  it("refuses bad quantities and archived products with a message, not an error", async () => {
    for (const quantity of ["0", "100", "-3", "two"]) {
      const location = await redirectOf(
        addToCart(form({ store: store.slug, product: hojicha.slug, quantity })),
      );
      expect(location).toBe(`/s/${store.slug}/p/${hojicha.slug}?error=quantity`);
    }
    expect(request.cookies.size).toBe(0);
    expect(await renderProduct(store.slug, hojicha.slug, { error: "quantity" })).toContain(
      "Choose a quantity from 1 to 99.",
    );

    const archived = await createProduct(db(), store.id, { active: false });
    const location = await redirectOf(
      addToCart(form({ store: store.slug, product: archived.slug, quantity: "1" })),
    );
    expect(location).toBe(`/s/${store.slug}/cart?error=unavailable`);
    expect(await db().select().from(carts).where(eq(carts.storeId, store.id))).toEqual([]);
    await expectNotFound(addToCart(form({ store: "no-such-store", product: "x", quantity: "1" })));
  });

  it("limits how many new carts one address can start", async () => {
    request.headers = new Headers({ "x-forwarded-for": "203.0.113.9" });
    await db()
      .insert(rateLimitBuckets)
      .values({ key: "cart-create:203.0.113.9", windowStartedAt: new Date(), count: 30 });
    const location = await redirectOf(
      addToCart(form({ store: store.slug, product: hojicha.slug, quantity: "1" })),
    );
    expect(location).toBe(`/s/${store.slug}/p/${hojicha.slug}?error=busy`);
    expect(request.cookies.size).toBe(0);
    expect(await db().select().from(carts).where(eq(carts.storeId, store.id))).toEqual([]);

    // A shopper who already has a cart is not affected.
    const { cart } = await getOrCreateCart(db(), store.id, undefined);
    request.cookies.set(`cart_${store.slug}`, cart.token);
    await redirectOf(addToCart(form({ store: store.slug, product: hojicha.slug, quantity: "1" })));
    expect(await renderCart(store.slug)).toMatch(/data-testid="line-quantity">1</);
  });

  it("changes quantities and removes lines; totals come from the database", async () => {
    const bowl = await createProduct(db(), store.id, { name: "Tea Bowl", priceMinor: 6800 });
    await redirectOf(addToCart(form({ store: store.slug, product: hojicha.slug, quantity: "1" })));
    await redirectOf(addToCart(form({ store: store.slug, product: bowl.slug, quantity: "1" })));

    expect(
      await redirectOf(
        updateCartItem(
          form({ store: store.slug, product: hojicha.id, quantity: "4", priceMinor: "1" }),
        ),
      ),
    ).toBe(`/s/${store.slug}/cart`);
    let html = await renderCart(store.slug);
    expect(html).toContain("¥11,600"); // 4 × 1,200 + 6,800
    expect(
      await redirectOf(
        updateCartItem(form({ store: store.slug, product: hojicha.id, quantity: "0" })),
      ),
    ).toBe(`/s/${store.slug}/cart?error=quantity`);

    await redirectOf(removeCartItem(form({ store: store.slug, product: bowl.id })));
    html = await renderCart(store.slug);
    expect(html).not.toContain("Tea Bowl");
    expect(html).toContain("¥4,800");

    await redirectOf(removeCartItem(form({ store: store.slug, product: hojicha.id })));
    html = await renderCart(store.slug);
    expect(html).toContain("Your cart is empty.");
    expect(html).not.toContain("/go/");
  });

  it("shows an archived product as unavailable and leaves it out of the subtotal", async () => {
    const bowl = await createProduct(db(), store.id, { name: "Tea Bowl", priceMinor: 6800 });
    await redirectOf(addToCart(form({ store: store.slug, product: hojicha.slug, quantity: "1" })));
    await redirectOf(addToCart(form({ store: store.slug, product: bowl.slug, quantity: "1" })));
    await db().update(products).set({ active: false }).where(eq(products.id, bowl.id));
    const html = await renderCart(store.slug);
    expect(html).toContain("Tea Bowl");
    expect(html).toContain("No longer available");
    expect(html).toMatch(/data-testid="cart-subtotal"[^>]*>¥1,200</);
    expect(html).toMatch(/data-testid="cart-count"[^>]*>1</);
  });

  it("never shows or changes another store's cart through a smuggled token", async () => {
    const knife = await createProduct(db(), other.id, { name: "Santoku Knife", priceMinor: 18000 });
    const { cart: otherCart } = await getOrCreateCart(db(), other.id, undefined);
    await addItem(db(), otherCart, knife.id, 1);

    request.cookies.set(`cart_${store.slug}`, otherCart.token);
    const html = await renderCart(store.slug);
    expect(html).toContain("Your cart is empty.");
    expect(html).not.toContain("Santoku");
    expect(html).not.toContain(otherCart.token);

    await redirectOf(updateCartItem(form({ store: store.slug, product: knife.id, quantity: "9" })));
    await redirectOf(removeCartItem(form({ store: store.slug, product: knife.id })));
    await redirectOf(addToCart(form({ store: store.slug, product: hojicha.slug, quantity: "1" })));
    // Adding starts a new cart in this store instead of writing into the other one.
    expect(request.cookies.get(`cart_${store.slug}`)).not.toBe(otherCart.token);

    const items = await db().select().from(cartItems).where(eq(cartItems.cartId, otherCart.id));
    expect(items.map((item) => [item.productId, item.quantity])).toEqual([[knife.id, 1]]);
  });
});
