import type { InboundContent } from "@/lib/whatsapp/content";

/** What lib/whatsapp/webhook-payload.ts reads out of a webhook (keys: split-webhook.ts). */

export type DeliveryStatus = "sent" | "delivered" | "read" | "failed";

export type WebhookErrorDetail = {
  code: number;
  title: string;
  message?: string;
  details?: string;
};

/** Click-to-WhatsApp ad or post that opened the chat; only on the first message after it. */
export type WebhookReferral = {
  sourceUrl?: string;
  sourceId?: string;
  sourceType?: string;
  headline?: string;
  body?: string;
  ctwaClid?: string;
};

export type InboundMessageItem = {
  kind: "message";
  phoneNumberId: string;
  /** The customer's number, when WhatsApp shares it. */
  waId: string | null;
  /** The business-scoped user id (BSUID); at least one of waId and userId is set. */
  userId: string | null;
  username: string | null;
  profileName: string | null;
  wamid: string;
  timestamp: Date;
  /** Meta's message type as sent ("text", "interactive", "reaction", …). */
  type: string;
  content: InboundContent;
  referral: WebhookReferral | null;
  /** The message this one replies to or was tapped on (our interactive message). */
  contextWamid: string | null;
};

export type StatusItem = {
  kind: "status";
  phoneNumberId: string;
  wamid: string;
  status: DeliveryStatus;
  timestamp: Date;
  recipientId: string | null;
  recipientUserId: string | null;
  errors: WebhookErrorDetail[];
};

/** The owner's message from the WhatsApp Business app (coexistence), to the customer. */
export type EchoItem = {
  kind: "echo";
  phoneNumberId: string;
  toWaId: string | null;
  toUserId: string | null;
  wamid: string;
  timestamp: Date;
  type: string;
  content: InboundContent;
};

/** The customer stopped or resumed a category of messages from WhatsApp's own menu. */
export type PreferenceItem = {
  kind: "preference";
  phoneNumberId: string;
  waId: string | null;
  userId: string | null;
  category: string;
  value: string;
  timestamp: Date;
};

/** Meta reviewed, paused or disabled a template of the account `accountId`. */
export type TemplateStatusItem = {
  kind: "template_status";
  accountId: string;
  templateId: string | null;
  name: string;
  language: string;
  event: string;
  reason: string | null;
};

export type ErrorItem = {
  kind: "error";
  phoneNumberId: string | null;
  errors: WebhookErrorDetail[];
};

/** Something valid that Chatcart does not act on (another webhook field, a "deleted" status). */
export type IgnoredItem = { kind: "ignored"; reason: string };

export type WebhookItem =
  | InboundMessageItem
  | StatusItem
  | EchoItem
  | PreferenceItem
  | TemplateStatusItem
  | ErrorItem
  | IgnoredItem;

/** The items that change something when applied. */
export type ApplicableItem = Exclude<WebhookItem, { kind: "error" | "ignored" }>;

export type WebhookParseResult = { ok: true; items: WebhookItem[] } | { ok: false; error: string };
