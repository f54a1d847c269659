"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { createQuickReply } from "@/lib/bot-settings/quick-replies";
import { quickReplySchema } from "@/lib/bot-settings/schemas";

export const createQuickReplyAction = inMemberLanguage(
  "bot",
  storeAction(
    quickReplySchema,
    async (fields, member) => {
      const reply = await createQuickReply(member.db, member.store.id, fields);
      revalidatePath("/dashboard/bot");
      return { status: "success", message: `Quick reply “${reply.title}” added.` };
    },
    { role: "owner" },
  ),
);
