import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { stores } from "@/db/schema";
import { readCredential } from "@/lib/stores/credentials";
import {
  ownTokenPhoneNumberId,
  platformTokenPhoneNumberId,
  type StoreNumber,
  UNBOUND_PLATFORM_NUMBER,
  UNCHECKED_OWN_NUMBER,
} from "./phone-number-binding";

/** The settings that decide where a store's messages go (from lib/env.ts in the app). */
export type WhatsAppPlatformConfig = {
  graphApiUrl: string;
  platformAccessToken: string | undefined;
  platformAppSecret: string | undefined;
  /** WHATSAPP_PHONE_NUMBERS: the operator's phone-number id → store slug bindings. */
  platformPhoneNumbers: ReadonlyMap<string, string>;
  sandbox: "auto" | "on" | "off";
  nodeEnv: "development" | "production" | "test";
  encryptionKey: string;
};

export type WhatsAppChannel =
  | { mode: "graph"; graphApiUrl: string; phoneNumberId: string; accessToken: string }
  /** No token: messages go to the built-in simulator (DESIGN §4.8). */
  | { mode: "sandbox"; phoneNumberId: string }
  /** Production without credentials: a configuration error, never the sandbox. */
  | { mode: "unconfigured"; reason: string };

export function isSandboxAllowed(
  config: Pick<WhatsAppPlatformConfig, "sandbox" | "nodeEnv">,
): boolean {
  if (config.sandbox === "on") return true;
  if (config.sandbox === "off") return false;
  return config.nodeEnv !== "production";
}

/** Sandbox stores without a phone-number id still get a stable, obviously fake one. */
export function sandboxPhoneNumberId(storeId: string): string {
  return `sandbox-${storeId}`;
}

/** A store's number and how it is bound (see phone-number-binding.ts). */
export async function loadStoreNumber(
  db: Database,
  storeId: string,
): Promise<StoreNumber | undefined> {
  const [store] = await db
    .select({
      slug: stores.slug,
      phoneNumberId: stores.whatsappPhoneNumberId,
      binding: stores.whatsappPhoneNumberBinding,
    })
    .from(stores)
    .where(eq(stores.id, storeId));
  return store;
}

export async function resolveWhatsAppChannel(
  db: Database,
  storeId: string,
  config: WhatsAppPlatformConfig,
): Promise<WhatsAppChannel> {
  const store = await loadStoreNumber(db, storeId);
  if (!store) return { mode: "unconfigured", reason: "The store no longer exists." };
  const ownToken = await readCredential(db, storeId, "whatsapp_access_token", config.encryptionKey);
  if (!ownToken && !config.platformAccessToken) {
    if (isSandboxAllowed(config)) {
      return {
        mode: "sandbox",
        phoneNumberId: ownTokenPhoneNumberId(store, config) ?? sandboxPhoneNumberId(storeId),
      };
    }
    return {
      mode: "unconfigured",
      reason: "WhatsApp is not connected: add an access token in Settings → WhatsApp.",
    };
  }
  const phoneNumberId = ownToken
    ? ownTokenPhoneNumberId(store, config)
    : platformTokenPhoneNumberId(store, config);
  const accessToken = ownToken ?? config.platformAccessToken;
  if (!phoneNumberId || !accessToken) {
    return {
      mode: "unconfigured",
      reason: ownToken ? UNCHECKED_OWN_NUMBER : UNBOUND_PLATFORM_NUMBER,
    };
  }
  return { mode: "graph", graphApiUrl: config.graphApiUrl, phoneNumberId, accessToken };
}

/** The secret that signs this store's webhooks: its own Meta app's, or the platform's. */
export async function resolveWebhookAppSecret(
  db: Database,
  storeId: string | null,
  config: Pick<WhatsAppPlatformConfig, "platformAppSecret" | "encryptionKey">,
): Promise<string | undefined> {
  if (storeId) {
    const own = await readCredential(db, storeId, "whatsapp_app_secret", config.encryptionKey);
    if (own) return own;
  }
  return config.platformAppSecret;
}

/** The callback URL for Meta: a store with its own app secret gets its own (see receive-webhook.ts). */
export function whatsappWebhookUrl(
  origin: string,
  storeSlug: string,
  ownAppSecret: boolean,
): string {
  const url = new URL("/api/webhooks/whatsapp", origin);
  if (ownAppSecret) url.searchParams.set("store", storeSlug);
  return url.toString();
}
