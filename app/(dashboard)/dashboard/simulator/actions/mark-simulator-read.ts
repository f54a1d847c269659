"use server";

import { requireMember } from "@/lib/auth/current-member";
import { simulatorWaId } from "@/lib/simulator/customer";
import { readAsSimulatedShopper } from "@/lib/simulator/send";
import { whatsappPlatformConfig } from "@/lib/whatsapp/platform-config";

/** The simulator's chat is open: report what was delivered to the test shopper as read. */
export async function markSimulatorReadAction(): Promise<number> {
  const member = await requireMember();
  const result = await readAsSimulatedShopper(member.db, whatsappPlatformConfig(), {
    storeId: member.store.id,
    waId: simulatorWaId(member.userId),
  });
  return result.ok ? result.value.read : 0;
}
