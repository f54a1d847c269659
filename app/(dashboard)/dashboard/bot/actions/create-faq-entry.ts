"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { createFaqEntry } from "@/lib/bot-settings/faqs";
import { faqFieldsSchema } from "@/lib/bot-settings/schemas";

export const createFaqEntryAction = inMemberLanguage(
  "bot",
  storeAction(
    faqFieldsSchema,
    async (fields, member) => {
      await createFaqEntry(member.db, member.store.id, fields);
      revalidatePath("/dashboard/bot");
      return { status: "success", message: "Question added." };
    },
    { role: "owner" },
  ),
);
