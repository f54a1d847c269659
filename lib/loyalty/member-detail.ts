import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/drivers";
import { customers, loyaltyLedger, orders, users } from "@/db/schema";
import { formatPhoneNumber } from "@/lib/stores/profile-schema";
import { accountBalances, findAccount } from "./ledger";
import { twelveMonthSpend } from "./spend";

/** The most ledger rows the customer page lists (newest first). */
export const MEMBER_LEDGER_LIMIT = 500;

const customerIdSchema = z.uuid();

/**
 * One customer's place in the store's programme for the customer page: balances, tier,
 * birthday, 12 months' spend and the ledger with order numbers and who adjusted.
 * Null when the id is not a customer of `storeId` with an account (never another store's).
 */
export async function loadMemberDetail(
  db: Database,
  storeId: string,
  customerId: string,
  now: Date,
) {
  if (!customerIdSchema.safeParse(customerId).success) return null;
  const [customer] = await db
    .select({ id: customers.id, name: customers.name, phone: customers.phone })
    .from(customers)
    .where(and(eq(customers.storeId, storeId), eq(customers.id, customerId)));
  if (!customer) return null;
  const account = await findAccount(db, storeId, customerId);
  if (!account) return null;
  const [balances, spendMinor, ledger] = await Promise.all([
    accountBalances(db, account, now),
    twelveMonthSpend(db, storeId, customerId, now),
    db
      .select({
        id: loyaltyLedger.id,
        createdAt: loyaltyLedger.createdAt,
        availableAt: loyaltyLedger.availableAt,
        reason: loyaltyLedger.reason,
        delta: loyaltyLedger.delta,
        orderNumber: orders.number,
        note: loyaltyLedger.note,
        adjustedBy: users.name,
        adjustedByEmail: users.email,
      })
      .from(loyaltyLedger)
      .leftJoin(orders, and(eq(orders.id, loyaltyLedger.orderId), eq(orders.storeId, storeId)))
      .leftJoin(users, eq(users.id, loyaltyLedger.adjustedBy))
      .where(and(eq(loyaltyLedger.storeId, storeId), eq(loyaltyLedger.accountId, account.id)))
      .orderBy(desc(loyaltyLedger.createdAt), desc(loyaltyLedger.id))
      .limit(MEMBER_LEDGER_LIMIT),
  ]);
  return {
    customer: {
      id: customer.id,
      name: customer.name,
      phone: customer.phone ? formatPhoneNumber(customer.phone) : null,
    },
    account: {
      joinedAt: account.joinedAt,
      tier: account.tier,
      lastActivityAt: account.lastActivityAt,
      birthday:
        account.birthdayMonth && account.birthdayDay
          ? { month: account.birthdayMonth, day: account.birthdayDay }
          : null,
    },
    balances,
    spendMinor,
    ledger: ledger.map(({ adjustedByEmail, ...row }) => ({
      ...row,
      adjustedBy: row.adjustedBy ?? adjustedByEmail,
      pending: row.availableAt > now,
    })),
  };
}

export type MemberDetail = NonNullable<Awaited<ReturnType<typeof loadMemberDetail>>>;
