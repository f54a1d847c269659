import { createHash } from "node:crypto";
import type { DeliveryStatus, WebhookErrorDetail } from "@/lib/whatsapp/webhook-items";
import type {
  PricingCategory,
  WhatsAppWebhookPayload,
  WireError,
  WireMedia,
  WireMessage,
  WireReferral,
  WireReply,
  WireStatus,
  WireValue,
} from "@/lib/whatsapp/webhook-wire";

export type { WhatsAppWebhookPayload } from "@/lib/whatsapp/webhook-wire";

/**
 * Builds webhook bodies exactly as the WhatsApp Cloud API sends them, for the sandbox
 * simulator and for tests. The reverse of lib/whatsapp/webhook-payload.ts.
 */

/** The business number the webhook is addressed to. */
export type BusinessNumber = {
  phoneNumberId: string;
  displayPhoneNumber: string;
  /** The WhatsApp Business Account id (`entry[].id`). */
  wabaId?: string;
};

type MediaOptions = { mimeType?: string; mediaId?: string };

export type InboundMessageSpec =
  | { type: "text"; text: string }
  | { type: "button_reply"; id: string; title: string }
  | { type: "list_reply"; id: string; title: string; description?: string }
  /** A template's quick-reply button. */
  | { type: "button"; payload: string; text: string }
  | ({ type: "image" | "video"; caption?: string } & MediaOptions)
  | ({ type: "document"; caption?: string; filename?: string } & MediaOptions)
  | ({ type: "audio" | "sticker" } & MediaOptions)
  | { type: "location"; latitude: number; longitude: number; name?: string; address?: string }
  | { type: "reaction"; emoji: string; messageId: string }
  /** What Meta sends for a message type the Cloud API does not support. */
  | { type: "unsupported" };

export type ReferralSpec = {
  sourceUrl: string;
  sourceId: string;
  sourceType: "ad" | "post";
  headline?: string;
  body?: string;
  ctwaClid?: string;
};

export type InboundMessageWebhookInput = BusinessNumber & {
  waId: string;
  profileName: string;
  wamid: string;
  timestamp: Date;
  message: InboundMessageSpec;
  referral?: ReferralSpec;
  /** The message replied to; interactive and button replies get a derived one if absent. */
  contextWamid?: string;
};

export type StatusWebhookInput = BusinessNumber & {
  wamid: string;
  recipientId: string;
  status: DeliveryStatus;
  timestamp: Date;
  /** For "failed"; defaults to a re-engagement (24-hour window) error. */
  errors?: WebhookErrorDetail[];
  category?: PricingCategory;
};

export type ErrorWebhookInput = BusinessNumber & { errors: WebhookErrorDetail[] };

export const DEFAULT_WABA_ID = "102290129340398";

const ERROR_CODES_URL =
  "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/";
const CONVERSATION_SECONDS = 24 * 60 * 60;

const DEFAULT_MIME_TYPES = {
  image: "image/jpeg",
  video: "video/mp4",
  document: "application/pdf",
  audio: "audio/ogg; codecs=opus",
  sticker: "image/webp",
} as const;

const REENGAGEMENT_ERROR: WebhookErrorDetail = {
  code: 131047,
  title: "Re-engagement message",
  message: "Re-engagement message",
  details:
    "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
};

function unixSeconds(date: Date): string {
  return String(Math.floor(date.getTime() / 1000));
}

function digest(seed: string): Buffer {
  return createHash("sha256").update(seed).digest();
}

/** A stable, realistic-looking 16-digit id, like Meta's media ids. */
function fakeNumericId(seed: string): string {
  const value = (digest(seed).readBigUInt64BE(0) % 9_000_000_000_000_000n) + 1_000_000_000_000_000n;
  return value.toString();
}

function fakeWamid(seed: string): string {
  return `wamid.${digest(seed).toString("base64url").slice(0, 40)}`;
}

function toWireError(error: WebhookErrorDetail): WireError {
  return {
    code: error.code,
    title: error.title,
    message: error.message ?? error.title,
    error_data: { details: error.details ?? error.title },
    href: ERROR_CODES_URL,
  };
}

function wrap(
  business: BusinessNumber,
  value: Omit<WireValue, "messaging_product" | "metadata">,
): WhatsAppWebhookPayload {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: business.wabaId ?? DEFAULT_WABA_ID,
        changes: [
          {
            value: {
              messaging_product: "whatsapp",
              metadata: {
                display_phone_number: business.displayPhoneNumber,
                phone_number_id: business.phoneNumberId,
              },
              ...value,
            },
            field: "messages",
          },
        ],
      },
    ],
  };
}

function wireMedia(
  spec: MediaOptions & { caption?: string; filename?: string },
  type: keyof typeof DEFAULT_MIME_TYPES,
  wamid: string,
): WireMedia {
  const media: WireMedia = {
    id: spec.mediaId ?? fakeNumericId(`${wamid}:media`),
    mime_type: spec.mimeType ?? DEFAULT_MIME_TYPES[type],
    sha256: digest(`${wamid}:bytes`).toString("base64"),
  };
  if (spec.caption !== undefined) media.caption = spec.caption;
  if (spec.filename !== undefined) media.filename = spec.filename;
  return media;
}

type MessageBody = Omit<WireMessage, "from" | "id" | "timestamp">;

/** The type-specific part of a message. */
function messageBody(spec: InboundMessageSpec, wamid: string): MessageBody {
  switch (spec.type) {
    case "text":
      return { type: "text", text: { body: spec.text } };
    case "button_reply":
      return {
        type: "interactive",
        interactive: { type: "button_reply", button_reply: { id: spec.id, title: spec.title } },
      };
    case "list_reply": {
      const row: WireReply = { id: spec.id, title: spec.title };
      if (spec.description !== undefined) row.description = spec.description;
      return { type: "interactive", interactive: { type: "list_reply", list_reply: row } };
    }
    case "button":
      return { type: "button", button: { payload: spec.payload, text: spec.text } };
    case "image":
    case "video":
    case "document":
    case "audio":
    case "sticker":
      return { type: spec.type, [spec.type]: wireMedia(spec, spec.type, wamid) };
    case "location": {
      const { type: _type, ...location } = spec;
      return { type: "location", location };
    }
    case "reaction":
      return { type: "reaction", reaction: { message_id: spec.messageId, emoji: spec.emoji } };
    case "unsupported":
      return {
        type: "unsupported",
        errors: [
          toWireError({
            code: 131051,
            title: "Message type unknown",
            message: "Message type unknown",
            details: "Message type is currently not supported.",
          }),
        ],
      };
  }
}

const REPLY_TYPES: ReadonlySet<InboundMessageSpec["type"]> = new Set([
  "button_reply",
  "list_reply",
  "button",
]);

export function buildInboundMessageWebhook(
  input: InboundMessageWebhookInput,
): WhatsAppWebhookPayload {
  const message: WireMessage = {
    from: input.waId,
    id: input.wamid,
    timestamp: unixSeconds(input.timestamp),
    ...messageBody(input.message, input.wamid),
  };
  const contextWamid =
    input.contextWamid ??
    (REPLY_TYPES.has(input.message.type) ? fakeWamid(`${input.wamid}:context`) : undefined);
  if (contextWamid !== undefined) {
    message.context = { from: input.displayPhoneNumber, id: contextWamid };
  }
  if (input.referral) {
    const { sourceUrl, sourceId, sourceType, headline, body, ctwaClid } = input.referral;
    const referral: WireReferral = {
      source_url: sourceUrl,
      source_id: sourceId,
      source_type: sourceType,
    };
    if (headline !== undefined) referral.headline = headline;
    if (body !== undefined) referral.body = body;
    if (ctwaClid !== undefined) referral.ctwa_clid = ctwaClid;
    message.referral = referral;
  }
  return wrap(input, {
    contacts: [{ profile: { name: input.profileName }, wa_id: input.waId }],
    messages: [message],
  });
}

export function buildStatusWebhook(input: StatusWebhookInput): WhatsAppWebhookPayload {
  const status: WireStatus = {
    id: input.wamid,
    status: input.status,
    timestamp: unixSeconds(input.timestamp),
    recipient_id: input.recipientId,
  };
  // Meta reports conversation and pricing once the message is sent or delivered.
  if (input.status === "sent" || input.status === "delivered") {
    const category = input.category ?? "service";
    const expiresAt = Math.floor(input.timestamp.getTime() / 1000) + CONVERSATION_SECONDS;
    status.conversation = {
      id: digest(`${input.recipientId}:conversation`).toString("hex").slice(0, 32),
      expiration_timestamp: String(expiresAt),
      origin: { type: category },
    };
    status.pricing = {
      billable: category !== "service",
      pricing_model: "PMP",
      category,
      type: category === "service" ? "free_customer_service" : "regular",
    };
  }
  if (input.status === "failed" || input.errors) {
    status.errors = (input.errors ?? [REENGAGEMENT_ERROR]).map(toWireError);
  }
  return wrap(input, { statuses: [status] });
}

/** A value-level error: a problem with the app or account, not with one message. */
export function buildErrorWebhook(input: ErrorWebhookInput): WhatsAppWebhookPayload {
  return wrap(input, { errors: input.errors.map(toWireError) });
}
