/** Shared by the loyalty payment tests (not a test file itself): a chat store with a programme. */
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { customers, events, loyaltyLedger, loyaltyPrograms, messages } from "@/db/schema";
import { findAccount, ledgerSum } from "@/lib/loyalty/ledger";
import { joinProgramme } from "@/lib/loyalty/membership";
import { redeemOnOrder } from "@/lib/loyalty/redeem";
import { defaultLoyaltyRules, type LoyaltyRules } from "@/lib/loyalty/rules";
import type { Order } from "@/db/schema";
import {
  createPaymentShop,
  deliver,
  newOrder,
  type PaymentShop,
  reloadOrder,
  sessionObject,
  stripeEvent,
} from "../payments/stripe-helpers";

export const PROGRAMME_NAME = "Kyoto Tea Points";

/**
 * A chat store (JPY, matcha ¥3,200) whose shopper wrote just now and opted in, with the
 * programme on; the shopper has joined (100 points) unless `join: false`.
 */
export async function createLoyaltyChatShop(
  db: Database,
  options: {
    rules?: Partial<LoyaltyRules>;
    join?: boolean;
    enabled?: boolean;
    optedIn?: boolean;
    lastInboundAt?: Date | null;
    language?: string;
  } = {},
) {
  const shop = await createPaymentShop(db, {
    ...(options.lastInboundAt !== undefined && { lastInboundAt: options.lastInboundAt }),
    ...(options.language && { language: options.language }),
  });
  if (options.optedIn === false) {
    await db.update(customers).set({ optedInAt: null }).where(eq(customers.id, shop.customer.id));
  }
  const rules = { ...defaultLoyaltyRules("JPY"), ...options.rules };
  await db.insert(loyaltyPrograms).values({
    storeId: shop.store.id,
    enabled: options.enabled ?? true,
    name: PROGRAMME_NAME,
    rules,
  });
  if (options.join !== false) {
    const joined = await joinProgramme(db, {
      storeId: shop.store.id,
      customerId: shop.customer.id,
      now: new Date(Date.now() - 60_000),
    });
    if (!joined.ok) throw new Error("fixture join failed");
  }
  return { ...shop, rules };
}
export type LoyaltyChatShop = Awaited<ReturnType<typeof createLoyaltyChatShop>>;

/** A pending order of `quantity` × matcha (¥3,200 each), optionally paying `points` of it. */
export async function orderWithPoints(
  db: Database,
  shop: PaymentShop,
  options: { quantity?: number; points?: number; language?: string } = {},
) {
  const created = await newOrder(db, shop, {
    quantity: options.quantity ?? 2,
    ...(options.language && { language: options.language }),
  });
  if (!options.points) return { order: created.order, link: created.link };
  const redeemed = await redeemOnOrder(db, {
    storeId: shop.store.id,
    customerId: shop.customer.id,
    orderId: created.order.id,
    points: options.points,
    now: new Date(),
  });
  if (!redeemed.ok) throw new Error(`fixture redemption failed: ${redeemed.reason}`);
  return { order: redeemed.order, link: created.link };
}

/** Stripe's signed checkout.session.completed for the order, received and applied. */
export async function payByWebhook(db: Database, order: Order, overrides = {}) {
  const event = stripeEvent("checkout.session.completed", sessionObject(order, overrides));
  const delivered = await deliver(db, event);
  return { event, delivered, order: await reloadOrder(db, order.id) };
}

export async function ledgerRows(db: Database, storeId: string, customerId: string) {
  return db
    .select()
    .from(loyaltyLedger)
    .where(and(eq(loyaltyLedger.storeId, storeId), eq(loyaltyLedger.customerId, customerId)))
    .orderBy(loyaltyLedger.createdAt);
}

/** The account's cached balance, which must equal the ledger's sum. */
export async function balanceOf(db: Database, shop: PaymentShop): Promise<number> {
  const account = await findAccount(db, shop.store.id, shop.customer.id);
  if (!account) return 0;
  const sum = await ledgerSum(db, account.id);
  if (sum !== account.balance) throw new Error(`cached ${account.balance} ≠ ledger ${sum}`);
  return account.balance;
}

export async function confirmationOf(db: Database, orderId: string) {
  const [row] = await db
    .select()
    .from(messages)
    .where(eq(messages.dedupeKey, `order:${orderId}:confirmation`));
  return row;
}

export async function eventsOf(db: Database, orderId: string, type: string) {
  return db
    .select()
    .from(events)
    .where(and(eq(events.orderId, orderId), eq(events.type, type)));
}
