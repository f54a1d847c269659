"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { saveGreetings } from "@/lib/bot-settings/greetings";
import { greetingsFormSchema } from "@/lib/bot-settings/schemas";

export const saveGreetingsAction = inMemberLanguage(
  "bot",
  storeAction(
    greetingsFormSchema,
    async (greetings, member) => {
      await saveGreetings(member.db, member.store.id, greetings);
      revalidatePath("/dashboard/bot");
      return { status: "success", message: "Greetings saved." };
    },
    { role: "owner" },
  ),
);
