import "server-only";
import type { Database } from "@/db/drivers";
import type { WhatsAppPlatformConfig } from "@/lib/whatsapp/channel";
import { simulateInboundMessage, simulateReadReceipts } from "@/lib/whatsapp/sandbox";
import { simulatorAvailability } from "./availability";
import { isSimulatorWaId } from "./customer";

/** What the simulated shopper can do: type, tap a reply button, or pick a list row. */
export type SimulatorMessage =
  | { type: "text"; text: string }
  | { type: "button_reply"; id: string; title: string }
  | { type: "list_reply"; id: string; title: string; description?: string };

export type SimulatorResult<T> = { ok: true; value: T } | { ok: false; message: string };

type ShopperInput = { storeId: string; waId: string };

async function refusal(
  db: Database,
  config: WhatsAppPlatformConfig,
  input: ShopperInput,
): Promise<string | null> {
  if (!isSimulatorWaId(input.waId)) return "The simulator only writes as its own test numbers.";
  const availability = await simulatorAvailability(db, input.storeId, config);
  return availability.available ? null : availability.message;
}

/**
 * The simulated shopper sends `message` to the store: a signed webhook through the real
 * receiving path (lib/whatsapp/sandbox.ts). Refused for stores that are not in the
 * sandbox. The bot's replies are queued; `deliverOutbox` sends them.
 */
export async function sendAsSimulatedShopper(
  db: Database,
  config: WhatsAppPlatformConfig,
  input: ShopperInput & { profileName: string; message: SimulatorMessage; now?: Date },
): Promise<SimulatorResult<{ wamid: string }>> {
  const refused = await refusal(db, config, input);
  if (refused) return { ok: false, message: refused };
  const { wamid, outcome } = await simulateInboundMessage(db, config, input);
  if (outcome.status !== 200) {
    return { ok: false, message: `The webhook refused the message: ${outcome.message}` };
  }
  if (outcome.failed > 0 || outcome.applied.failed > 0 || outcome.applied.gaveUp > 0) {
    return {
      ok: false,
      message: "The message was received but could not be processed; it will be retried.",
    };
  }
  return { ok: true, value: { wamid } };
}

/** The simulated shopper has the chat open: what was delivered to them is now read. */
export async function readAsSimulatedShopper(
  db: Database,
  config: WhatsAppPlatformConfig,
  input: ShopperInput,
): Promise<SimulatorResult<{ read: number }>> {
  const refused = await refusal(db, config, input);
  if (refused) return { ok: false, message: refused };
  return { ok: true, value: { read: await simulateReadReceipts(db, config, input) } };
}
