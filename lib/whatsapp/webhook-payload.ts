import type { z } from "zod";
import type { InboundContent } from "@/lib/whatsapp/content";
import { readWebhookJson } from "@/lib/whatsapp/split-webhook";
import type {
  ErrorItem,
  IgnoredItem,
  InboundMessageItem,
  StatusItem,
  WebhookErrorDetail,
  WebhookItem,
  WebhookParseResult,
  WebhookReferral,
} from "@/lib/whatsapp/webhook-items";
import {
  baseMessageSchema,
  baseStatusSchema,
  buttonBody,
  deliveryStatusSchema,
  envelopeSchema,
  interactiveBody,
  locationBody,
  mediaBody,
  messagesValueSchema,
  replyBody,
  textBody,
  type BaseMessage,
  type Contact,
  type WireError,
} from "@/lib/whatsapp/webhook-schema";

/**
 * Reads the body of a WhatsApp Cloud API webhook POST into a flat list of items, one per
 * message, status or error. The inbox stores each item under webhookItemKey(item).
 */

export { webhookItemKey } from "@/lib/whatsapp/webhook-items";
export type {
  DeliveryStatus,
  ErrorItem,
  IgnoredItem,
  InboundMessageItem,
  StatusItem,
  WebhookErrorDetail,
  WebhookItem,
  WebhookParseResult,
  WebhookReferral,
} from "@/lib/whatsapp/webhook-items";

type Path = readonly PropertyKey[];

const MAX_REPORTED_ISSUES = 5;
const MEDIA_TYPES = ["image", "document", "audio", "video", "sticker"] as const;
type MediaType = (typeof MEDIA_TYPES)[number];

function isMediaType(type: string): type is MediaType {
  return (MEDIA_TYPES as readonly string[]).includes(type);
}

function formatPath(path: Path): string {
  return path.length === 0 ? "(root)" : path.map(String).join(".");
}

/** Collects issues with their full path from the body's root, so one message reads well. */
class Issues {
  readonly list: string[] = [];

  add(path: Path, message: string): void {
    this.list.push(`${formatPath(path)}: ${message}`);
  }

  parse<S extends z.ZodType>(schema: S, value: unknown, path: Path): z.output<S> | undefined {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) this.add([...path, ...issue.path], issue.message);
    return undefined;
  }

  summary(): string {
    const shown = this.list.slice(0, MAX_REPORTED_ISSUES).join("; ");
    const more = this.list.length - MAX_REPORTED_ISSUES;
    return more > 0 ? `${shown}; and ${more} more` : shown;
  }
}

function toErrorDetail(error: WireError): WebhookErrorDetail {
  const detail: WebhookErrorDetail = { code: error.code, title: error.title };
  if (error.message !== undefined) detail.message = error.message;
  if (error.error_data?.details !== undefined) detail.details = error.error_data.details;
  return detail;
}

function readReferral(message: BaseMessage): WebhookReferral | null {
  const wire = message.referral;
  if (!wire) return null;
  const referral: WebhookReferral = {};
  if (wire.source_url !== undefined) referral.sourceUrl = wire.source_url;
  if (wire.source_id !== undefined) referral.sourceId = wire.source_id;
  if (wire.source_type !== undefined) referral.sourceType = wire.source_type;
  if (wire.headline !== undefined) referral.headline = wire.headline;
  if (wire.body !== undefined) referral.body = wire.body;
  if (wire.ctwa_clid !== undefined) referral.ctwaClid = wire.ctwa_clid;
  return referral;
}

function readContent(message: BaseMessage, path: Path, issues: Issues): InboundContent | undefined {
  const { type } = message;
  switch (type) {
    case "text": {
      const text = issues.parse(textBody, message.text, [...path, "text"]);
      return text && { kind: "text", text: text.body };
    }
    case "interactive": {
      const interactive = issues.parse(interactiveBody, message.interactive, [...path, type]);
      if (!interactive) return undefined;
      const replyType = interactive.type;
      // Flow responses (nfm_reply) and other interactive replies are not taps we act on.
      if (replyType !== "button_reply" && replyType !== "list_reply") {
        return { kind: "unsupported", type: `interactive.${replyType}` };
      }
      const reply = issues.parse(replyBody, interactive[replyType], [...path, type, replyType]);
      return reply && { kind: "reply", replyId: reply.id, title: reply.title };
    }
    case "button": {
      const button = issues.parse(buttonBody, message.button, [...path, type]);
      return button && { kind: "reply", replyId: button.payload, title: button.text };
    }
    case "location": {
      const location = issues.parse(locationBody, message.location, [...path, type]);
      if (!location) return undefined;
      const content: InboundContent = {
        kind: "location",
        latitude: location.latitude,
        longitude: location.longitude,
      };
      if (location.name !== undefined) content.name = location.name;
      if (location.address !== undefined) content.address = location.address;
      return content;
    }
    default: {
      if (!isMediaType(type)) return { kind: "unsupported", type };
      const media = issues.parse(mediaBody, message[type], [...path, type]);
      if (!media) return undefined;
      return media.caption === undefined
        ? { kind: "media", mediaType: type }
        : { kind: "media", mediaType: type, caption: media.caption };
    }
  }
}

function readMessages(
  messages: unknown[],
  contacts: Contact[],
  phoneNumberId: string,
  path: Path,
  issues: Issues,
): InboundMessageItem[] {
  const items: InboundMessageItem[] = [];
  messages.forEach((raw, index) => {
    const message = issues.parse(baseMessageSchema, raw, [...path, index]);
    const content = message && readContent(message, [...path, index], issues);
    if (!message || !content) return;
    const contact =
      contacts.find(
        (candidate) =>
          (message.from !== undefined && candidate.wa_id === message.from) ||
          (message.from_user_id !== undefined && candidate.user_id === message.from_user_id),
      ) ?? (contacts.length === 1 ? contacts[0] : undefined);
    items.push({
      kind: "message",
      phoneNumberId,
      waId: message.from ?? null,
      userId: message.from_user_id ?? contact?.user_id ?? null,
      username: contact?.profile?.username ?? null,
      profileName: contact?.profile?.name ?? null,
      wamid: message.id,
      timestamp: message.timestamp,
      type: message.type,
      content,
      referral: readReferral(message),
      contextWamid: message.context?.id ?? null,
    });
  });
  return items;
}

function readStatuses(
  statuses: unknown[],
  phoneNumberId: string,
  path: Path,
  issues: Issues,
): (StatusItem | IgnoredItem)[] {
  const items: (StatusItem | IgnoredItem)[] = [];
  statuses.forEach((raw, index) => {
    const status = issues.parse(baseStatusSchema, raw, [...path, index]);
    if (!status) return;
    if (!deliveryStatusSchema.shape.status.safeParse(status.status).success) {
      items.push({ kind: "ignored", reason: `status "${status.status}" for ${status.id}` });
      return;
    }
    const delivery = issues.parse(deliveryStatusSchema, status, [...path, index]);
    if (!delivery) return;
    items.push({
      kind: "status",
      phoneNumberId,
      wamid: status.id,
      status: delivery.status,
      timestamp: delivery.timestamp,
      recipientId: delivery.recipient_id ?? null,
      recipientUserId: delivery.recipient_user_id ?? null,
      errors: (delivery.errors ?? []).map(toErrorDetail),
    });
  });
  return items;
}

function readMessagesValue(value: unknown, path: Path, issues: Issues): WebhookItem[] {
  const parsed = issues.parse(messagesValueSchema, value, path);
  if (!parsed) return [];
  const { messages = [], statuses = [], errors = [], contacts = [] } = parsed;
  const phoneNumberId = parsed.metadata?.phone_number_id ?? null;
  const errorItems: ErrorItem[] =
    errors.length > 0 ? [{ kind: "error", phoneNumberId, errors: errors.map(toErrorDetail) }] : [];
  if (phoneNumberId === null) {
    if (messages.length > 0 || statuses.length > 0) {
      issues.add([...path, "metadata"], "phone_number_id is required with messages or statuses");
    }
    return errorItems;
  }
  return [
    ...readMessages(messages, contacts, phoneNumberId, [...path, "messages"], issues),
    ...readStatuses(statuses, phoneNumberId, [...path, "statuses"], issues),
    ...errorItems,
  ];
}

/** Parses an already-decoded webhook body (see parseWebhookPayload for the raw text). */
export function parseWebhookObject(body: unknown): WebhookParseResult {
  const issues = new Issues();
  const envelope = issues.parse(envelopeSchema, body, []);
  if (!envelope) return { ok: false, error: `Invalid WhatsApp webhook: ${issues.summary()}` };

  const items: WebhookItem[] = [];
  envelope.entry.forEach((entry, entryIndex) => {
    entry.changes.forEach((change, changeIndex) => {
      if (change.field !== "messages") {
        items.push({ kind: "ignored", reason: `field "${change.field}" (entry ${entry.id})` });
        return;
      }
      const path = ["entry", entryIndex, "changes", changeIndex, "value"];
      items.push(...readMessagesValue(change.value, path, issues));
    });
  });
  if (issues.list.length > 0) {
    return { ok: false, error: `Invalid WhatsApp webhook: ${issues.summary()}` };
  }
  return { ok: true, items };
}

/** Parses the raw text of a webhook POST (the same bytes the signature was checked on). */
export function parseWebhookPayload(rawBody: string): WebhookParseResult {
  const json = readWebhookJson(rawBody);
  return json.ok ? parseWebhookObject(json.body) : json;
}
