"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { errorState } from "@/lib/forms/action-state";
import { setLabelsSchema } from "@/lib/inbox/form-schemas";
import { splitLabels } from "@/lib/inbox/labels";
import { setConversationLabels } from "@/lib/inbox/manage";
import { CONVERSATION_NOT_FOUND } from "@/lib/inbox/reply-errors";

export const setLabelsAction = inMemberLanguage(
  "inbox",
  storeAction(setLabelsSchema, async (input, member) => {
    const result = await setConversationLabels(
      member.db,
      member.store.id,
      input.conversationId,
      splitLabels(input.labels),
    );
    if (!result.ok) {
      return result.error === "not_found"
        ? errorState(CONVERSATION_NOT_FOUND)
        : errorState(result.message, { labels: [result.message] }, { labels: input.labels });
    }
    revalidatePath("/dashboard/inbox", "layout");
    return {
      status: "success",
      message:
        result.labels.length > 0 ? `Labels: ${result.labels.join(", ")}.` : "Labels removed.",
    };
  }),
);
