"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { errorState } from "@/lib/forms/action-state";
import { appOrigin } from "@/lib/server/app-origin";
import { whatsappCredentialsSchema } from "@/lib/stores/credential-forms";
import { whatsappWebhookUrl } from "@/lib/whatsapp/channel";
import { saveWhatsappSettings } from "@/lib/whatsapp/connect-store";
import { whatsappPlatformConfig } from "@/lib/whatsapp/platform-config";

export const saveWhatsappCredentialsAction = inMemberLanguage(
  "settings",
  storeAction(
    whatsappCredentialsSchema,
    async (input, { db, store }) => {
      const result = await saveWhatsappSettings(db, store, input, whatsappPlatformConfig());
      if (!result.ok) {
        // Only the phone-number id is echoed back: secrets never return to the browser.
        return errorState(
          `Nothing was saved. ${result.reason}`,
          { [result.field]: [result.reason] },
          { phoneNumberId: input.phoneNumberId ?? "" },
        );
      }
      revalidatePath("/dashboard/settings");
      if (result.verifyToken) {
        const callbackUrl = whatsappWebhookUrl(appOrigin(await headers()), store.slug, true);
        return {
          status: "success",
          message: `WhatsApp settings saved. In your Meta app's webhook settings enter the callback URL ${callbackUrl} and the verify token ${result.verifyToken} — it is shown only this once (save the app secret again for a new one).`,
        };
      }
      return {
        status: "success",
        message: result.changed ? "WhatsApp settings saved." : "Nothing to change.",
      };
    },
    { role: "owner" },
  ),
);
