"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/lib/auth/store-action";
import { storeProfileSchema } from "@/lib/stores/profile-schema";
import { updateStoreProfile } from "@/lib/stores/stores";

export const updateStoreProfileAction = storeAction(
  storeProfileSchema,
  async (input, member) => {
    await updateStoreProfile(member.db, member.store.id, input);
    revalidatePath("/dashboard", "layout");
    return { status: "success", message: "Store profile saved." };
  },
  { role: "owner" },
);
