import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { type CartStatus, conversations } from "@/db/schema";
import { findCustomerCart } from "@/lib/cart/attach";
import { type CartLine, cartWithTotals } from "@/lib/cart/cart";
import { isUuid } from "./ids";

/** A customer's cart as the inbox shows it beside the chat (never its token). */
export type ConversationCart = {
  status: CartStatus;
  currency: string;
  lines: Pick<CartLine, "productId" | "name" | "quantity" | "lineTotalMinor" | "available">[];
  itemCount: number;
  subtotalMinor: number;
  updatedAt: Date;
};

/**
 * The cart the conversation's customer brought from the storefront ("Continue in WhatsApp"
 * attaches it, lib/cart/attach.ts), priced now; null without one. Only this store's
 * conversation and cart: another store's conversation id finds nothing.
 */
export async function loadConversationCart(
  db: Database,
  storeId: string,
  conversationId: string,
): Promise<ConversationCart | null> {
  if (!isUuid(conversationId)) return null;
  const [conversation] = await db
    .select({ customerId: conversations.customerId })
    .from(conversations)
    .where(and(eq(conversations.storeId, storeId), eq(conversations.id, conversationId)));
  if (!conversation) return null;
  const cart = await findCustomerCart(db, storeId, conversation.customerId);
  if (!cart) return null;
  const totals = await cartWithTotals(db, cart);
  return {
    status: cart.status,
    currency: totals.currency,
    lines: totals.lines.map(({ productId, name, quantity, lineTotalMinor, available }) => ({
      productId,
      name,
      quantity,
      lineTotalMinor,
      available,
    })),
    itemCount: totals.itemCount,
    subtotalMinor: totals.subtotalMinor,
    updatedAt: cart.updatedAt,
  };
}
