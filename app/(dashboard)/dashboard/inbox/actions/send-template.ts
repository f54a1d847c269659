"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { errorState } from "@/lib/forms/action-state";
import { sendTemplateSchema } from "@/lib/inbox/form-schemas";
import { agentReplyDedupeKey } from "@/lib/inbox/ids";
import { sendAgentReply } from "@/lib/inbox/reply";
import { describeReplyError } from "@/lib/inbox/reply-errors";
import { deliverOutbox } from "@/lib/jobs/tick";
import { whatsappPlatformConfig } from "@/lib/whatsapp/platform-config";

export const sendTemplateAction = inMemberLanguage(
  "inbox",
  storeAction(sendTemplateSchema, async (input, member) => {
    const result = await sendAgentReply(member.db, {
      storeId: member.store.id,
      conversationId: input.conversationId,
      userId: member.userId,
      template: { templateId: input.templateId, parameters: input.parameters },
      dedupeKey: agentReplyDedupeKey(input.conversationId, input.clientKey),
      now: new Date(),
    });
    revalidatePath("/dashboard/inbox", "layout");
    if (!result.ok) return errorState(describeReplyError(result));
    if (result.duplicate) return { status: "success", message: "This template was already sent." };
    after(() => deliverOutbox(member.db, whatsappPlatformConfig()));
    return { status: "success", message: "Template queued." };
  }),
);
