"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { removeCredentialSchema } from "@/lib/stores/credential-forms";
import { removeCredential } from "@/lib/stores/credentials";
import { removeWhatsappSetting } from "@/lib/whatsapp/connect-store";

export const removeCredentialAction = inMemberLanguage(
  "settings",
  storeAction(
    removeCredentialSchema,
    async ({ name }, { db, store }) => {
      if (name === "stripe_secret_key" || name === "stripe_webhook_secret") {
        await removeCredential(db, store.id, name);
      } else {
        await removeWhatsappSetting(db, store.id, name);
      }
      revalidatePath("/dashboard/settings");
      return { status: "success", message: "Removed." };
    },
    { role: "owner" },
  ),
);
