"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/lib/auth/store-action";
import { removeCredentialSchema } from "@/lib/stores/credential-forms";
import { removeCredential, setWhatsappPhoneNumberId } from "@/lib/stores/credentials";

export const removeCredentialAction = storeAction(
  removeCredentialSchema,
  async ({ name }, { db, store }) => {
    if (name === "whatsapp_phone_number_id") {
      await setWhatsappPhoneNumberId(db, store.id, null);
    } else {
      await removeCredential(db, store.id, name);
    }
    revalidatePath("/dashboard/settings");
    return { status: "success", message: "Removed." };
  },
  { role: "owner" },
);
