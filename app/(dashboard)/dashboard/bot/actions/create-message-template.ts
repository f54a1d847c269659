"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { templateSchema } from "@/lib/bot-settings/schemas";
import { createMessageTemplate } from "@/lib/bot-settings/templates";
import { errorState } from "@/lib/forms/action-state";

export const createMessageTemplateAction = inMemberLanguage(
  "bot",
  storeAction(
    templateSchema,
    async (fields, member) => {
      const result = await createMessageTemplate(member.db, member.store.id, fields);
      if (!result.ok) {
        const { name, language, category, body } = fields;
        return errorState("Please correct the highlighted fields.", result.fieldErrors, {
          name,
          language,
          category,
          body,
        });
      }
      revalidatePath("/dashboard/bot");
      return { status: "success", message: `Template “${result.template.name}” added.` };
    },
    { role: "owner" },
  ),
);
