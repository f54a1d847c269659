import "server-only";
import { and, desc, eq, ne } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { conversations, type Customer, messages, messageTemplates } from "@/db/schema";
import { localeFor } from "@/lib/bot/format";
import { matchLanguage, type ShopperLanguage } from "@/lib/i18n/languages";
import { formatMessage } from "@/lib/i18n/messages";
import type { OutgoingContent } from "@/lib/whatsapp/content";
import { queueOutgoingMessage } from "@/lib/whatsapp/queue-message";
import { isWithinServiceWindow } from "@/lib/whatsapp/send-policy";
import { LOYALTY_NOTICE_MESSAGES, type LoyaltyNoticeKind } from "../notice-messages";

export type NoticeResult = "queued" | "blocked" | "duplicate" | "no_conversation";

/** The customer's open conversation, else their latest one; null when they never chatted. */
async function conversationOf(tx: Database, storeId: string, customerId: string) {
  const [row] = await tx
    .select({ id: conversations.id, language: conversations.language })
    .from(conversations)
    .where(and(eq(conversations.storeId, storeId), eq(conversations.customerId, customerId)))
    .orderBy(
      // Open before closed, then the newest.
      desc(ne(conversations.status, "closed")),
      desc(conversations.lastMessageAt),
    )
    .limit(1);
  return row ?? null;
}

/** The store's approved utility template `name`: in `language`, else any language. */
async function approvedTemplate(tx: Database, storeId: string, name: string, language: string) {
  const candidates = await tx
    .select()
    .from(messageTemplates)
    .where(
      and(
        eq(messageTemplates.storeId, storeId),
        eq(messageTemplates.name, name),
        eq(messageTemplates.category, "utility"),
        eq(messageTemplates.status, "approved"),
      ),
    );
  return candidates.find((row) => row.language === language) ?? candidates[0] ?? null;
}

export function formatPoints(points: number, language: ShopperLanguage): string {
  return new Intl.NumberFormat(localeFor(language)).format(points);
}

/**
 * A loyalty message from tick to an opted-in member (callers check consent), in the
 * caller's transaction: free-form inside the 24-hour window, else the programme's utility
 * template with `templateParameters` as {{1}}, {{2}} …, else recorded blocked with the
 * reason. `dedupeKey` makes it once per cause.
 */
export async function queueLoyaltyNotice(
  tx: Database,
  input: {
    storeId: string;
    customer: Customer;
    kind: LoyaltyNoticeKind;
    /** Builds the text and the template's parameters in the conversation's language. */
    words: (language: ShopperLanguage) => { values: Record<string, string>; parameters: string[] };
    templateName: string | null;
    dedupeKey: string;
    now: Date;
  },
): Promise<NoticeResult> {
  const { storeId, customer, now } = input;
  const conversation = await conversationOf(tx, storeId, customer.id);
  if (!conversation) return "no_conversation";
  const language = matchLanguage(conversation.language) ?? matchLanguage(customer.locale) ?? "en";
  const { values, parameters } = input.words(language);
  let content: OutgoingContent = {
    type: "text",
    text: formatMessage(LOYALTY_NOTICE_MESSAGES[language][input.kind], values),
  };
  let noTemplate: string | null = null;
  if (!isWithinServiceWindow(customer.lastInboundAt, now)) {
    const label = input.kind === "birthday" ? "birthday" : "points expiry";
    const template = input.templateName
      ? await approvedTemplate(tx, storeId, input.templateName, language)
      : null;
    if (!input.templateName) {
      noTemplate = `No ${label} template is set (Dashboard → Loyalty).`;
    } else if (!template) {
      noTemplate = `The ${label} template “${input.templateName}” is not an approved utility template.`;
    } else if (template.variableCount > parameters.length) {
      noTemplate = `The ${label} template “${template.name}” has ${template.variableCount} variables; at most ${parameters.length} can be filled.`;
    } else {
      content = {
        type: "template",
        name: template.name,
        language: template.language,
        bodyParameters: parameters.slice(0, template.variableCount),
        category: "utility",
      };
    }
  }
  const result = await queueOutgoingMessage(tx, {
    storeId,
    conversationId: conversation.id,
    customer,
    content,
    author: "system",
    purpose: "business_initiated",
    dedupeKey: input.dedupeKey,
    intent: `loyalty_${input.kind}`,
    now,
  });
  if (result.queued) return "queued";
  if (!result.messageId) return "duplicate";
  if (noTemplate) {
    await tx
      .update(messages)
      .set({ errorReason: `${result.reason} ${noTemplate}` })
      .where(eq(messages.id, result.messageId));
  }
  return "blocked";
}
