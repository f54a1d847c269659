"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { errorState } from "@/lib/forms/action-state";
import { CurrencyLockedError } from "@/lib/stores/currency-lock";
import { storeProfileSchema } from "@/lib/stores/profile-schema";
import { updateStoreProfile } from "@/lib/stores/stores";

export const updateStoreProfileAction = inMemberLanguage(
  "settings",
  storeAction(
    storeProfileSchema,
    async (input, member) => {
      try {
        await updateStoreProfile(member.db, member.store.id, input);
      } catch (error) {
        if (error instanceof CurrencyLockedError) {
          return errorState("Nothing was saved.", { currency: [error.message] });
        }
        throw error;
      }
      revalidatePath("/dashboard", "layout");
      return { status: "success", message: "Store profile saved." };
    },
    { role: "owner" },
  ),
);
