import "server-only";
import type { Database } from "@/db/drivers";
import { readCredentialBySlug } from "./credentials";

/**
 * The app secret a `?store=<slug>` webhook is signed with, cached per instance for a minute.
 * Anyone can post to that URL, so an unsigned flood must not cost a database round trip and a
 * decryption each: one indexed query by slug (joined to the credential), then memory. Saving
 * or removing the store's app secret forgets it here; other serverless instances may keep the
 * old secret until their entry expires (at most TTL_MS).
 */

export type NamedStoreSecret = { storeId: string; appSecret: string | undefined };

type Entry = { expiresAt: number; storeId?: string; value: Promise<NamedStoreSecret | null> };

export const WEBHOOK_SECRET_TTL_MS = 60_000;
const MAX_ENTRIES = 1_000;
const cache = new Map<string, Entry>();

async function load(
  db: Database,
  slug: string,
  encryptionKey: string,
): Promise<NamedStoreSecret | null> {
  const found = await readCredentialBySlug(db, slug, "whatsapp_app_secret", encryptionKey);
  return found && { storeId: found.storeId, appSecret: found.value };
}

/** The store named by `slug` and its own app secret (undefined: it signs with the platform's). */
export function namedStoreWebhookSecret(
  db: Database,
  slug: string,
  encryptionKey: string,
  now: number = Date.now(),
): Promise<NamedStoreSecret | null> {
  const hit = cache.get(slug);
  if (hit && hit.expiresAt > now) return hit.value;
  cache.delete(slug);
  if (cache.size >= MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  const entry: Entry = {
    expiresAt: now + WEBHOOK_SECRET_TTL_MS,
    value: load(db, slug, encryptionKey),
  };
  cache.set(slug, entry);
  entry.value.then(
    (value) => {
      entry.storeId = value?.storeId;
    },
    () => {
      if (cache.get(slug) === entry) cache.delete(slug);
    },
  );
  return entry.value;
}

/** Called when a store's app secret changes; entries still loading are dropped too. */
export function forgetWebhookSecret(storeId: string): void {
  for (const [slug, entry] of cache) {
    if (entry.storeId === storeId || entry.storeId === undefined) cache.delete(slug);
  }
}
