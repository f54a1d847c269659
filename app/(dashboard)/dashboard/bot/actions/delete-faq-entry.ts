"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { deleteFaqEntry } from "@/lib/bot-settings/faqs";
import { idSchema } from "@/lib/bot-settings/schemas";
import { errorState } from "@/lib/forms/action-state";

export const deleteFaqEntryAction = inMemberLanguage(
  "bot",
  storeAction(
    idSchema,
    async ({ id }, member) => {
      if (!(await deleteFaqEntry(member.db, member.store.id, id))) {
        return errorState("This question does not exist in your store.");
      }
      revalidatePath("/dashboard/bot");
      return { status: "success", message: "Question deleted." };
    },
    { role: "owner" },
  ),
);
