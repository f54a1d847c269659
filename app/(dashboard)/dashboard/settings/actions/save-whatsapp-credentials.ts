"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/lib/auth/store-action";
import { errorState } from "@/lib/forms/action-state";
import { env } from "@/lib/env";
import { whatsappCredentialsSchema } from "@/lib/stores/credential-forms";
import {
  PhoneNumberIdTakenError,
  saveCredential,
  setWhatsappPhoneNumberId,
} from "@/lib/stores/credentials";

export const saveWhatsappCredentialsAction = storeAction(
  whatsappCredentialsSchema,
  async (input, member) => {
    const { db, store } = member;
    const key = env().ENCRYPTION_KEY;
    try {
      await db.transaction(async (tx) => {
        if (input.phoneNumberId) await setWhatsappPhoneNumberId(tx, store.id, input.phoneNumberId);
        if (input.accessToken)
          await saveCredential(tx, store.id, "whatsapp_access_token", input.accessToken, key);
        if (input.appSecret)
          await saveCredential(tx, store.id, "whatsapp_app_secret", input.appSecret, key);
      });
    } catch (error) {
      if (error instanceof PhoneNumberIdTakenError) {
        return errorState(
          "Nothing was saved.",
          { phoneNumberId: [error.message] },
          {
            phoneNumberId: input.phoneNumberId ?? "",
          },
        );
      }
      throw error;
    }
    revalidatePath("/dashboard/settings");
    const changed = [input.phoneNumberId, input.accessToken, input.appSecret].some(Boolean);
    return {
      status: "success",
      message: changed ? "WhatsApp settings saved." : "Nothing to change.",
    };
  },
  { role: "owner" },
);
