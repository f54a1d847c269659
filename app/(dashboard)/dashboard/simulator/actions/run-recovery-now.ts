"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { errorState } from "@/lib/forms/action-state";
import { runSandboxRecovery } from "@/lib/recovery/sandbox-run";
import { whatsappPlatformConfig } from "@/lib/whatsapp/platform-config";

const runRecoverySchema = z.object({
  asOf: z.iso.datetime({ offset: true, error: "Choose a date and time." }),
});

/** The Simulator's sandbox card: this store's recovery as the scheduled work would have run it by `asOf`. */
export const runRecoveryNowAction = inMemberLanguage(
  "simulator",
  storeAction(
    runRecoverySchema,
    async ({ asOf }, member) => {
      const { t, format } = await getDashboardStrings();
      const words = t.simulatorRecovery;
      const outcome = await runSandboxRecovery(member.db, whatsappPlatformConfig(), {
        storeId: member.store.id,
        asOf: new Date(asOf),
      });
      if (!outcome.ok) return errorState(words.errors[outcome.reason]);
      revalidatePath("/dashboard/simulator");
      const when = (date: Date) => format.dateTime(date, member.store.timezone);
      const message = [
        formatMessage(words.result, {
          time: when(outcome.asOf),
          abandoned: format.number(outcome.abandoned),
          sent: format.number(outcome.sent),
          waiting: format.number(outcome.waiting),
          skipped: format.number(outcome.skipped),
          stopped: format.number(outcome.stopped),
        }),
        outcome.nextStepAt
          ? formatMessage(words.nextStep, { time: when(outcome.nextStepAt) })
          : words.noNextStep,
      ].join(" ");
      return { status: "success", message };
    },
    { role: "owner" },
  ),
);
