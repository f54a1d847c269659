/** Shared by the loyalty chat tests (not a test file itself): a chat store with a programme. */
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { customers, loyaltyLedger, loyaltyPrograms } from "@/db/schema";
import { findAccount, ledgerSum, lockAccount, postLedgerEntry } from "@/lib/loyalty/ledger";
import { defaultLoyaltyRules, type LoyaltyRules } from "@/lib/loyalty/rules";
import { createOrderStore, type OrderStore } from "../orders/bot-order-helpers";

export const PROGRAMME = "Kyoto Tea Points";

/** The bot order store (JPY; Uji Matcha ¥3,200) with its programme on (or off). */
export async function createLoyaltyChatStore(
  db: Database,
  options: { enabled?: boolean; rules?: Partial<LoyaltyRules> } = {},
) {
  const shop = await createOrderStore(db);
  await db.insert(loyaltyPrograms).values({
    storeId: shop.store.id,
    enabled: options.enabled ?? true,
    name: PROGRAMME,
    rules: { ...defaultLoyaltyRules("JPY"), ...options.rules },
  });
  return shop;
}

export async function customerOf(db: Database, shop: OrderStore, waId: string) {
  const [customer] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.storeId, shop.store.id), eq(customers.waId, waId)));
  if (!customer) throw new Error(`no customer ${waId}`);
  return customer;
}

export async function accountFor(db: Database, shop: OrderStore, waId: string) {
  const customer = await customerOf(db, shop, waId);
  return findAccount(db, shop.store.id, customer.id);
}

export async function ledgerOf(db: Database, shop: OrderStore, waId: string) {
  const customer = await customerOf(db, shop, waId);
  return db
    .select()
    .from(loyaltyLedger)
    .where(
      and(eq(loyaltyLedger.storeId, shop.store.id), eq(loyaltyLedger.customerId, customer.id)),
    );
}

/** The account's cached balance must equal its ledger's sum after every operation. */
export async function balanceChecked(db: Database, shop: OrderStore, waId: string) {
  const account = await accountFor(db, shop, waId);
  if (!account) throw new Error("no account");
  const sum = await ledgerSum(db, account.id);
  if (sum !== account.balance) throw new Error(`cached ${account.balance} ≠ ledger ${sum}`);
  return account.balance;
}

/** One ledger row for the customer, as the lib/loyalty functions would write it. */
export async function post(
  db: Database,
  shop: OrderStore,
  waId: string,
  entry: {
    delta: number;
    reason: Parameters<typeof postLedgerEntry>[1]["reason"];
    causeKey: string;
    at: Date;
    availableAt?: Date;
    orderId?: string;
  },
) {
  const customer = await customerOf(db, shop, waId);
  await db.transaction(async (tx) => {
    const account = await lockAccount(tx, shop.store.id, customer.id);
    if (!account) throw new Error("no account");
    await postLedgerEntry(tx, {
      storeId: shop.store.id,
      account,
      delta: entry.delta,
      reason: entry.reason,
      causeKey: entry.causeKey,
      orderId: entry.orderId,
      availableAt: entry.availableAt,
      now: entry.at,
    });
  });
}

type Sent = { type: string; body: string | null; intent: string | null; content: unknown };

export function buttonsOf(message: Sent | undefined): { id: string; title: string }[] {
  const content = message?.content as { type?: string; buttons?: { id: string; title: string }[] };
  if (content?.type !== "buttons") throw new Error(`not buttons: ${JSON.stringify(content)}`);
  return content.buttons ?? [];
}

export function bodyOf(message: Sent | undefined): string {
  const content = message?.content as { body?: string; text?: string };
  return content?.body ?? content?.text ?? "";
}
