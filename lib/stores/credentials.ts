import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/drivers";
import { type CredentialName, credentialName, storeCredentials, stores } from "@/db/schema";
import { decryptSecret, encryptSecret, lastFour } from "@/lib/crypto/secrets";

export const CREDENTIAL_NAMES = credentialName.enumValues;

/** Shape checks for each secret, so a key pasted into the wrong box is caught. */
export const credentialValueSchemas: Record<CredentialName, z.ZodType<string>> = {
  whatsapp_access_token: z
    .string()
    .trim()
    .min(20, "An access token is a long string from Meta's WhatsApp Manager")
    .regex(/^\S+$/, "The token must not contain spaces"),
  whatsapp_app_secret: z
    .string()
    .trim()
    .regex(/^[0-9a-f]{32}$/i, "The app secret is 32 hexadecimal characters (App settings → Basic)"),
  stripe_secret_key: z
    .string()
    .trim()
    .regex(
      /^(sk|rk)_(test|live)_[0-9A-Za-z]{10,}$/,
      "A Stripe secret key starts with sk_test_, sk_live_ or rk_",
    ),
  stripe_webhook_secret: z
    .string()
    .trim()
    .regex(/^whsec_[0-9A-Za-z+/=]{10,}$/, "A Stripe webhook signing secret starts with whsec_"),
};

export const phoneNumberIdField = z
  .string()
  .trim()
  .regex(
    /^\d{5,20}$/,
    "The phone-number id is the number Meta shows under API Setup (digits only)",
  );

export type CredentialSummary = { name: CredentialName; last4: string; updatedAt: Date };

function context(storeId: string, name: CredentialName): string {
  return `${storeId}:${name}`;
}

/** What the dashboard may show: never the secret, only its last four characters. */
export async function listCredentialSummaries(
  db: Database,
  storeId: string,
): Promise<CredentialSummary[]> {
  return db
    .select({
      name: storeCredentials.name,
      last4: storeCredentials.last4,
      updatedAt: storeCredentials.updatedAt,
    })
    .from(storeCredentials)
    .where(eq(storeCredentials.storeId, storeId));
}

export async function saveCredential(
  db: Database,
  storeId: string,
  name: CredentialName,
  value: string,
  encryptionKey: string,
): Promise<void> {
  const ciphertext = encryptSecret(value, encryptionKey, context(storeId, name));
  const now = new Date();
  await db
    .insert(storeCredentials)
    .values({ storeId, name, ciphertext, last4: lastFour(value), updatedAt: now })
    .onConflictDoUpdate({
      target: [storeCredentials.storeId, storeCredentials.name],
      set: { ciphertext, last4: lastFour(value), updatedAt: now },
    });
}

export async function removeCredential(
  db: Database,
  storeId: string,
  name: CredentialName,
): Promise<void> {
  await db
    .delete(storeCredentials)
    .where(and(eq(storeCredentials.storeId, storeId), eq(storeCredentials.name, name)));
}

/** Decrypts one secret for server-side use (sending messages, calling Stripe). */
export async function readCredential(
  db: Database,
  storeId: string,
  name: CredentialName,
  encryptionKey: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ ciphertext: storeCredentials.ciphertext })
    .from(storeCredentials)
    .where(and(eq(storeCredentials.storeId, storeId), eq(storeCredentials.name, name)));
  return row ? decryptSecret(row.ciphertext, encryptionKey, context(storeId, name)) : undefined;
}

export class PhoneNumberIdTakenError extends Error {
  override name = "PhoneNumberIdTakenError";
}

/** Sets (or clears, with null) the store's WhatsApp phone-number id, which must be unique. */
export async function setWhatsappPhoneNumberId(
  db: Database,
  storeId: string,
  phoneNumberId: string | null,
): Promise<void> {
  try {
    await db
      .update(stores)
      .set({ whatsappPhoneNumberId: phoneNumberId, updatedAt: new Date() })
      .where(eq(stores.id, storeId));
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new PhoneNumberIdTakenError(
        "This phone-number id is already connected to another store",
      );
    }
    throw error;
  }
}

export function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  while (current && typeof current === "object") {
    if ((current as { code?: unknown }).code === "23505") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
