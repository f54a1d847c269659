"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { deleteQuickReply } from "@/lib/bot-settings/quick-replies";
import { idSchema } from "@/lib/bot-settings/schemas";
import { errorState } from "@/lib/forms/action-state";

export const deleteQuickReplyAction = inMemberLanguage(
  "bot",
  storeAction(
    idSchema,
    async ({ id }, member) => {
      if (!(await deleteQuickReply(member.db, member.store.id, id))) {
        return errorState("This quick reply does not exist in your store.");
      }
      revalidatePath("/dashboard/bot");
      return { status: "success", message: "Quick reply deleted." };
    },
    { role: "owner" },
  ),
);
