import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database } from "@/db/drivers";
import {
  type CheckoutSession,
  checkoutSessions,
  type Order,
  type OrderItem,
  paymentLinks,
  stores,
} from "@/db/schema";
import { readStoreSettings } from "@/lib/stores/settings";
import { createCheckoutCoupon } from "./checkout-coupon";
import { checkCheckoutSum, CheckoutRefusedError, checkoutSessionParams } from "./checkout-params";
import { resolveStorePayments, type StripePlatformConfig } from "./config";
import {
  describePaymentsError,
  type PaymentsErrorKind,
  recordPaymentsConfigurationError,
} from "./configuration-error";
import { stripeClient } from "./stripe";

/** A session this close to its expiry is replaced rather than handed to the shopper. */
const EXPIRY_MARGIN_MS = 60_000;

export type EnsureSessionInput = {
  order: Order;
  items: OrderItem[];
  linkId: string;
  token: string;
  origin: string;
  now: Date;
};

export type EnsureSessionResult =
  | { ok: true; session: CheckoutSession; created: boolean }
  /**
   * retryable: Stripe was down or busy (503, try again). Otherwise `stripeRefused` says whether
   * Stripe refused the call (a configuration error the owner must fix) or we refused the order.
   */
  | {
      ok: false;
      retryable: boolean;
      message: string;
      stripeRefused?: boolean;
      errorKind?: PaymentsErrorKind;
      /** The session was paid at Stripe before its event reached us. */
      completed?: boolean;
    };

const isOpen = (row: CheckoutSession, now: Date) =>
  row.status === "open" && row.expiresAt.getTime() - EXPIRY_MARGIN_MS > now.getTime();

/** A session asks for what the order costs now (a discount may have come since it was made). */
const chargesOrderTotal = (row: CheckoutSession, order: Order) =>
  row.amountMinor === order.totalMinor && row.currency === order.currency;

async function currentRow(db: Database, orderId: string, version: number) {
  const [row] = await db
    .select()
    .from(checkoutSessions)
    .where(and(eq(checkoutSessions.orderId, orderId), eq(checkoutSessions.version, version)));
  return row;
}

async function linkVersion(db: Database, linkId: string): Promise<number> {
  const [link] = await db
    .select({ version: paymentLinks.version })
    .from(paymentLinks)
    .where(eq(paymentLinks.id, linkId));
  if (!link) throw new Error("payment link disappeared");
  return link.version;
}

/** Expires a session at Stripe; one that is no longer open (a 4xx) is fine. */
async function expireAtStripe(
  stripe: Stripe,
  sessionId: string,
): Promise<
  | { ok: true; completed: boolean }
  | { ok: false; message: string; retryable: boolean; errorKind: PaymentsErrorKind }
> {
  try {
    await stripe.checkout.sessions.expire(sessionId);
    return { ok: true, completed: false };
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode ?? 0;
    if (status === 404) return { ok: true, completed: false };
    if (status !== 400) return { ok: false, ...describePaymentsError(error) };
  }
  // Not open any more: expired, or paid while its event is still on the way.
  try {
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    return { ok: true, completed: session.status === "complete" };
  } catch (error) {
    return { ok: false, ...describePaymentsError(error) };
  }
}

/**
 * The order's open Checkout Session: the current version's if it is open, not about to
 * expire and for the order's current total; otherwise the old one is expired at Stripe, the link's version bumped (compare and
 * set) and a new session created with the idempotency key `order:<id>:v<version>`, so that
 * concurrent opens get one session. No transaction is open while Stripe is called; a failed
 * call writes nothing.
 */
export async function ensureCheckoutSession(
  db: Database,
  stripe: Stripe,
  input: EnsureSessionInput,
): Promise<EnsureSessionResult> {
  const { order, now } = input;
  const [store] = await db
    .select({ settings: stores.settings })
    .from(stores)
    .where(eq(stores.id, order.storeId));
  const settings = readStoreSettings(store?.settings).payments;
  let version = await linkVersion(db, input.linkId);

  for (let attempt = 0; attempt < 4; attempt++) {
    const existing = await currentRow(db, order.id, version);
    if (existing && isOpen(existing, now) && chargesOrderTotal(existing, order)) {
      return { ok: true, session: existing, created: false };
    }
    if (existing) {
      if (existing.status === "open") {
        const expired = await expireAtStripe(stripe, existing.sessionId);
        if (!expired.ok) return { ...expired, stripeRefused: !expired.retryable };
        await db
          .update(checkoutSessions)
          .set({ status: expired.completed ? "complete" : "expired" })
          .where(and(eq(checkoutSessions.id, existing.id), eq(checkoutSessions.status, "open")));
        // Paid: no new session (that could be paid twice); the webhook will mark the order.
        if (expired.completed) {
          return { ok: false, retryable: false, completed: true, message: "Already paid" };
        }
      }
      const bumped = await db
        .update(paymentLinks)
        .set({ version: version + 1 })
        .where(and(eq(paymentLinks.id, input.linkId), eq(paymentLinks.version, version)))
        .returning({ version: paymentLinks.version });
      version = bumped[0]?.version ?? (await linkVersion(db, input.linkId));
      continue;
    }
    return createVersion(db, stripe, input, version, settings);
  }
  return { ok: false, retryable: true, message: "The payment link changed too often; try again" };
}

async function createVersion(
  db: Database,
  stripe: Stripe,
  input: EnsureSessionInput,
  version: number,
  settings: { checkoutExpiryMinutes: number; shippingCountries: string[] },
): Promise<EnsureSessionResult> {
  const { order } = input;
  let couponId: string | null = null;
  try {
    // Before any coupon is made for an order Stripe could not charge correctly.
    checkCheckoutSum(order, input.items);
  } catch (error) {
    if (error instanceof CheckoutRefusedError)
      return { ok: false, retryable: false, message: error.message };
    throw error;
  }
  if (order.discountMinor > 0) {
    const coupon = await createCheckoutCoupon(stripe, order, version);
    if (!coupon.ok) return coupon;
    couponId = coupon.id;
  }
  let params: Stripe.Checkout.SessionCreateParams;
  try {
    params = checkoutSessionParams({
      couponId,
      order,
      items: input.items,
      token: input.token,
      origin: input.origin,
      expiryMinutes: settings.checkoutExpiryMinutes,
      shippingCountries: settings.shippingCountries,
      now: input.now,
    });
  } catch (error) {
    if (error instanceof CheckoutRefusedError)
      return { ok: false, retryable: false, message: error.message };
    throw error;
  }
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe.checkout.sessions.create(params, {
      idempotencyKey: `order:${order.id}:v${version}`,
    });
  } catch (error) {
    // Another open of this version is using the key (409), or used it a minute earlier with
    // another expires_at (400): its row is the answer.
    if ((error as { rawType?: string }).rawType === "idempotency_error") {
      const winner = await waitForRow(db, order.id, version);
      if (winner) return { ok: true, session: winner, created: false };
      return {
        ok: false,
        retryable: true,
        message: "Another open of this link is still under way",
      };
    }
    const described = describePaymentsError(error);
    return { ok: false, ...described, stripeRefused: !described.retryable };
  }
  if (!session.url) return { ok: false, retryable: true, message: "Stripe returned no URL" };
  const [inserted] = await db
    .insert(checkoutSessions)
    .values({
      storeId: order.storeId,
      orderId: order.id,
      sessionId: session.id,
      version,
      url: session.url,
      status: "open",
      amountMinor: order.totalMinor,
      currency: order.currency,
      expiresAt: new Date(session.expires_at * 1000),
      createdAt: input.now,
    })
    .onConflictDoNothing()
    .returning();
  if (inserted) return { ok: true, session: inserted, created: true };
  const winner = await currentRow(db, order.id, version);
  if (!winner) throw new Error("checkout session row conflict without a row");
  return { ok: true, session: winner, created: false };
}

async function waitForRow(db: Database, orderId: string, version: number) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const row = await currentRow(db, orderId, version);
    if (row) return row;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return undefined;
}

/**
 * Cancelling an unpaid order: expires its open Checkout Session through the API (if any).
 * A session Stripe reports paid is not cancellable: `ok: false` (not retryable).
 */
export async function expireOpenCheckoutSession(
  db: Database,
  input: { storeId: string; orderId: string },
  config: StripePlatformConfig,
): Promise<{ ok: true } | { ok: false; message: string; retryable: boolean }> {
  const open = await db
    .select()
    .from(checkoutSessions)
    .where(
      and(
        eq(checkoutSessions.storeId, input.storeId),
        eq(checkoutSessions.orderId, input.orderId),
        eq(checkoutSessions.status, "open"),
      ),
    )
    .orderBy(desc(checkoutSessions.version));
  if (open.length === 0) return { ok: true };
  const payments = await resolveStorePayments(db, input.storeId, config);
  if (payments.mode === "stripe") {
    const stripe = stripeClient(payments.secretKey, config.apiUrl);
    for (const row of open) {
      const result = await expireAtStripe(stripe, row.sessionId);
      if (!result.ok) {
        if (!result.retryable) {
          await recordPaymentsConfigurationError(db, {
            storeId: input.storeId,
            orderId: input.orderId,
            message: result.message,
            errorKind: result.errorKind,
            operation: "expire_checkout_session",
            at: new Date(),
          });
        }
        return { ok: false, message: result.message, retryable: result.retryable };
      }
      if (result.completed) {
        await db
          .update(checkoutSessions)
          .set({ status: "complete" })
          .where(and(eq(checkoutSessions.id, row.id), eq(checkoutSessions.status, "open")));
        return {
          ok: false,
          message: "The shopper has just paid this order at Stripe; it can no longer be cancelled",
          retryable: false,
        };
      }
    }
  }
  for (const row of open) {
    await db
      .update(checkoutSessions)
      .set({ status: "expired" })
      .where(and(eq(checkoutSessions.id, row.id), eq(checkoutSessions.status, "open")));
  }
  return { ok: true };
}
