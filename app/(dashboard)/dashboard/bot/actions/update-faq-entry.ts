"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { updateFaqEntry } from "@/lib/bot-settings/faqs";
import { updateFaqSchema } from "@/lib/bot-settings/schemas";
import { errorState } from "@/lib/forms/action-state";

export const updateFaqEntryAction = inMemberLanguage(
  "bot",
  storeAction(
    updateFaqSchema,
    async ({ id, ...fields }, member) => {
      if (!(await updateFaqEntry(member.db, member.store.id, id, fields))) {
        return errorState("This question does not exist in your store.");
      }
      revalidatePath("/dashboard/bot");
      return { status: "success", message: "Question saved." };
    },
    { role: "owner" },
  ),
);
