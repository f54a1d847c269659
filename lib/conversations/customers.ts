import "server-only";
import { and, eq, getTableColumns, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { type Customer, customers } from "@/db/schema";

/**
 * The customer behind an inbound message, created on first contact. `last_inbound_at` only
 * moves forward (webhooks arrive out of order) and keeps the 24-hour window.
 */
export async function upsertCustomerFromInbound(
  db: Database,
  storeId: string,
  input: { waId: string; profileName: string | null; at: Date },
): Promise<{ customer: Customer; isNew: boolean }> {
  const [row] = await db
    .insert(customers)
    .values({
      storeId,
      waId: input.waId,
      phone: `+${input.waId}`,
      name: input.profileName,
      lastInboundAt: input.at,
    })
    .onConflictDoUpdate({
      target: [customers.storeId, customers.waId],
      set: {
        name: sql`coalesce(excluded.name, ${customers.name})`,
        lastInboundAt: sql`greatest(${customers.lastInboundAt}, excluded.last_inbound_at)`,
      },
    })
    // xmax = 0 only on a freshly inserted row: tells insert from update in one statement.
    .returning({ ...getTableColumns(customers), inserted: sql<boolean>`(xmax = 0)` });
  if (!row) throw new Error("customer upsert returned nothing");
  const { inserted, ...customer } = row;
  return { customer, isNew: inserted };
}

export type ConsentChange = "opt_in" | "opt_out" | "asked";

export async function recordConsent(
  db: Database,
  storeId: string,
  customerId: string,
  change: ConsentChange,
  at: Date,
): Promise<void> {
  const set =
    change === "opt_in"
      ? { optedInAt: at, optedOutAt: null }
      : change === "opt_out"
        ? { optedOutAt: at, optedInAt: null }
        : { consentAskedAt: at };
  await db
    .update(customers)
    .set(set)
    .where(and(eq(customers.storeId, storeId), eq(customers.id, customerId)));
}

export async function rememberCustomerLocale(
  db: Database,
  storeId: string,
  customerId: string,
  locale: string,
): Promise<void> {
  await db
    .update(customers)
    .set({ locale })
    .where(
      and(
        eq(customers.storeId, storeId),
        eq(customers.id, customerId),
        sql`${customers.locale} is null`,
      ),
    );
}
