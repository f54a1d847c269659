"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { errorState } from "@/lib/forms/action-state";
import { conversationIdSchema } from "@/lib/inbox/form-schemas";
import { closeConversation } from "@/lib/inbox/manage";
import { CONVERSATION_NOT_FOUND } from "@/lib/inbox/reply-errors";

export const closeConversationAction = inMemberLanguage(
  "inbox",
  storeAction(conversationIdSchema, async ({ conversationId }, member) => {
    const result = await closeConversation(member.db, member.store.id, conversationId, new Date());
    if (!result.ok) return errorState(CONVERSATION_NOT_FOUND);
    revalidatePath("/dashboard/inbox", "layout");
    return { status: "success", message: "Conversation closed." };
  }),
);
