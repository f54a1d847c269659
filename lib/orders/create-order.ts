import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import {
  clicks,
  conversations,
  type Order,
  type OrderItem,
  type OrderOrigin,
  orderItems,
  orders,
  paymentLinks,
  type PaymentLink,
  products,
} from "@/db/schema";
import { localizedName } from "@/lib/catalog/translations";
import { matchLanguage } from "@/lib/i18n/languages";
import { generatePaymentToken } from "@/lib/payments/payment-link";
import { isValidOrderQuantity, MAX_ORDER_LINES } from "./limits";
import { takeOrderNumber } from "./order-number";

export type OrderLineInput = { productId: string; quantity: number };

export type CreateOrderInput = {
  storeId: string;
  customerId: string;
  /** The order inherits this conversation's attribution (source, click, QR code, product). */
  conversationId: string | null;
  origin: OrderOrigin;
  lines: OrderLineInput[];
  /** The shopper's language: item names are snapshot in it; messages and Checkout use it. */
  language: string;
  cartId?: string | null;
  note?: string | null;
  now: Date;
};

export type CreatedOrder = { order: Order; items: OrderItem[]; link: PaymentLink };

export type CreateOrderRefusal =
  | { reason: "empty" }
  | { reason: "too_many_lines" }
  | { reason: "bad_quantity"; productId: string; quantity: number }
  /** Not a product of this store, inactive, or in another currency than the rest. */
  | { reason: "unavailable_products"; productIds: string[] };

export type CreateOrderResult =
  ({ ok: true } & CreatedOrder) | ({ ok: false } & CreateOrderRefusal);

/** Same product twice → one line with the quantities added. */
function mergeLines(lines: OrderLineInput[]): OrderLineInput[] {
  const merged = new Map<string, number>();
  for (const line of lines)
    merged.set(line.productId, (merged.get(line.productId) ?? 0) + line.quantity);
  return [...merged].map(([productId, quantity]) => ({ productId, quantity }));
}

/**
 * Creates a pending order and its payment link in the caller's transaction (DESIGN §4b):
 * prices and names come from the store's active products, never from the caller; money is
 * integer minor units. Nothing is sent and Stripe is not called here — the caller queues the
 * link message in the same transaction, and the session is made when the shopper opens it.
 */
export async function createOrder(
  tx: Database,
  input: CreateOrderInput,
): Promise<CreateOrderResult> {
  const lines = mergeLines(input.lines);
  if (lines.length === 0) return { ok: false, reason: "empty" };
  if (lines.length > MAX_ORDER_LINES) return { ok: false, reason: "too_many_lines" };
  const bad = lines.find((line) => !isValidOrderQuantity(line.quantity));
  if (bad) return { ok: false, reason: "bad_quantity", ...bad };

  const rows = await tx
    .select()
    .from(products)
    .where(
      and(
        eq(products.storeId, input.storeId),
        eq(products.active, true),
        inArray(
          products.id,
          lines.map((line) => line.productId),
        ),
      ),
    );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const currency = rows[0]?.currency;
  const unavailable = lines
    .filter((line) => byId.get(line.productId)?.currency !== currency || !byId.has(line.productId))
    .map((line) => line.productId);
  if (unavailable.length > 0 || !currency) {
    return { ok: false, reason: "unavailable_products", productIds: unavailable };
  }

  const language = matchLanguage(input.language) ?? "en";
  const attribution = input.conversationId
    ? await conversationAttribution(tx, input.storeId, input.conversationId)
    : null;
  const itemValues = lines.map((line) => {
    const product = byId.get(line.productId)!;
    return {
      productId: product.id,
      name: localizedName(product, language),
      unitPriceMinor: product.priceMinor,
      quantity: line.quantity,
      lineTotalMinor: product.priceMinor * line.quantity,
    };
  });
  const subtotalMinor = itemValues.reduce((sum, item) => sum + item.lineTotalMinor, 0);
  if (!Number.isSafeInteger(subtotalMinor)) return { ok: false, reason: "too_many_lines" };

  const number = await takeOrderNumber(tx, input.storeId);
  const [order] = await tx
    .insert(orders)
    .values({
      storeId: input.storeId,
      number,
      customerId: input.customerId,
      status: "pending",
      currency,
      subtotalMinor,
      discountMinor: 0,
      totalMinor: subtotalMinor,
      source: attribution?.source ?? "unattributed",
      origin: input.origin,
      conversationId: attribution ? input.conversationId : null,
      clickId: attribution?.clickId ?? null,
      qrCodeId: attribution?.qrCodeId ?? null,
      productId: attribution?.productId ?? null,
      ref: attribution?.ref ?? null,
      cartId: input.cartId ?? null,
      language,
      note: input.note?.trim() || null,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning();
  const items = await tx
    .insert(orderItems)
    .values(itemValues.map((item) => ({ ...item, storeId: input.storeId, orderId: order!.id })))
    .returning();
  const [link] = await tx
    .insert(paymentLinks)
    .values({
      storeId: input.storeId,
      orderId: order!.id,
      token: generatePaymentToken(),
      createdAt: input.now,
    })
    .returning();
  return { ok: true, order: order!, items, link: link! };
}

async function conversationAttribution(tx: Database, storeId: string, conversationId: string) {
  const [row] = await tx
    .select({
      source: conversations.source,
      clickId: conversations.clickId,
      qrCodeId: conversations.qrCodeId,
      productId: conversations.productId,
      ref: clicks.ref,
    })
    .from(conversations)
    .leftJoin(clicks, eq(clicks.id, conversations.clickId))
    .where(and(eq(conversations.id, conversationId), eq(conversations.storeId, storeId)));
  return row ?? null;
}
