"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { errorState } from "@/lib/forms/action-state";
import { switchRecoveryOnInSandbox } from "@/lib/recovery/sandbox-run";
import { whatsappPlatformConfig } from "@/lib/whatsapp/platform-config";

/** The Simulator's sandbox card, when recovery is off: on, with the saved or default sequence. */
export const switchRecoveryOnAction = inMemberLanguage(
  "simulator",
  storeAction(
    z.object({}),
    async (_input, member) => {
      const words = (await getDashboardStrings()).t.simulatorRecovery;
      const outcome = await switchRecoveryOnInSandbox(member.db, whatsappPlatformConfig(), {
        storeId: member.store.id,
        userId: member.userId,
      });
      if (!outcome.ok) return errorState(words.errors[outcome.reason]);
      revalidatePath("/dashboard/simulator");
      return { status: "success", message: words.switchedOn };
    },
    { role: "owner" },
  ),
);
