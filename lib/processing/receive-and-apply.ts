import "server-only";
import type { Database } from "@/db/drivers";
import type { WhatsAppPlatformConfig } from "@/lib/whatsapp/channel";
import {
  type ReceiveWebhookInput,
  type ReceiveWebhookOutcome,
  receiveWhatsAppWebhook,
} from "@/lib/whatsapp/receive-webhook";
import { processWebhookEvents, type ProcessReport } from "./processor";

export type AppliedDelivery = ReceiveWebhookOutcome & { applied: ProcessReport };

/**
 * Receives a delivery and applies it before returning: for callers that show the effect at
 * once (the simulator plays Meta and its shopper waits for the reply). Same path as the route.
 */
export async function receiveAndApply(
  db: Database,
  input: ReceiveWebhookInput,
  config: WhatsAppPlatformConfig,
): Promise<AppliedDelivery> {
  const outcome = await receiveWhatsAppWebhook(db, input, config);
  const applied =
    outcome.stored > 0
      ? await processWebhookEvents(db, {
          config,
          lanes: outcome.lanes,
          ...(input.now && { now: () => input.now as Date }),
        })
      : { applied: 0, failed: 0, gaveUp: 0 };
  return { ...outcome, applied };
}
