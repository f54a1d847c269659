import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { checkoutSessions, events, orderItems, orders, paymentLinks, stores } from "@/db/schema";
import { EVENT_TYPES } from "@/lib/analytics/event-types";
import { uncountedReason, type UncountedReason } from "@/lib/attribution/visitors";
import { clientIpKey } from "@/lib/http/client-ip";
import { matchLanguage, type ShopperLanguage } from "@/lib/i18n/languages";
import { consumeRateLimit } from "@/lib/rate-limit";
import { hasRecoveryOffer, withdrawExpiredIncentive } from "@/lib/recovery/incentive";
import { ensureCheckoutSession } from "./checkout-session";
import { resolveStorePayments, type StripePlatformConfig } from "./config";
import { recordPaymentsConfigurationError } from "./configuration-error";
import { isPastExpiry, PAYMENT_TOKEN_PATTERN } from "./payment-link";
import { stripeClient } from "./stripe";

/** Opens of /pay per client IP: far above a shopper retrying, far below a token scan. */
export const PAY_RATE_LIMIT = { limit: 30, windowSeconds: 60 } as const;

export type PayStore = { name: string; whatsappNumber: string };

type Known = { language: ShopperLanguage; store: PayStore; orderNumber: string };

export type OpenLinkOutcome =
  | { kind: "not_found" }
  | { kind: "rate_limited" }
  /** A link preview, prefetch or crawler: a small page, nothing recorded, no session. */
  | ({ kind: "preview"; reason: UncountedReason } & Known)
  | ({ kind: "paid" } & Known)
  /** Checkout completed with an asynchronous method still settling: no new session. */
  | ({ kind: "processing" } & Known)
  | ({ kind: "cancelled" } & Known)
  /** The store cannot take payment (no keys in production, Stripe refused): the owner is told. */
  | ({ kind: "unavailable"; message: string } & Known)
  /** Stripe was down or busy: HTTP 503, try again in a moment. */
  | ({ kind: "retry_later" } & Known)
  | { kind: "redirect"; location: string };

export type OpenLinkRequest = {
  token: string;
  method: string;
  headers: Headers;
  ip: string | null;
  /** Where success/cancel lead back to: the configured link origin, or the request's. */
  origin: string;
  now: Date;
};

async function findLink(db: Database, token: string) {
  const [row] = await db
    .select({
      link: paymentLinks,
      order: orders,
      store: { name: stores.name, whatsappNumber: stores.whatsappNumber },
    })
    .from(paymentLinks)
    .innerJoin(orders, eq(orders.id, paymentLinks.orderId))
    .innerJoin(stores, eq(stores.id, paymentLinks.storeId))
    .where(eq(paymentLinks.token, token));
  return row;
}

async function hasCompletedSession(db: Database, orderId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: checkoutSessions.id })
    .from(checkoutSessions)
    .where(and(eq(checkoutSessions.orderId, orderId), eq(checkoutSessions.status, "complete")))
    .limit(1);
  return Boolean(row);
}

/** One real open: the link's counters and a `link_opened` event. */
async function recordOpen(
  db: Database,
  link: { id: string; storeId: string },
  order: { id: string; source: string; customerId: string | null },
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(paymentLinks)
      .set({
        openCount: sql`${paymentLinks.openCount} + 1`,
        firstOpenedAt: sql`coalesce(${paymentLinks.firstOpenedAt}, ${now.toISOString()}::timestamptz)`,
        lastOpenedAt: now,
      })
      .where(eq(paymentLinks.id, link.id));
    await tx.insert(events).values({
      storeId: link.storeId,
      type: EVENT_TYPES.linkOpened,
      source: order.source,
      customerId: order.customerId,
      orderId: order.id,
      properties: {},
      createdAt: now,
    });
  });
}

/**
 * GET /pay/<token> (DESIGN §4b): what the shopper's open of a payment link leads to. Records
 * `link_opened` for real opens only, then reuses or creates the order's Checkout Session
 * (Stripe), or sends the shopper to the local test checkout (sandbox).
 */
export async function openPaymentLink(
  db: Database,
  request: OpenLinkRequest,
  config: StripePlatformConfig,
): Promise<OpenLinkOutcome> {
  if (!PAYMENT_TOKEN_PATTERN.test(request.token)) return { kind: "not_found" };
  const rate = await consumeRateLimit(db, `pay:${clientIpKey(request.ip)}`, {
    ...PAY_RATE_LIMIT,
    now: request.now,
  });
  if (!rate.allowed) return { kind: "rate_limited" };
  const found = await findLink(db, request.token);
  if (!found) return { kind: "not_found" };
  const { link, store } = found;
  let { order } = found;
  const known: Known = {
    language: matchLanguage(order.language) ?? "en",
    store,
    orderNumber: order.number,
  };

  if (order.status === "paid" || order.status === "refunded") return { kind: "paid", ...known };
  if (order.status === "cancelled") return { kind: "cancelled", ...known };
  if (order.awaitingAsyncPaymentAt || (await hasCompletedSession(db, order.id))) {
    return { kind: "processing", ...known };
  }
  // Tick has not cancelled it yet, but it is no longer payable.
  if (isPastExpiry(order, request.now)) return { kind: "cancelled", ...known };
  const uncounted = uncountedReason(request.method, request.headers);
  if (uncounted) return { kind: "preview", reason: uncounted, ...known };

  await recordOpen(db, link, order, request.now);
  if (hasRecoveryOffer(order)) {
    const current = order;
    order = await db.transaction((tx) => withdrawExpiredIncentive(tx, current, request.now));
  }

  const payments = await resolveStorePayments(db, order.storeId, config);
  if (payments.mode === "unavailable") {
    return { kind: "unavailable", message: payments.reason, ...known };
  }
  if (payments.mode === "sandbox") {
    return { kind: "redirect", location: `/pay/${request.token}/test` };
  }
  const items = await db.select().from(orderItems).where(eq(orderItems.orderId, order.id));
  const result = await ensureCheckoutSession(db, stripeClient(payments.secretKey, config.apiUrl), {
    order,
    items,
    linkId: link.id,
    token: request.token,
    origin: request.origin,
    now: request.now,
  });
  if (result.ok) return { kind: "redirect", location: result.session.url };
  if (result.completed) return { kind: "processing", ...known };
  if (result.retryable) return { kind: "retry_later", ...known };
  if (!result.stripeRefused) return { kind: "unavailable", message: result.message, ...known };
  await recordPaymentsConfigurationError(db, {
    storeId: order.storeId,
    orderId: order.id,
    message: result.message,
    errorKind: result.errorKind,
    operation: "create_checkout_session",
    at: request.now,
  });
  return { kind: "unavailable", message: result.message, ...known };
}
