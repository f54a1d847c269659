import "server-only";
import type { Database } from "@/db/drivers";
import {
  isSandboxAllowed,
  resolveWebhookAppSecret,
  resolveWhatsAppChannel,
  type WhatsAppPlatformConfig,
} from "@/lib/whatsapp/channel";

export type SimulatorAvailability =
  | { available: true }
  | {
      available: false;
      /** connected: real WhatsApp; disabled: no sandbox in production; the rest: set-up gaps. */
      reason: "connected" | "disabled" | "unconfigured" | "no_secret";
      message: string;
    };

/**
 * Whether the store's chats can be played in the simulator: only when its messages go to
 * the sandbox (DESIGN §4.8). A store connected to WhatsApp never gets simulated shoppers
 * in its real inbox, and production without WHATSAPP_SANDBOX=on has no sandbox at all.
 */
export async function simulatorAvailability(
  db: Database,
  storeId: string,
  config: WhatsAppPlatformConfig,
): Promise<SimulatorAvailability> {
  const channel = await resolveWhatsAppChannel(db, storeId, config);
  if (channel.mode === "graph") {
    return {
      available: false,
      reason: "connected",
      message:
        "This store is connected to WhatsApp, so its chats are with real phones. Test it by messaging the store's number from your own WhatsApp.",
    };
  }
  if (channel.mode === "unconfigured") {
    return isSandboxAllowed(config)
      ? { available: false, reason: "unconfigured", message: channel.reason }
      : {
          available: false,
          reason: "disabled",
          message: `The sandbox is disabled in production. ${channel.reason}`,
        };
  }
  if (!(await resolveWebhookAppSecret(db, storeId, config))) {
    return {
      available: false,
      reason: "no_secret",
      message:
        "The simulator signs its messages like Meta does and needs a webhook secret: set WHATSAPP_APP_SECRET.",
    };
  }
  return { available: true };
}
