import type { ShopperLanguage } from "@/lib/i18n/languages";
import type { InboundContent, OutgoingContent } from "@/lib/whatsapp/content";
import { clampText, WHATSAPP_LIMITS } from "./limits";
import { botMessagesFor } from "./messages";

export const CONSENT_YES_ID = "consent:yes";
export const CONSENT_NO_ID = "consent:no";

/** The one-time question whether the shopper wants order updates and offers on WhatsApp. */
export function consentQuestion(language: ShopperLanguage): OutgoingContent {
  const messages = botMessagesFor(language).consent;
  return {
    type: "buttons",
    body: clampText(messages.question, WHATSAPP_LIMITS.body),
    buttons: [
      { id: CONSENT_YES_ID, title: clampText(messages.yes, WHATSAPP_LIMITS.buttonTitle) },
      { id: CONSENT_NO_ID, title: clampText(messages.no, WHATSAPP_LIMITS.buttonTitle) },
    ],
  };
}

/**
 * The shopper's answer to consentQuestion(): only a tap on one of its buttons. Typed words
 * are not read as an answer: "ok", "no" or 好的 may answer anything else in the chat, and
 * consent to marketing has to be unambiguous (opting out by typing is STOP's job).
 */
export function parseConsentReply(inbound: InboundContent): "yes" | "no" | null {
  if (inbound.kind !== "reply") return null;
  if (inbound.replyId === CONSENT_YES_ID) return "yes";
  if (inbound.replyId === CONSENT_NO_ID) return "no";
  return null;
}
