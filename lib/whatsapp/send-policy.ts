import type { OutgoingContent } from "./content";

/** WhatsApp's customer service window: free-form messages only this long after the customer's last message. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * reply: an answer to something the customer just did (bot replies, agent answers).
 * business_initiated: a message the store starts (reminders, offers, follow-ups).
 */
export type SendPurpose = "reply" | "business_initiated";

export type SendRecipient = {
  lastInboundAt: Date | null;
  optedInAt: Date | null;
  optedOutAt: Date | null;
};

export type BlockReason = "opted_out" | "no_consent" | "outside_window";

export type SendDecision =
  { allowed: true } | { allowed: false; reason: BlockReason; explanation: string };

export function isWithinServiceWindow(lastInboundAt: Date | null, now: Date): boolean {
  if (!lastInboundAt) return false;
  const elapsed = now.getTime() - lastInboundAt.getTime();
  return elapsed >= 0 ? elapsed < SERVICE_WINDOW_MS : true;
}

/** When the window closes, or null when it is closed already. */
export function serviceWindowEndsAt(lastInboundAt: Date | null, now: Date): Date | null {
  if (!isWithinServiceWindow(lastInboundAt, now) || !lastInboundAt) return null;
  return new Date(lastInboundAt.getTime() + SERVICE_WINDOW_MS);
}

export function hasConsent(recipient: SendRecipient): boolean {
  if (!recipient.optedInAt) return false;
  return !recipient.optedOutAt || recipient.optedOutAt < recipient.optedInAt;
}

function isOptedOut(recipient: SendRecipient): boolean {
  if (!recipient.optedOutAt) return false;
  return !recipient.optedInAt || recipient.optedInAt < recipient.optedOutAt;
}

/** Marketing templates start a business-initiated conversation, inside the window or not. */
export function isMarketingTemplate(content: OutgoingContent): boolean {
  return content.type === "template" && content.category === "marketing";
}

const MARKETING_NEEDS_OPT_IN =
  " A marketing template needs the customer's opt-in, even inside the 24-hour window.";

/**
 * The one rule every send goes through (DESIGN §4.6), when a message is queued and again
 * when the outbox sends it. Business-initiated messages (and marketing templates) need
 * consent. Free-form content needs the 24-hour window; outside it only a template, and a
 * template sent outside the window starts a conversation, so it needs consent too.
 * Replies to a customer's own message are allowed even after they opted out.
 */
export function decideSend(input: {
  recipient: SendRecipient;
  content: OutgoingContent;
  purpose: SendPurpose;
  now: Date;
}): SendDecision {
  const { recipient, content, purpose, now } = input;
  const inWindow = isWithinServiceWindow(recipient.lastInboundAt, now);
  const marketing = isMarketingTemplate(content);
  const startsConversation = purpose === "business_initiated" || marketing || !inWindow;
  const note = marketing ? MARKETING_NEEDS_OPT_IN : "";
  if (content.type !== "template" && !inWindow) {
    return {
      allowed: false,
      reason: "outside_window",
      explanation:
        "More than 24 hours since the customer's last message: only an approved template may be sent.",
    };
  }
  if (startsConversation && isOptedOut(recipient)) {
    return {
      allowed: false,
      reason: "opted_out",
      explanation: `The customer opted out (STOP).${note}`,
    };
  }
  if (startsConversation && !hasConsent(recipient)) {
    return {
      allowed: false,
      reason: "no_consent",
      explanation: `The customer has not opted in to messages from the store.${note}`,
    };
  }
  return { allowed: true };
}
