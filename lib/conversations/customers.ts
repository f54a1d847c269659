import "server-only";
import { and, eq, getTableColumns, isNull, or, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { type Customer, customers } from "@/db/schema";

export type InboundIdentity = {
  waId: string | null;
  /** The business-scoped user id (BSUID): the stable identity when Meta sends it. */
  userId: string | null;
  username: string | null;
  profileName: string | null;
  at: Date;
};

const customerRow = { ...getTableColumns(customers), inserted: sql<boolean>`(xmax = 0)` };

/**
 * The customer behind an inbound message, created on first contact. A customer is known by
 * their BSUID when Meta sends one and by their number otherwise; whichever arrives later is
 * filled in, never a second customer. `last_inbound_at` only moves forward (webhooks arrive
 * out of order) and keeps the 24-hour window.
 */
export async function upsertCustomerFromInbound(
  db: Database,
  storeId: string,
  input: InboundIdentity,
): Promise<{ customer: Customer; isNew: boolean }> {
  if (!input.waId && !input.userId) throw new Error("an inbound message names no customer");
  const values = {
    storeId,
    waId: input.waId,
    phone: input.waId ? `+${input.waId}` : null,
    userId: input.userId,
    username: input.username,
    name: input.profileName,
    lastInboundAt: input.at,
  };
  const merge = {
    name: sql`coalesce(excluded.name, ${customers.name})`,
    username: sql`coalesce(excluded.username, ${customers.username})`,
    lastInboundAt: sql`greatest(${customers.lastInboundAt}, excluded.last_inbound_at)`,
  };
  if (input.userId) {
    // Known by number before Meta sent BSUIDs: the same customer gains the BSUID.
    if (input.waId) {
      const [known] = await db
        .update(customers)
        .set({
          userId: input.userId,
          name: sql`coalesce(${input.profileName}, ${customers.name})`,
          username: sql`coalesce(${input.username}, ${customers.username})`,
          lastInboundAt: sql`greatest(${customers.lastInboundAt}, ${input.at})`,
        })
        .where(
          and(
            eq(customers.storeId, storeId),
            eq(customers.waId, input.waId),
            or(isNull(customers.userId), eq(customers.userId, input.userId)),
          ),
        )
        .returning();
      if (known) return { customer: known, isNew: false };
    }
    const [row] = await db
      .insert(customers)
      .values(values)
      .onConflictDoUpdate({
        target: [customers.storeId, customers.userId],
        set: {
          ...merge,
          waId: sql`coalesce(${customers.waId}, excluded.wa_id)`,
          phone: sql`coalesce(${customers.phone}, excluded.phone)`,
        },
      })
      .returning(customerRow);
    if (!row) throw new Error("customer upsert returned nothing");
    const { inserted, ...customer } = row;
    return { customer, isNew: inserted };
  }
  const [row] = await db
    .insert(customers)
    .values(values)
    .onConflictDoUpdate({ target: [customers.storeId, customers.waId], set: merge })
    // xmax = 0 only on a freshly inserted row: tells insert from update in one statement.
    .returning(customerRow);
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

export type CustomerIdentity = { waId: string | null; userId: string | null };

/** The store's customer with this BSUID, else this number; null when neither is known. */
export async function findCustomerByIdentity(
  db: Database,
  storeId: string,
  identity: CustomerIdentity,
): Promise<Customer | null> {
  const matches = [
    identity.userId ? eq(customers.userId, identity.userId) : undefined,
    identity.waId ? eq(customers.waId, identity.waId) : undefined,
  ].filter((condition) => condition !== undefined);
  if (matches.length === 0) return null;
  const rows = await db
    .select()
    .from(customers)
    .where(and(eq(customers.storeId, storeId), or(...matches)));
  return rows.find((row) => identity.userId && row.userId === identity.userId) ?? rows[0] ?? null;
}

/**
 * The customer a business-side item names (an owner's echo, a preference change), created
 * when new. Unlike an inbound message it leaves `last_inbound_at` alone: the customer wrote
 * nothing, so the 24-hour window does not move.
 */
export async function ensureCustomer(
  db: Database,
  storeId: string,
  identity: CustomerIdentity,
): Promise<Customer> {
  if (!identity.waId && !identity.userId) throw new Error("the item names no customer");
  const known = await findCustomerByIdentity(db, storeId, identity);
  if (known) return known;
  const [row] = await db
    .insert(customers)
    .values({
      storeId,
      waId: identity.waId,
      phone: identity.waId ? `+${identity.waId}` : null,
      userId: identity.userId,
    })
    .onConflictDoNothing()
    .returning();
  if (row) return row;
  const raced = await findCustomerByIdentity(db, storeId, identity);
  if (!raced) throw new Error("the item names no customer");
  return raced;
}
