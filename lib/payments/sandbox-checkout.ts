import "server-only";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import {
  checkoutSessions,
  type Order,
  type OrderItem,
  orderItems,
  orders,
  paymentLinks,
  refunds,
  stores,
} from "@/db/schema";
import { toStripeAmount } from "./amounts";
import { resolveStorePayments } from "./config";
import { PAYMENT_TOKEN_PATTERN } from "./payment-link";
import {
  deliverSandboxEvent,
  sandboxEvent,
  sandboxId,
  type SandboxConfigs,
} from "./sandbox-delivery";

export type SandboxCheckout = {
  order: Order;
  items: OrderItem[];
  store: { id: string; slug: string; name: string };
  linkVersion: number;
  token: string;
};

/** The order behind `/pay/<token>/test`, or null: unknown token, or the store is not in sandbox mode. */
export async function loadSandboxCheckout(
  db: Database,
  token: string,
  configs: Pick<SandboxConfigs, "stripe">,
): Promise<SandboxCheckout | null> {
  if (!PAYMENT_TOKEN_PATTERN.test(token)) return null;
  const [row] = await db
    .select({
      order: orders,
      linkVersion: paymentLinks.version,
      store: { id: stores.id, slug: stores.slug, name: stores.name },
    })
    .from(paymentLinks)
    .innerJoin(orders, eq(orders.id, paymentLinks.orderId))
    .innerJoin(stores, eq(stores.id, paymentLinks.storeId))
    .where(eq(paymentLinks.token, token));
  if (!row) return null;
  const payments = await resolveStorePayments(db, row.store.id, configs.stripe);
  if (payments.mode !== "sandbox") return null;
  const items = await db.select().from(orderItems).where(eq(orderItems.orderId, row.order.id));
  return { ...row, items, token };
}

/** A sample address, as Checkout would have collected it. */
const SAMPLE_SHIPPING = {
  name: "Test Shopper",
  address: {
    line1: "1-2-3 Shibuya",
    line2: "Test Building 4F",
    city: "Shibuya-ku",
    state: "Tokyo",
    postal_code: "150-0002",
    country: "JP",
  },
};

/** The sandbox's Checkout Session for this link version, recorded so the timeline shows it. */
async function sandboxSession(db: Database, checkout: SandboxCheckout, now: Date) {
  const { order } = checkout;
  const [existing] = await db
    .select()
    .from(checkoutSessions)
    .where(
      and(
        eq(checkoutSessions.orderId, order.id),
        eq(checkoutSessions.version, checkout.linkVersion),
      ),
    );
  if (existing) return existing.sessionId;
  const sessionId = sandboxId("cs");
  await db
    .insert(checkoutSessions)
    .values({
      storeId: order.storeId,
      orderId: order.id,
      sessionId,
      version: checkout.linkVersion,
      url: `/pay/${checkout.token}/test`,
      status: "open",
      amountMinor: order.totalMinor,
      currency: order.currency,
      expiresAt: new Date(now.getTime() + 60 * 60_000),
      createdAt: now,
    })
    .onConflictDoNothing();
  const [row] = await db
    .select({ sessionId: checkoutSessions.sessionId })
    .from(checkoutSessions)
    .where(
      and(
        eq(checkoutSessions.orderId, order.id),
        eq(checkoutSessions.version, checkout.linkVersion),
      ),
    );
  return row?.sessionId ?? sessionId;
}

/**
 * *Pay (test)*: a `checkout.session.completed` event as Stripe would send it for the order,
 * delivered signed through the webhook's receiving path and applied before returning.
 */
export async function paySandboxOrder(
  db: Database,
  checkout: SandboxCheckout,
  configs: SandboxConfigs,
  now: Date = new Date(),
) {
  const { order, store } = checkout;
  const sessionId = await sandboxSession(db, checkout, now);
  const metadata = { order_id: order.id, store_id: store.id };
  const event = sandboxEvent(
    "checkout.session.completed",
    {
      id: sessionId,
      object: "checkout.session",
      mode: "payment",
      status: "complete",
      payment_status: "paid",
      amount_subtotal: toStripeAmount(order.subtotalMinor, order.currency),
      amount_total: toStripeAmount(order.totalMinor, order.currency),
      total_details: { amount_discount: toStripeAmount(order.discountMinor, order.currency) },
      currency: order.currency.toLowerCase(),
      client_reference_id: order.id,
      metadata,
      // One payment per session: a second Pay (test) of the same session is the same payment.
      payment_intent: `pi_${sessionId.replace(/^cs_/, "")}`,
      collected_information: {
        business_name: null,
        individual_name: null,
        shipping_details: SAMPLE_SHIPPING,
      },
      livemode: false,
    },
    now,
  );
  return deliverSandboxEvent(db, store, event, configs, now);
}

export type SandboxRefundInput = {
  storeId: string;
  orderId: string;
  paymentIntentId: string;
  amountMinor: number;
  refundId: string;
};

/**
 * For lib/payments/refunds.ts in sandbox mode: the `charge.refunded` event Stripe would send
 * once a refund of `amountMinor` of `paymentIntentId` succeeded. `amount_refunded` is the
 * charge's cumulative total: this refund plus the others of the same payment already asked.
 */
export async function deliverSandboxRefundEvent(
  db: Database,
  input: SandboxRefundInput,
  configs: SandboxConfigs,
  now: Date = new Date(),
) {
  const [row] = await db
    .select({ order: orders, slug: stores.slug })
    .from(orders)
    .innerJoin(stores, eq(stores.id, orders.storeId))
    .where(and(eq(orders.id, input.orderId), eq(orders.storeId, input.storeId)));
  if (!row) throw new Error(`deliverSandboxRefundEvent: no order ${input.orderId}`);
  const { order } = row;
  const [others] = await db
    .select({ total: sql<number>`coalesce(sum(${refunds.amountMinor}), 0)::int` })
    .from(refunds)
    .where(
      and(
        eq(refunds.orderId, order.id),
        eq(refunds.paymentIntentId, input.paymentIntentId),
        inArray(refunds.status, ["requested", "succeeded"]),
        ne(refunds.stripeRefundId, input.refundId),
      ),
    );
  const ownPayment = input.paymentIntentId === order.paymentIntentId;
  const before = Math.max(others?.total ?? 0, ownPayment ? order.refundedMinor : 0);
  const charged = ownPayment ? order.totalMinor : before + input.amountMinor;
  const refunded = Math.min(charged, before + input.amountMinor);
  const event = sandboxEvent(
    "charge.refunded",
    {
      id: sandboxId("ch"),
      object: "charge",
      amount: toStripeAmount(charged, order.currency),
      amount_refunded: toStripeAmount(refunded, order.currency),
      currency: order.currency.toLowerCase(),
      payment_intent: input.paymentIntentId,
      refunded: refunded >= charged,
      metadata: { order_id: order.id, store_id: order.storeId },
      refunds: {
        object: "list",
        data: [
          {
            id: input.refundId,
            object: "refund",
            amount: toStripeAmount(input.amountMinor, order.currency),
            status: "succeeded",
          },
        ],
      },
    },
    now,
  );
  return deliverSandboxEvent(db, { id: order.storeId, slug: row.slug }, event, configs, now);
}
