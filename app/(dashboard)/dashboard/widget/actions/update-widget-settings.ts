"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { updateStoreSettings } from "@/lib/stores/update-settings";
import { widgetSettingsFormSchema } from "@/lib/widget/settings-form";

export const updateWidgetSettingsAction = inMemberLanguage(
  "widget",
  storeAction(
    widgetSettingsFormSchema,
    async (settings, member) => {
      await updateStoreSettings(member.db, member.store.id, settings);
      // The storefront renders the widget from these settings too.
      revalidatePath("/dashboard/widget");
      revalidatePath(`/s/${member.store.slug}`, "layout");
      return { status: "success", message: "Widget settings saved." };
    },
    { role: "owner" },
  ),
);
