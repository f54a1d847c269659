"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { businessHoursFormSchema } from "@/lib/stores/business-hours-form";
import { updateStoreSettings } from "@/lib/stores/update-settings";

/** Settings → Business hours, which the widget and the bot both follow; owner only. */
export const saveBusinessHoursAction = inMemberLanguage(
  "hours",
  storeAction(
    businessHoursFormSchema,
    async (settings, member) => {
      await updateStoreSettings(member.db, member.store.id, settings);
      revalidatePath("/dashboard", "layout");
      revalidatePath(`/s/${member.store.slug}`, "layout");
      return { status: "success", message: "Business hours saved." };
    },
    { role: "owner" },
  ),
);
