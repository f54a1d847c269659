import "server-only";
import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import type { Database } from "@/db/drivers";
import { processWebhookEvents, type ProcessReport } from "@/lib/processing/processor";
import type { WhatsAppPlatformConfig } from "@/lib/whatsapp/channel";
import { sandboxWebhookSecret, type StripePlatformConfig } from "./config";
import { receiveStripeWebhook, type ReceiveStripeOutcome } from "./receive-stripe-webhook";

export type SandboxConfigs = { stripe: StripePlatformConfig; whatsapp: WhatsAppPlatformConfig };

/** A Stripe-looking id for sandbox objects: `pi_sandbox_…`, `evt_sandbox_…`. */
export function sandboxId(prefix: string): string {
  return `${prefix}_sandbox_${randomBytes(12).toString("hex")}`;
}

/** An event as Stripe would send it (the fields Chatcart reads and a few around them). */
export function sandboxEvent(type: string, object: Record<string, unknown>, now: Date) {
  return {
    id: sandboxId("evt"),
    object: "event",
    api_version: "2025-09-30.clover",
    created: Math.floor(now.getTime() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

/**
 * Plays Stripe for a sandbox store: signs `event` with the store's sandbox secret and
 * delivers it through the same receiving function as POST /api/webhooks/stripe?store=<slug>,
 * then applies it before returning (as the WhatsApp simulator does), so the caller shows
 * the effect at once.
 */
export async function deliverSandboxEvent(
  db: Database,
  store: { id: string; slug: string },
  event: ReturnType<typeof sandboxEvent>,
  configs: SandboxConfigs,
  now: Date = new Date(),
): Promise<ReceiveStripeOutcome & { applied: ProcessReport }> {
  const payload = JSON.stringify(event);
  const signature = Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: sandboxWebhookSecret(store.id, configs.stripe.encryptionKey),
    timestamp: Math.floor(now.getTime() / 1000),
  });
  const outcome = await receiveStripeWebhook(
    db,
    { rawBody: payload, signature, storeSlug: store.slug, now },
    configs.stripe,
  );
  const applied =
    outcome.stored > 0
      ? await processWebhookEvents(db, {
          config: configs.whatsapp,
          lanes: outcome.lanes,
          now: () => now,
        })
      : { applied: 0, failed: 0, gaveUp: 0 };
  return { ...outcome, applied };
}
