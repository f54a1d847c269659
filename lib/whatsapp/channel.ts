import { eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { stores } from "@/db/schema";
import { readCredential } from "@/lib/stores/credentials";

/** The settings that decide where a store's messages go (from lib/env.ts in the app). */
export type WhatsAppPlatformConfig = {
  graphApiUrl: string;
  platformAccessToken: string | undefined;
  platformAppSecret: string | undefined;
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

export async function resolveWhatsAppChannel(
  db: Database,
  storeId: string,
  config: WhatsAppPlatformConfig,
): Promise<WhatsAppChannel> {
  const [store] = await db
    .select({ phoneNumberId: stores.whatsappPhoneNumberId })
    .from(stores)
    .where(eq(stores.id, storeId));
  if (!store) return { mode: "unconfigured", reason: "The store no longer exists." };
  const ownToken = await readCredential(db, storeId, "whatsapp_access_token", config.encryptionKey);
  const accessToken = ownToken ?? config.platformAccessToken;
  if (!accessToken) {
    if (isSandboxAllowed(config)) {
      return {
        mode: "sandbox",
        phoneNumberId: store.phoneNumberId ?? sandboxPhoneNumberId(storeId),
      };
    }
    return {
      mode: "unconfigured",
      reason: "WhatsApp is not connected: add an access token in Settings → WhatsApp.",
    };
  }
  if (!store.phoneNumberId) {
    return {
      mode: "unconfigured",
      reason: "WhatsApp is not connected: add the phone-number id in Settings → WhatsApp.",
    };
  }
  return {
    mode: "graph",
    graphApiUrl: config.graphApiUrl,
    phoneNumberId: store.phoneNumberId,
    accessToken,
  };
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
