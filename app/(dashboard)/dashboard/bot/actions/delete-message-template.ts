"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { idSchema } from "@/lib/bot-settings/schemas";
import { deleteMessageTemplate } from "@/lib/bot-settings/templates";
import { errorState } from "@/lib/forms/action-state";

export const deleteMessageTemplateAction = inMemberLanguage(
  "bot",
  storeAction(
    idSchema,
    async ({ id }, member) => {
      if (!(await deleteMessageTemplate(member.db, member.store.id, id))) {
        return errorState("This template does not exist in your store.");
      }
      revalidatePath("/dashboard/bot");
      return { status: "success", message: "Template deleted." };
    },
    { role: "owner" },
  ),
);
