import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { carts, orderItems, orders, paymentLinks } from "@/db/schema";
import { cartWithTotals } from "@/lib/cart/cart";
import { type CreatedOrder, createOrder, type OrderLineInput } from "@/lib/orders/create-order";
import { findOpenOrderFor, nextLinkMessageNumber } from "@/lib/orders/open-order";
import { resolveStorePayments, stripePlatformConfig } from "@/lib/payments/config";
import { paymentLinkOrigin } from "@/lib/payments/link-origin";
import type { BotCheckoutOutcome, BotCheckoutRequest, BotOrderGone, BotPaymentLink } from "./types";

/** An order whose link a reply will carry: queued by the caller after the reply's messages. */
export type PreparedPaymentLink = CreatedOrder & { dedupeKey: string; origin: string };

export type BotCheckout = {
  paymentsAvailable(): Promise<boolean>;
  checkout(request: BotCheckoutRequest): Promise<BotCheckoutOutcome>;
  /** This customer's pending order's link, made ready at its current total (after points). */
  orderLink(orderId: string): Promise<{ status: "ready"; link: BotPaymentLink } | BotOrderGone>;
  /** By order id: what `checkout` made ready in this turn. */
  prepared: Map<string, PreparedPaymentLink>;
};

type Input = {
  storeId: string;
  customerId: string;
  conversationId: string;
  language: string;
  now: Date;
};

async function linesOf(
  db: Database,
  input: Input,
  request: BotCheckoutRequest,
): Promise<{ lines: OrderLineInput[]; cartId: string | null } | null> {
  if (request.kind === "product") {
    return { lines: [{ productId: request.productId, quantity: request.quantity }], cartId: null };
  }
  if (request.kind === "catalog") return { lines: request.lines, cartId: null };
  // The cart as it is now: this customer's, not yet ordered, its available lines.
  const [cart] = await db
    .select()
    .from(carts)
    .where(
      and(
        eq(carts.id, request.cartId),
        eq(carts.storeId, input.storeId),
        eq(carts.customerId, input.customerId),
        ne(carts.status, "converted"),
      ),
    );
  if (!cart) return null;
  const priced = await cartWithTotals(db, cart);
  const lines = priced.lines
    .filter((line) => line.available)
    .map((line) => ({ productId: line.productId, quantity: line.quantity }));
  return { lines, cartId: cart.id };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The bot's checkout, bound to one inbound message inside the processor's transaction:
 * no payment without a way to pay (DESIGN §4.8); the open unpaid order for the same items
 * is reused; otherwise a new order from database prices (lib/orders/create-order.ts).
 */
export function botCheckout(db: Database, input: Input): BotCheckout {
  const prepared = new Map<string, PreparedPaymentLink>();
  let available: Promise<string | null> | null = null;
  /** The link origin when payments are possible, else null. */
  const originIfAvailable = () =>
    (available ??= (async () => {
      const origin = paymentLinkOrigin();
      if (!origin) return null;
      const payments = await resolveStorePayments(db, input.storeId, stripePlatformConfig());
      return payments.mode === "unavailable" ? null : origin;
    })());

  const prepare = async (made: CreatedOrder, origin: string, resent: boolean) => {
    const n = resent ? await nextLinkMessageNumber(db, made.order) : 1;
    const dedupeKey = `order:${made.order.id}:link:${n}`;
    prepared.set(made.order.id, { ...made, dedupeKey, origin });
    return { orderId: made.order.id, orderNumber: made.order.number, dedupeKey };
  };

  return {
    prepared,
    paymentsAvailable: async () => (await originIfAvailable()) !== null,
    orderLink: async (orderId) => {
      const origin = await originIfAvailable();
      if (!origin) return { status: "unavailable" };
      const made = UUID.test(orderId) ? await customerOrder(db, input, orderId) : null;
      if (!made) return { status: "not_found" };
      const { order } = made;
      if (order.status !== "pending" || order.awaitingAsyncPaymentAt) {
        return { status: "not_payable", orderNumber: order.number, orderStatus: order.status };
      }
      return { status: "ready", link: await prepare(made, origin, true) };
    },
    checkout: async (request) => {
      const origin = await originIfAvailable();
      if (!origin) return { status: "unavailable" };
      // Ids come back from the shopper's phone: never let one reach a uuid column unchecked.
      const ids = request.kind === "cart" ? [request.cartId] : linesIdsOf(request);
      if (!ids.every((id) => UUID.test(id)))
        return { status: "refused", reason: "unavailable_products" };
      const wanted = await linesOf(db, input, request);
      if (!wanted) return { status: "refused", reason: "cart_gone" };
      if (wanted.lines.length === 0) return { status: "refused", reason: "empty" };

      const open = await findOpenOrderFor(db, {
        storeId: input.storeId,
        customerId: input.customerId,
        lines: wanted.lines,
        cartId: wanted.cartId,
      });
      let made: CreatedOrder;
      if (open) made = open;
      else {
        const created = await createOrder(db, {
          storeId: input.storeId,
          customerId: input.customerId,
          conversationId: input.conversationId,
          origin: request.kind === "product" ? "bot" : request.kind,
          lines: wanted.lines,
          language: input.language,
          cartId: wanted.cartId,
          now: input.now,
        });
        if (!created.ok) return { status: "refused", reason: created.reason };
        made = created;
      }
      return { status: "ready", resent: open !== null, link: await prepare(made, origin, !!open) };
    },
  };
}

function linesIdsOf(request: Exclude<BotCheckoutRequest, { kind: "cart" }>): string[] {
  return request.kind === "product"
    ? [request.productId]
    : request.lines.map((line) => line.productId);
}

/** The customer's own order with its items and link, or null. */
async function customerOrder(
  db: Database,
  input: Input,
  orderId: string,
): Promise<CreatedOrder | null> {
  const [order] = await db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.storeId, input.storeId),
        eq(orders.id, orderId),
        eq(orders.customerId, input.customerId),
      ),
    );
  if (!order) return null;
  const [link] = await db
    .select()
    .from(paymentLinks)
    .where(and(eq(paymentLinks.storeId, input.storeId), eq(paymentLinks.orderId, order.id)));
  if (!link) return null;
  const items = await db
    .select()
    .from(orderItems)
    .where(and(eq(orderItems.storeId, input.storeId), eq(orderItems.orderId, order.id)));
  return { order, items, link };
}
