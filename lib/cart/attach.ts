import "server-only";
import { and, desc, eq, isNull, ne, or } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { type Cart, carts, clicks } from "@/db/schema";
import { type CartWithTotals, cartWithTotals } from "./cart";

/** What a message carrying a cart click's ref finds: the cart, now the customer's, or nothing to show. */
export type ReferredCart = { status: "attached"; cart: CartWithTotals } | { status: "unavailable" };

/**
 * The storefront's "Continue in WhatsApp" records a `cart` click naming the cart; the chat's
 * first message carries that click's ref. This attaches the cart to the customer who sent
 * it and returns it priced now. Null when the click names no cart (any other entry point).
 *
 * A cart already ordered, or attached to another customer (a ref is short and may be
 * forwarded), is `unavailable`: a ref alone never shows one shopper another's cart.
 * One conditional update, so two customers racing for one cart cannot both get it.
 */
export async function attachClickCart(
  db: Database,
  input: { storeId: string; clickId: string | null; customerId: string },
): Promise<ReferredCart | null> {
  if (!input.clickId) return null;
  const [click] = await db
    .select({ cartId: clicks.cartId })
    .from(clicks)
    .where(and(eq(clicks.storeId, input.storeId), eq(clicks.id, input.clickId)));
  if (!click?.cartId) return null;
  const [cart] = await db
    .update(carts)
    .set({ customerId: input.customerId })
    .where(
      and(
        eq(carts.id, click.cartId),
        eq(carts.storeId, input.storeId),
        ne(carts.status, "converted"),
        or(isNull(carts.customerId), eq(carts.customerId, input.customerId)),
      ),
    )
    .returning();
  if (!cart) return { status: "unavailable" };
  return { status: "attached", cart: await cartWithTotals(db, cart) };
}

/** The customer's most recent cart not yet ordered (attached from a chat), or undefined. */
export async function findCustomerCart(
  db: Database,
  storeId: string,
  customerId: string,
): Promise<Cart | undefined> {
  const [cart] = await db
    .select()
    .from(carts)
    .where(
      and(
        eq(carts.storeId, storeId),
        eq(carts.customerId, customerId),
        ne(carts.status, "converted"),
      ),
    )
    .orderBy(desc(carts.updatedAt), desc(carts.createdAt))
    .limit(1);
  return cart;
}
