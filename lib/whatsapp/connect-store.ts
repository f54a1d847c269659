import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { stores } from "@/db/schema";
import {
  isUniqueViolation,
  readCredential,
  removeCredential,
  saveCredential,
} from "@/lib/stores/credentials";
import { forgetWebhookSecret } from "@/lib/stores/webhook-secret-cache";
import type { WhatsAppPlatformConfig } from "./channel";
import { loadStoreNumber } from "./channel";
import { lookUpPhoneNumber } from "./phone-number-lookup";

export type WhatsappSettingsInput = {
  phoneNumberId?: string;
  accessToken?: string;
  appSecret?: string;
};

export type WhatsappSettingsResult =
  | { ok: true; changed: boolean; verifyToken: string | null }
  | { ok: false; field: "phoneNumberId" | "accessToken"; reason: string };

type ConnectConfig = Pick<
  WhatsAppPlatformConfig,
  "graphApiUrl" | "platformPhoneNumbers" | "encryptionKey"
>;

export const PLATFORM_NUMBERS_ARE_OPERATOR_BOUND =
  "Without your own access token, messages go out with Chatcart's token, and its numbers are bound by the operator. Add your own access token to connect a number of your own.";

/** A fresh verify token for the store's own Meta app (shown once, stored encrypted). */
export function generateVerifyToken(): string {
  return randomBytes(24).toString("base64url");
}

/**
 * Saves the WhatsApp part of Settings. A phone-number id is only ever stored after Graph API
 * confirmed that the store's own token can use it; without an own token numbers are the
 * operator's to bind. Graph is asked before the transaction, and nothing is saved on refusal.
 * Saving an app secret (the store has its own Meta app) also makes a new verify token.
 */
export async function saveWhatsappSettings(
  db: Database,
  store: { id: string; slug: string },
  input: WhatsappSettingsInput,
  config: ConnectConfig,
  fetchImpl?: typeof fetch,
): Promise<WhatsappSettingsResult> {
  const token =
    input.accessToken ??
    (await readCredential(db, store.id, "whatsapp_access_token", config.encryptionKey));
  const current = await loadStoreNumber(db, store.id);
  if (!current) throw new Error("store not found");
  if (input.phoneNumberId && !token) {
    return { ok: false, field: "phoneNumberId", reason: PLATFORM_NUMBERS_ARE_OPERATOR_BOUND };
  }
  const candidate =
    input.phoneNumberId ??
    (input.accessToken && current.binding === "store_token" ? current.phoneNumberId : null);
  let number: { phoneNumberId: string; displayPhoneNumber: string } | null = null;
  if (candidate && token) {
    const boundTo = config.platformPhoneNumbers.get(candidate);
    if (boundTo !== undefined && boundTo !== store.slug) {
      return {
        ok: false,
        field: "phoneNumberId",
        reason: "This phone-number id is bound to another store by the operator.",
      };
    }
    const lookup = await lookUpPhoneNumber({
      graphApiUrl: config.graphApiUrl,
      phoneNumberId: candidate,
      accessToken: token,
      fetchImpl,
    });
    if (!lookup.ok) {
      return {
        ok: false,
        field: input.phoneNumberId ? "phoneNumberId" : "accessToken",
        reason: lookup.reason,
      };
    }
    number = { phoneNumberId: candidate, displayPhoneNumber: lookup.displayPhoneNumber };
  }
  const verifyToken = input.appSecret ? generateVerifyToken() : null;
  const key = config.encryptionKey;
  try {
    await db.transaction(async (tx) => {
      if (number) await bindWhatsappPhoneNumber(tx, store.id, number);
      if (input.accessToken)
        await saveCredential(tx, store.id, "whatsapp_access_token", input.accessToken, key);
      if (input.appSecret && verifyToken) {
        await saveCredential(tx, store.id, "whatsapp_app_secret", input.appSecret, key);
        await saveCredential(tx, store.id, "whatsapp_verify_token", verifyToken, key);
      }
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return {
      ok: false,
      field: "phoneNumberId",
      reason: "This phone-number id is already connected to another store.",
    };
  }
  // Again after commit: a request between the first forget and the commit may have cached the old one.
  if (input.appSecret) forgetWebhookSecret(store.id);
  return {
    ok: true,
    changed: Boolean(number || input.accessToken || input.appSecret),
    verifyToken,
  };
}

/** Stores a number Graph API confirmed for the store's own token (or clears it, with null). */
export async function bindWhatsappPhoneNumber(
  db: Database,
  storeId: string,
  number: { phoneNumberId: string; displayPhoneNumber: string } | null,
): Promise<void> {
  await db
    .update(stores)
    .set({
      whatsappPhoneNumberId: number?.phoneNumberId ?? null,
      whatsappPhoneNumberBinding: number ? "store_token" : null,
      whatsappDisplayPhoneNumber: number?.displayPhoneNumber ?? null,
      updatedAt: new Date(),
    })
    .where(eq(stores.id, storeId));
}

export type RemovableWhatsappSetting =
  "whatsapp_phone_number_id" | "whatsapp_access_token" | "whatsapp_app_secret";

/**
 * Removing the token removes what only it proved (the number it was checked with); removing
 * the app secret removes the verify token that belongs to the same Meta app.
 */
export async function removeWhatsappSetting(
  db: Database,
  storeId: string,
  name: RemovableWhatsappSetting,
): Promise<void> {
  await db.transaction(async (tx) => {
    if (name === "whatsapp_phone_number_id") return bindWhatsappPhoneNumber(tx, storeId, null);
    await removeCredential(tx, storeId, name);
    if (name === "whatsapp_app_secret") {
      await removeCredential(tx, storeId, "whatsapp_verify_token");
    } else {
      const current = await loadStoreNumber(tx, storeId);
      if (current?.binding === "store_token") await bindWhatsappPhoneNumber(tx, storeId, null);
    }
  });
  if (name === "whatsapp_app_secret") forgetWebhookSecret(storeId);
}
