import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { type MemberRole, type Store, storeMembers, stores } from "@/db/schema";
import { consumeRateLimit } from "@/lib/rate-limit";
import { CurrencyLockedError, currencyLockReason } from "./currency-lock";
import type { StoreProfileInput } from "./profile-schema";
import { reservedStoreNameProblem, slugFromName } from "./slugs";

export type Membership = { store: Store; role: MemberRole };

/** Stores one user may create in a day (fixed window, counted in Postgres). */
export const STORES_PER_USER_PER_DAY = { limit: 3, windowSeconds: 24 * 60 * 60 } as const;

function randomSuffix(): string {
  return Math.random().toString(36).slice(2, 6);
}

export type CreateStoreResult =
  | { ok: true; store: Store }
  | { ok: false; reason: "reserved_name" | "daily_limit" | "slug_taken"; message: string };

/**
 * Creates a store and makes `ownerUserId` its owner. Its slug is `slug` when the owner chose
 * one (refused when taken), else derived from the name (retried on collision). Refuses a name
 * whose derived slug is reserved, and more than STORES_PER_USER_PER_DAY per user.
 */
export async function createStoreWithOwner(
  db: Database,
  input: StoreProfileInput & { ownerUserId: string; slug?: string },
): Promise<CreateStoreResult> {
  const reserved = input.slug ? null : reservedStoreNameProblem(input.name);
  if (reserved) return { ok: false, reason: "reserved_name", message: reserved };
  const quota = await consumeRateLimit(
    db,
    `store-create:user:${input.ownerUserId}`,
    STORES_PER_USER_PER_DAY,
  );
  if (!quota.allowed) {
    return {
      ok: false,
      reason: "daily_limit",
      message: `You can create ${STORES_PER_USER_PER_DAY.limit} stores a day. Try again tomorrow.`,
    };
  }
  const base = input.slug ?? slugFromName(input.name);
  for (let attempt = 0; attempt < (input.slug ? 1 : 8); attempt++) {
    const slug = attempt === 0 ? base : `${base}-${randomSuffix()}`;
    const [store] = await db
      .insert(stores)
      .values({
        slug,
        name: input.name,
        whatsappNumber: input.whatsappNumber,
        currency: input.currency,
        timezone: input.timezone,
        defaultLanguage: input.defaultLanguage,
        languages: [input.defaultLanguage],
      })
      .onConflictDoNothing({ target: stores.slug })
      .returning();
    if (store) {
      await db
        .insert(storeMembers)
        .values({ storeId: store.id, userId: input.ownerUserId, role: "owner" });
      return { ok: true, store };
    }
  }
  if (input.slug) {
    return {
      ok: false,
      reason: "slug_taken",
      message: `Another store already has the address /s/${input.slug}: choose another`,
    };
  }
  throw new Error(`Could not find a free store slug for "${input.name}"`);
}

export async function listMemberships(db: Database, userId: string): Promise<Membership[]> {
  const rows = await db
    .select({ store: stores, role: storeMembers.role })
    .from(storeMembers)
    .innerJoin(stores, eq(stores.id, storeMembers.storeId))
    .where(eq(storeMembers.userId, userId))
    .orderBy(asc(storeMembers.createdAt), asc(stores.slug));
  return rows;
}

/**
 * Saves the profile. A currency change is refused (CurrencyLockedError) once the store has
 * priced products or orders; the store row is locked so the check and the write agree.
 */
export async function updateStoreProfile(
  db: Database,
  storeId: string,
  input: StoreProfileInput,
): Promise<Store> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ languages: stores.languages, currency: stores.currency })
      .from(stores)
      .where(eq(stores.id, storeId))
      .for("update");
    if (!current) throw new Error("store not found");
    if (input.currency !== current.currency) {
      const locked = await currencyLockReason(tx, storeId);
      if (locked) throw new CurrencyLockedError(locked);
    }
    const languages = [
      input.defaultLanguage,
      ...current.languages.filter((l) => l !== input.defaultLanguage),
    ];
    const [store] = await tx
      .update(stores)
      .set({ ...input, languages, updatedAt: new Date() })
      .where(eq(stores.id, storeId))
      .returning();
    if (!store) throw new Error("store not found");
    return store;
  });
}

export async function findStoreBySlug(db: Database, slug: string): Promise<Store | undefined> {
  const [store] = await db.select().from(stores).where(eq(stores.slug, slug));
  return store;
}
