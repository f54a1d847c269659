"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { errorState } from "@/lib/forms/action-state";
import { conversationIdSchema } from "@/lib/inbox/form-schemas";
import { handBackToBot } from "@/lib/inbox/manage";
import { CONVERSATION_NOT_FOUND } from "@/lib/inbox/reply-errors";

export const handBackToBotAction = inMemberLanguage(
  "inbox",
  storeAction(conversationIdSchema, async ({ conversationId }, member) => {
    const result = await handBackToBot(member.db, member.store.id, conversationId);
    if (!result.ok) {
      return errorState(
        result.error === "not_found"
          ? CONVERSATION_NOT_FOUND
          : "Only a conversation waiting for a person can be handed back to the bot.",
      );
    }
    revalidatePath("/dashboard/inbox", "layout");
    return { status: "success", message: "Handed back to the bot." };
  }),
);
