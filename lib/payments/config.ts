import "server-only";
import { createHmac } from "node:crypto";
import type { Database } from "@/db/drivers";
import { env } from "@/lib/env";
import { readCredential, readCredentialBySlug } from "@/lib/stores/credentials";

/** This deployment's Stripe settings, from the one validated env (tests build their own). */
export type StripePlatformConfig = {
  secretKey: string | undefined;
  webhookSecret: string | undefined;
  apiUrl: string;
  sandbox: "auto" | "on" | "off";
  nodeEnv: "development" | "production" | "test";
  encryptionKey: string;
};

export function stripePlatformConfig(): StripePlatformConfig {
  const settings = env();
  return {
    secretKey: settings.STRIPE_SECRET_KEY,
    webhookSecret: settings.STRIPE_WEBHOOK_SECRET,
    apiUrl: settings.STRIPE_API_URL,
    sandbox: settings.STRIPE_SANDBOX,
    nodeEnv: settings.NODE_ENV,
    encryptionKey: settings.ENCRYPTION_KEY,
  };
}

/**
 * How a store takes payment (DESIGN §4.8): with its own key or the platform's through
 * Stripe; without either, the local test checkout outside production (or with
 * STRIPE_SANDBOX=on); in production without keys, not at all — a configuration error.
 */
export type StorePayments =
  | { mode: "stripe"; secretKey: string; keySource: "store" | "platform" }
  | { mode: "sandbox" }
  | { mode: "unavailable"; reason: string };

export function stripeSandboxAllowed(config: Pick<StripePlatformConfig, "sandbox" | "nodeEnv">) {
  if (config.sandbox === "on") return true;
  if (config.sandbox === "off") return false;
  return config.nodeEnv !== "production";
}

export async function resolveStorePayments(
  db: Database,
  storeId: string,
  config: StripePlatformConfig,
): Promise<StorePayments> {
  const own = await readCredential(db, storeId, "stripe_secret_key", config.encryptionKey);
  if (own) return { mode: "stripe", secretKey: own, keySource: "store" };
  if (config.secretKey)
    return { mode: "stripe", secretKey: config.secretKey, keySource: "platform" };
  if (stripeSandboxAllowed(config)) return { mode: "sandbox" };
  return {
    mode: "unavailable",
    reason:
      "No Stripe secret key: add the store's key in Settings → Payments (or STRIPE_SECRET_KEY)",
  };
}

/**
 * A store paying with its own key needs its own webhook secret: its events come to
 * `?store=<slug>` and nothing else can verify them (the platform's endpoint refuses them).
 */
export async function lacksOwnWebhookSecret(
  db: Database,
  storeId: string,
  payments: StorePayments,
  config: StripePlatformConfig,
): Promise<boolean> {
  if (payments.mode !== "stripe" || payments.keySource !== "store") return false;
  return !(await readCredential(db, storeId, "stripe_webhook_secret", config.encryptionKey));
}

/**
 * The test checkout signs its events with a secret of its own per store, derived from
 * ENCRYPTION_KEY, so a sandbox event can never verify against a real Stripe endpoint secret.
 */
export function sandboxWebhookSecret(storeId: string, encryptionKey: string): string {
  const digest = createHmac("sha256", Buffer.from(encryptionKey, "base64"))
    .update(`stripe-sandbox-webhook:${storeId}`)
    .digest("base64url");
  return `whsec_sandbox_${digest}`;
}

/**
 * Which secret verifies a delivery: `?store=<slug>` → that store's own webhook secret (or, in
 * sandbox mode, its sandbox secret); no store → the platform's. null: nothing can verify it.
 */
export async function resolveStripeWebhookSecret(
  db: Database,
  storeSlug: string | null,
  config: StripePlatformConfig,
): Promise<{ storeId: string | null; secret: string } | null> {
  if (!storeSlug)
    return config.webhookSecret ? { storeId: null, secret: config.webhookSecret } : null;
  const found = await readCredentialBySlug(
    db,
    storeSlug,
    "stripe_webhook_secret",
    config.encryptionKey,
  );
  if (!found) return null;
  if (found.value) return { storeId: found.storeId, secret: found.value };
  const payments = await resolveStorePayments(db, found.storeId, config);
  if (payments.mode !== "sandbox") return null;
  return {
    storeId: found.storeId,
    secret: sandboxWebhookSecret(found.storeId, config.encryptionKey),
  };
}
