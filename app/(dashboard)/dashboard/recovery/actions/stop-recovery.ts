"use server";

import { revalidatePath } from "next/cache";
import { localizedStoreAction } from "@/lib/auth/localized-store-action";
import { errorState } from "@/lib/forms/action-state";
import { stopRecovery } from "@/lib/recovery/stop";
import { stopRecoveryFormSchema } from "@/lib/recovery/stop-form";

/** The owner's Stop on an active recovery: this store's only (stopRecovery filters by it). */
export const stopRecoveryAction = localizedStoreAction(
  stopRecoveryFormSchema,
  (t) => t.recoveryReport.errors,
  async ({ recoveryId }, member, { t }) => {
    const stopped = await stopRecovery(member.db, member.store.id, recoveryId);
    if (!stopped) return errorState(t.recoveryReport.errors.not_active);
    revalidatePath("/dashboard/recovery");
    return { status: "success", message: t.recoveryReport.outcomesOfActions.stopped };
  },
  { role: "owner" },
);
