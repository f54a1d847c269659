"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/lib/auth/store-action";
import { orderTemplatesFormSchema, saveOrderTemplates } from "@/lib/bot-settings/order-templates";
import { dashboardMessagesFor } from "@/lib/dashboard-i18n/messages";
import { dashboardLanguage } from "@/lib/dashboard-i18n/server";
import { errorState } from "@/lib/forms/action-state";

/** Bot → Templates: the template (and its variables) per order message, owner only. */
export const saveOrderTemplatesAction = storeAction(
  orderTemplatesFormSchema,
  async (mapping, member) => {
    const t = dashboardMessagesFor(await dashboardLanguage()).orderTemplates;
    const result = await saveOrderTemplates(member.db, member.store.id, mapping);
    if (!result.ok) {
      const fieldErrors = Object.fromEntries(
        Object.entries(result.fieldErrors).map(([field, keys]) => [
          field,
          keys.map((key) => t.errors[key]),
        ]),
      );
      return errorState(t.errors.invalid, fieldErrors);
    }
    revalidatePath("/dashboard/bot");
    return { status: "success", message: t.saved };
  },
  { role: "owner" },
);
