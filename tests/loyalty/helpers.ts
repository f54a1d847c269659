import { eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { loyaltyAccounts, loyaltyPrograms, orders } from "@/db/schema";
import { accountBalances, findAccount, ledgerSum } from "@/lib/loyalty/ledger";
import { joinProgramme } from "@/lib/loyalty/membership";
import { defaultLoyaltyRules, type LoyaltyRules } from "@/lib/loyalty/rules";
import { createPayShop, createPendingOrder, type PayShop } from "../payments/helpers";

/** A store (JPY by default) with the programme on under `rules` and a customer who joined. */
export async function createLoyaltyShop(
  db: Database,
  options: { currency?: string; rules?: Partial<LoyaltyRules>; join?: boolean; now?: Date } = {},
) {
  const shop = await createPayShop(db, { currency: options.currency ?? "JPY" });
  const rules = { ...defaultLoyaltyRules(shop.store.currency), ...options.rules };
  await db.insert(loyaltyPrograms).values({
    storeId: shop.store.id,
    enabled: true,
    name: "Test Points",
    rules,
  });
  if (options.join !== false) {
    const joined = await joinProgramme(db, {
      storeId: shop.store.id,
      customerId: shop.customer.id,
      now: options.now ?? new Date(),
    });
    if (!joined.ok) throw new Error("fixture join failed");
  }
  return { ...shop, rules };
}

export type LoyaltyShop = Awaited<ReturnType<typeof createLoyaltyShop>>;

export async function accountOf(db: Database, shop: PayShop) {
  const account = await findAccount(db, shop.store.id, shop.customer.id);
  if (!account) throw new Error("no loyalty account");
  return account;
}

/** The cached balance, the ledger's sum and the balances at `now`. */
export async function pointsOf(db: Database, shop: PayShop, now = new Date()) {
  const account = await accountOf(db, shop);
  return {
    account,
    sum: await ledgerSum(db, account.id),
    ...(await accountBalances(db, account, now)),
  };
}

/** A pending order whose total is `totalMinor` (one line of a product priced so). */
export async function orderOfTotal(db: Database, shop: PayShop, quantity = 1) {
  return createPendingOrder(db, shop, { lines: [{ productId: shop.matcha.id, quantity }] });
}

export async function setPaid(db: Database, orderId: string, paidAt: Date) {
  const [row] = await db
    .update(orders)
    .set({ status: "paid", paidAt, paymentIntentId: `pi_${orderId.slice(0, 8)}` })
    .where(eq(orders.id, orderId))
    .returning();
  return row!;
}

export async function setRefunded(db: Database, orderId: string, refundedMinor: number) {
  const [row] = await db
    .update(orders)
    .set({ refundedMinor })
    .where(eq(orders.id, orderId))
    .returning();
  return row!;
}

export async function setAccount(
  db: Database,
  accountId: string,
  values: Partial<typeof loyaltyAccounts.$inferInsert>,
) {
  await db.update(loyaltyAccounts).set(values).where(eq(loyaltyAccounts.id, accountId));
}
