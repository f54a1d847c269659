import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { stores } from "@/db/schema";
import type { ChatStore } from "@/lib/conversations/inbound";
import { isSandboxAllowed, type WhatsAppPlatformConfig } from "./channel";
import { isTrustedStoredNumber, ownTokenPhoneNumberId } from "./phone-number-binding";

const storeColumns = {
  id: stores.id,
  name: stores.name,
  currency: stores.currency,
  timezone: stores.timezone,
  defaultLanguage: stores.defaultLanguage,
  settings: stores.settings,
  slug: stores.slug,
  phoneNumberId: stores.whatsappPhoneNumberId,
  binding: stores.whatsappPhoneNumberBinding,
};

export type RoutedStore = ChatStore & { slug: string };

/**
 * The store an inbound item is for, by Meta's phone-number id: the operator's binding
 * (WHATSAPP_PHONE_NUMBERS) first, then a number the store proved with its own token (or the
 * demo seed's, in development). A number an owner merely typed routes nowhere.
 */
export async function findStoreByPhoneNumberId(
  db: Database,
  phoneNumberId: string,
  config: WhatsAppPlatformConfig,
): Promise<RoutedStore | null> {
  const sandbox = /^sandbox-([0-9a-f-]{36})$/.exec(phoneNumberId);
  if (sandbox) {
    if (!isSandboxAllowed(config)) return null;
    const [row] = await db
      .select(storeColumns)
      .from(stores)
      .where(eq(stores.id, sandbox[1] ?? ""));
    // A store with a real number never answers to its sandbox stand-in.
    return row && ownTokenPhoneNumberId(row, config) === null ? row : null;
  }
  const operatorSlug = config.platformPhoneNumbers.get(phoneNumberId);
  if (operatorSlug) {
    const [row] = await db.select(storeColumns).from(stores).where(eq(stores.slug, operatorSlug));
    return row ?? null;
  }
  const [row] = await db
    .select(storeColumns)
    .from(stores)
    .where(eq(stores.whatsappPhoneNumberId, phoneNumberId));
  return row && isTrustedStoredNumber(row, config) ? row : null;
}

/** The store recorded on a stored event: retries apply there, whoever holds the number now. */
export async function findStoreById(db: Database, storeId: string): Promise<RoutedStore | null> {
  const [row] = await db.select(storeColumns).from(stores).where(eq(stores.id, storeId));
  return row ?? null;
}
