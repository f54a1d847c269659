import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { type Cart, cartItems, carts, products, stores } from "@/db/schema";
import { isValidQuantity, MAX_QUANTITY } from "./limits";

export { isValidQuantity, MAX_QUANTITY, MIN_QUANTITY } from "./limits";

/** 32 random bytes, base64url: 43 characters. */
export const CART_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function generateCartToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the cart functions need to know about a cart: always its id AND its store. */
export type CartRef = Pick<Cart, "id" | "storeId">;

export type CartChange =
  | { ok: true; quantity: number }
  | { ok: false; reason: "invalid_quantity" | "unavailable" | "not_in_cart" | "not_found" };

/**
 * The store's cart with this token, or undefined. A token that belongs to another
 * store finds nothing: carts are looked up by token AND store. Converted carts
 * (already ordered) are not shopping carts any more.
 */
export async function findCart(
  db: Database,
  storeId: string,
  token: string | null | undefined,
): Promise<Cart | undefined> {
  if (!token || !CART_TOKEN_PATTERN.test(token)) return undefined;
  const [cart] = await db
    .select()
    .from(carts)
    .where(and(eq(carts.token, token), eq(carts.storeId, storeId), ne(carts.status, "converted")));
  return cart;
}

/** The cart for `token` in this store, or a new one with a fresh token. */
export async function getOrCreateCart(
  db: Database,
  storeId: string,
  token: string | null | undefined,
  options: { language?: string } = {},
): Promise<{ cart: Cart; created: boolean }> {
  const existing = await findCart(db, storeId, token);
  if (existing) return { cart: existing, created: false };
  return { cart: await createCart(db, storeId, options), created: true };
}

/** A new, empty cart with a fresh random token. */
export async function createCart(
  db: Database,
  storeId: string,
  options: { language?: string } = {},
): Promise<Cart> {
  const [cart] = await db
    .insert(carts)
    .values({ storeId, token: generateCartToken(), language: options.language ?? null })
    .returning();
  if (!cart) throw new Error("creating a cart returned no row");
  return cart;
}

async function touchCart(db: Database, cart: CartRef, language?: string): Promise<void> {
  await db
    .update(carts)
    .set({ updatedAt: new Date(), ...(language ? { language } : {}) })
    .where(and(eq(carts.id, cart.id), eq(carts.storeId, cart.storeId)));
}

/**
 * Adds `quantity` of an active product of the cart's store; adding a product that is
 * already in the cart raises its quantity (capped at MAX_QUANTITY).
 */
export async function addItem(
  db: Database,
  cart: CartRef,
  productId: string,
  quantity: number,
  options: { language?: string } = {},
): Promise<CartChange> {
  if (!isValidQuantity(quantity)) return { ok: false, reason: "invalid_quantity" };
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ productId: products.id, active: products.active })
      .from(carts)
      .leftJoin(products, and(eq(products.id, productId), eq(products.storeId, carts.storeId)))
      .where(and(eq(carts.id, cart.id), eq(carts.storeId, cart.storeId)));
    if (!found) return { ok: false, reason: "not_found" } as const;
    const product = found.productId && found.active ? { id: found.productId } : undefined;
    if (!product) return { ok: false, reason: "unavailable" } as const;
    const [item] = await tx
      .insert(cartItems)
      .values({ storeId: cart.storeId, cartId: cart.id, productId: product.id, quantity })
      .onConflictDoUpdate({
        target: [cartItems.cartId, cartItems.productId],
        set: {
          quantity: sql`least(${cartItems.quantity} + excluded.quantity, ${MAX_QUANTITY}::int)`,
          updatedAt: sql`now()`,
        },
      })
      .returning({ quantity: cartItems.quantity });
    if (!item) throw new Error("adding a cart item returned no row");
    await touchCart(tx, cart, options.language);
    return { ok: true, quantity: item.quantity } as const;
  });
}

/** Sets the quantity of a product already in the cart. */
export async function setQuantity(
  db: Database,
  cart: CartRef,
  productId: string,
  quantity: number,
): Promise<CartChange> {
  if (!isValidQuantity(quantity)) return { ok: false, reason: "invalid_quantity" };
  return db.transaction(async (tx) => {
    const [item] = await tx
      .update(cartItems)
      .set({ quantity, updatedAt: new Date() })
      .where(
        and(
          eq(cartItems.cartId, cart.id),
          eq(cartItems.storeId, cart.storeId),
          eq(cartItems.productId, productId),
        ),
      )
      .returning({ quantity: cartItems.quantity });
    if (!item) return { ok: false, reason: "not_in_cart" } as const;
    await touchCart(tx, cart);
    return { ok: true, quantity: item.quantity } as const;
  });
}

/** Removes a product from the cart; false when it was not there. */
export async function removeItem(db: Database, cart: CartRef, productId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(cartItems)
      .where(
        and(
          eq(cartItems.cartId, cart.id),
          eq(cartItems.storeId, cart.storeId),
          eq(cartItems.productId, productId),
        ),
      )
      .returning({ id: cartItems.id });
    if (removed.length === 0) return false;
    await touchCart(tx, cart);
    return true;
  });
}

export type CartLine = {
  productId: string;
  slug: string;
  name: string;
  /** The product's names in other languages (lib/catalog/translations.ts localizeProduct). */
  translations: unknown;
  imageUrl: string | null;
  quantity: number;
  /** The product's current price, never the price when it was added. */
  unitPriceMinor: number;
  lineTotalMinor: number;
  /** Archived products (or ones priced in another currency) stay in the cart but do not count. */
  available: boolean;
};

export type CartWithTotals = {
  cart: Cart;
  currency: string;
  lines: CartLine[];
  /** Sum of the quantities of available lines. */
  itemCount: number;
  subtotalMinor: number;
};

/** The cart's lines priced from the products table now, with integer totals. */
export async function cartWithTotals(db: Database, cart: Cart): Promise<CartWithTotals> {
  const rows = await db
    .select({
      productId: products.id,
      slug: products.slug,
      name: products.name,
      translations: products.translations,
      imageUrl: products.imageUrl,
      quantity: cartItems.quantity,
      priceMinor: products.priceMinor,
      productCurrency: products.currency,
      active: products.active,
      storeCurrency: stores.currency,
    })
    .from(cartItems)
    .innerJoin(
      products,
      and(eq(products.id, cartItems.productId), eq(products.storeId, cartItems.storeId)),
    )
    .innerJoin(stores, eq(stores.id, cartItems.storeId))
    .where(and(eq(cartItems.cartId, cart.id), eq(cartItems.storeId, cart.storeId)))
    .orderBy(asc(cartItems.createdAt), asc(products.name));

  let currency = rows[0]?.storeCurrency;
  if (!currency) {
    const [store] = await db
      .select({ currency: stores.currency })
      .from(stores)
      .where(eq(stores.id, cart.storeId));
    currency = store?.currency ?? "USD";
  }

  const lines: CartLine[] = rows.map((row) => ({
    productId: row.productId,
    slug: row.slug,
    name: row.name,
    translations: row.translations,
    imageUrl: row.imageUrl,
    quantity: row.quantity,
    unitPriceMinor: row.priceMinor,
    lineTotalMinor: row.priceMinor * row.quantity,
    available: row.active && row.productCurrency === row.storeCurrency,
  }));
  const counted = lines.filter((line) => line.available);
  return {
    cart,
    currency,
    lines,
    itemCount: counted.reduce((sum, line) => sum + line.quantity, 0),
    subtotalMinor: counted.reduce((sum, line) => sum + line.lineTotalMinor, 0),
  };
}

/** Number of available items in the store's cart for `token` (0 without a cart), for the header. */
export async function cartItemCount(
  db: Database,
  storeId: string,
  token: string | null | undefined,
): Promise<number> {
  if (!token || !CART_TOKEN_PATTERN.test(token)) return 0;
  const [row] = await db
    .select({ count: sql<number>`coalesce(sum(${cartItems.quantity}), 0)::int` })
    .from(cartItems)
    .innerJoin(carts, and(eq(carts.id, cartItems.cartId), eq(carts.storeId, cartItems.storeId)))
    .innerJoin(
      products,
      and(eq(products.id, cartItems.productId), eq(products.storeId, cartItems.storeId)),
    )
    .innerJoin(stores, eq(stores.id, cartItems.storeId))
    .where(
      and(
        eq(carts.token, token),
        eq(carts.storeId, storeId),
        ne(carts.status, "converted"),
        eq(products.active, true),
        eq(products.currency, stores.currency),
      ),
    );
  return Number(row?.count ?? 0);
}
