import "server-only";
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import type { MemberContext } from "@/lib/auth/current-member";
import { errorState, type ActionState } from "@/lib/forms/action-state";
import { deliverOutbox } from "@/lib/jobs/tick";
import { simulatorWaId } from "@/lib/simulator/customer";
import { sendAsSimulatedShopper, type SimulatorMessage } from "@/lib/simulator/send";
import { whatsappPlatformConfig } from "@/lib/whatsapp/platform-config";

/**
 * Shared by the simulator's actions: the member's test shopper sends `message`, and the
 * bot's replies are delivered after the response, as the webhook route does.
 */
export async function sendFromSimulator(
  member: MemberContext,
  input: { profileName: string; message: SimulatorMessage },
): Promise<ActionState> {
  const config = whatsappPlatformConfig();
  const result = await sendAsSimulatedShopper(member.db, config, {
    storeId: member.store.id,
    waId: simulatorWaId(member.userId),
    ...input,
  });
  if (!result.ok) return errorState(result.message);
  after(() => deliverOutbox(member.db, config));
  revalidatePath("/dashboard/simulator");
  return { status: "success", message: "Sent." };
}
