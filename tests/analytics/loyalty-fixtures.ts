import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import {
  type LoyaltyReason,
  loyaltyAccounts,
  loyaltyLedger,
  loyaltyPrograms,
  orders,
} from "@/db/schema";
import type { AnalyticsWindow } from "@/lib/analytics/range";
import {
  insertCustomers,
  instantNear,
  type Random,
  randomOrder,
  type TestStore,
} from "./sections-fixtures";

const DAY = 86_400_000;
/** Reasons with the sign their rows carry; adjust goes both ways. */
const MOVES: [LoyaltyReason, 1 | -1][] = [
  ["signup", 1],
  ["earn", 1],
  ["earn", 1],
  ["first_order", 1],
  ["birthday", 1],
  ["tier_reward", 1],
  ["adjust", 1],
  ["adjust", -1],
  ["redeem", -1],
  ["redeem", -1],
  ["redeem_return", 1],
  ["reversal", -1],
  ["expire", -1],
];

let causeCounter = 0;

/**
 * A store's programme (its own point value), customers with and without accounts (joined
 * before, in and after the window, invited only), ledger rows of every reason around the
 * window's edges (some earnings pending for days), balances equal to the ledger's sums, and paid,
 * refunded, pending and foreign-currency orders by members, others and guests.
 */
export async function seedLoyaltyStore(
  db: Database,
  store: TestStore,
  window: AnalyticsWindow,
  random: Random,
  options: { pointValueMinor: number },
): Promise<void> {
  await db
    .insert(loyaltyPrograms)
    .values({
      storeId: store.id,
      enabled: true,
      name: "Points",
      rules: { pointValueMinor: options.pointValueMinor },
    })
    .onConflictDoNothing();
  const customerIds = await insertCustomers(db, store, 50, random, () => window.start);
  const withAccounts = customerIds.filter(() => random.chance(0.75));
  const accounts = await db
    .insert(loyaltyAccounts)
    .values(
      withAccounts.map((customerId) => ({
        storeId: store.id,
        customerId,
        invitedAt: window.start,
        joinedAt: random.chance(0.15) ? null : instantNear(window, random),
        tier: random.pick(["member", "member", "silver", "gold", "retired_tier"]),
      })),
    )
    .returning({ id: loyaltyAccounts.id, customerId: loyaltyAccounts.customerId });

  const ledgerRows = Array.from({ length: 250 }, () => {
    const account = random.pick(accounts);
    const [reason, sign] = random.pick(MOVES);
    const createdAt = instantNear(window, random);
    causeCounter += 1;
    return {
      storeId: store.id,
      accountId: account.id,
      customerId: account.customerId,
      delta: sign * random.int(1, 400),
      reason,
      causeKey: `${reason}:test:${causeCounter}`,
      availableAt:
        reason === "earn" && random.chance(0.4)
          ? new Date(createdAt.getTime() + random.int(1, 20) * DAY)
          : createdAt,
      createdAt,
    };
  });
  await db.insert(loyaltyLedger).values(ledgerRows);
  await db
    .update(loyaltyAccounts)
    .set({
      balance: sql`(select coalesce(sum(l.delta), 0) from loyalty_ledger l where l.account_id = ${loyaltyAccounts.id})`,
    })
    .where(eq(loyaltyAccounts.storeId, store.id));

  const buyers = [...customerIds, null];
  const orderRows = Array.from({ length: 180 }, () =>
    randomOrder(store, random.pick(buyers), random, instantNear(window, random)),
  );
  // Orders long before the window: they make a customer a repeat customer, never revenue.
  for (const customerId of customerIds.slice(0, 10)) {
    orderRows.push(
      randomOrder(store, customerId, random, new Date(window.start.getTime() - 40 * DAY)),
    );
  }
  await db.insert(orders).values(orderRows);
}
