"use server";

import { revalidatePath } from "next/cache";
import { localizedStoreAction } from "@/lib/auth/localized-store-action";
import { adjustBalance } from "@/lib/loyalty/adjust-balance";
import { adjustFormSchema } from "@/lib/loyalty/adjust-form";

export const adjustBalanceAction = localizedStoreAction(
  adjustFormSchema,
  (t) => t.loyalty.errors,
  async (input, member, strings) => {
    const state = await adjustBalance(member.db, member.store.id, member.userId, input, strings);
    if (state.status === "success")
      revalidatePath(`/dashboard/loyalty/members/${input.customerId}`);
    return state;
  },
  { role: "owner" },
);
