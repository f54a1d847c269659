"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/lib/auth/store-action";
import { errorState } from "@/lib/forms/action-state";
import { failedEventIdSchema, retryFailedWebhookEvent } from "@/lib/inbox/retry-failed-event";
import { whatsappPlatformConfig } from "@/lib/whatsapp/platform-config";

export const retryFailedEventAction = storeAction(
  failedEventIdSchema,
  async ({ eventId }, member) => {
    const outcome = await retryFailedWebhookEvent(
      member.db,
      member.store.id,
      eventId,
      whatsappPlatformConfig(),
    );
    revalidatePath("/dashboard/inbox/failed");
    if (!outcome.ok) return errorState(outcome.reason);
    if (!outcome.applied) return errorState(outcome.error ?? "It failed again.");
    return { status: "success", message: "Applied." };
  },
);
