import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { conversations, customers, loyaltyLedger, messages } from "@/db/schema";
import type { PayShop } from "../payments/helpers";

/** Gives the shop's customer a conversation in `language`, consent and a last message time. */
export async function chatWith(
  db: Database,
  shop: PayShop,
  options: {
    language?: string;
    optedIn?: boolean;
    optedOut?: boolean;
    lastInboundAt?: Date | null;
  },
) {
  await db.insert(conversations).values({
    storeId: shop.store.id,
    customerId: shop.customer.id,
    language: options.language ?? "en",
  });
  await db
    .update(customers)
    .set({
      optedInAt: options.optedIn === false || options.optedOut ? null : new Date(0),
      optedOutAt: options.optedOut ? new Date(0) : null,
      lastInboundAt: options.lastInboundAt ?? null,
    })
    .where(eq(customers.id, shop.customer.id));
}

export async function ledgerRows(db: Database, shop: PayShop, reason?: "expire" | "birthday") {
  const rows = await db
    .select()
    .from(loyaltyLedger)
    .where(
      and(eq(loyaltyLedger.storeId, shop.store.id), eq(loyaltyLedger.customerId, shop.customer.id)),
    );
  return reason ? rows.filter((row) => row.reason === reason) : rows;
}

export async function messagesWithIntent(db: Database, shop: PayShop, intent: string) {
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.customerId, shop.customer.id), eq(messages.intent, intent)));
}
