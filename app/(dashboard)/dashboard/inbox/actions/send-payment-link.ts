"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { localizedStoreAction } from "@/lib/auth/localized-store-action";
import { formatMessage, wordFor } from "@/lib/dashboard-i18n/messages";
import { errorState } from "@/lib/forms/action-state";
import { deliverOutbox } from "@/lib/jobs/tick";
import { sendAgentPaymentLink } from "@/lib/orders/agent-link";
import { sendPaymentLinkSchema } from "@/lib/orders/agent-link-schema";
import { stripePlatformConfig } from "@/lib/payments/config";
import { paymentLinkOrigin } from "@/lib/payments/link-origin";
import { whatsappPlatformConfig } from "@/lib/whatsapp/platform-config";

export const sendPaymentLinkAction = localizedStoreAction(
  sendPaymentLinkSchema,
  (t) => t.inbox.sendLink.errors,
  async (input, member, { t }) => {
    const words = t.inbox.sendLink;
    const result = await sendAgentPaymentLink(member.db, {
      storeId: member.store.id,
      conversationId: input.conversationId,
      userId: member.userId,
      lines: input.lines,
      note: input.note,
      origin: paymentLinkOrigin(),
      stripeConfig: stripePlatformConfig(),
      now: new Date(),
    });
    revalidatePath("/dashboard/inbox", "layout");
    if (!result.ok) {
      const key = result.error === "order_refused" ? result.reason : result.error;
      return errorState(wordFor(words.errors, key, words.errors.invalid));
    }
    if (result.duplicate)
      return {
        status: "success",
        message: formatMessage(words.duplicate, { number: result.order.number }),
      };
    after(() => deliverOutbox(member.db, whatsappPlatformConfig()));
    return {
      status: "success",
      message: formatMessage(words.sent, { number: result.order.number }),
    };
  },
);
