import { readContent } from "@/lib/whatsapp/webhook-content";
import { Issues, type Path } from "@/lib/whatsapp/webhook-issues";
import { readWebhookJson } from "@/lib/whatsapp/split-webhook";
import type {
  EchoItem,
  ErrorItem,
  IgnoredItem,
  InboundMessageItem,
  PreferenceItem,
  StatusItem,
  TemplateStatusItem,
  WebhookErrorDetail,
  WebhookItem,
  WebhookParseResult,
  WebhookReferral,
} from "@/lib/whatsapp/webhook-items";
import {
  baseEchoSchema,
  baseMessageSchema,
  baseStatusSchema,
  deliveryStatusSchema,
  echoesValueSchema,
  envelopeSchema,
  messagesValueSchema,
  preferencesValueSchema,
  templateStatusValueSchema,
  type BaseMessage,
  type Contact,
  type WireError,
} from "@/lib/whatsapp/webhook-schema";

/**
 * Reads the body of a WhatsApp Cloud API webhook POST into a flat list of items: messages,
 * statuses, the owner's echoes, preference changes, template reviews and errors. The
 * processor reads one stored item at a time (lib/whatsapp/split-webhook.ts splits them).
 */

export type {
  DeliveryStatus,
  EchoItem,
  ErrorItem,
  IgnoredItem,
  InboundMessageItem,
  PreferenceItem,
  StatusItem,
  TemplateStatusItem,
  WebhookErrorDetail,
  WebhookItem,
  WebhookParseResult,
  WebhookReferral,
} from "@/lib/whatsapp/webhook-items";

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

function readEchoes(value: unknown, path: Path, issues: Issues): EchoItem[] {
  const parsed = issues.parse(echoesValueSchema, value, path);
  if (!parsed) return [];
  const phoneNumberId = parsed.metadata.phone_number_id;
  const items: EchoItem[] = [];
  parsed.message_echoes.forEach((raw, index) => {
    const itemPath = [...path, "message_echoes", index];
    const echo = issues.parse(baseEchoSchema, raw, itemPath);
    // An echo's body has the same shapes as a customer's message.
    const content = echo && readContent(echo as unknown as BaseMessage, itemPath, issues);
    if (!echo || !content) return;
    items.push({
      kind: "echo",
      phoneNumberId,
      toWaId: echo.to ?? null,
      toUserId: echo.to_user_id ?? null,
      wamid: echo.id,
      timestamp: echo.timestamp,
      type: echo.type,
      content,
    });
  });
  return items;
}

function readPreferences(value: unknown, path: Path, issues: Issues): PreferenceItem[] {
  const parsed = issues.parse(preferencesValueSchema, value, path);
  if (!parsed) return [];
  return parsed.user_preferences.map((preference) => ({
    kind: "preference",
    phoneNumberId: parsed.metadata.phone_number_id,
    waId: preference.wa_id ?? null,
    userId: preference.user_id ?? null,
    category: preference.category,
    value: preference.value,
    timestamp: preference.timestamp,
  }));
}

function readTemplateStatus(
  accountId: string,
  value: unknown,
  path: Path,
  issues: Issues,
): TemplateStatusItem[] {
  const parsed = issues.parse(templateStatusValueSchema, value, path);
  if (!parsed) return [];
  return [
    {
      kind: "template_status",
      accountId,
      templateId: parsed.message_template_id ?? null,
      name: parsed.message_template_name,
      language: parsed.message_template_language,
      event: parsed.event,
      reason: parsed.reason ?? null,
    },
  ];
}

/** One change by its webhook field; fields Chatcart does not subscribe to are only counted. */
function readChange(
  field: string,
  accountId: string,
  value: unknown,
  path: Path,
  issues: Issues,
): WebhookItem[] {
  switch (field) {
    case "messages":
      return readMessagesValue(value, path, issues);
    case "smb_message_echoes":
      return readEchoes(value, path, issues);
    case "user_preferences":
      return readPreferences(value, path, issues);
    case "message_template_status_update":
      return readTemplateStatus(accountId, value, path, issues);
    default:
      return [{ kind: "ignored", reason: `field "${field}" (entry ${accountId})` }];
  }
}

/** Parses an already-decoded webhook body (see parseWebhookPayload for the raw text). */
export function parseWebhookObject(body: unknown): WebhookParseResult {
  const issues = new Issues();
  const envelope = issues.parse(envelopeSchema, body, []);
  if (!envelope) return { ok: false, error: `Invalid WhatsApp webhook: ${issues.summary()}` };

  const items: WebhookItem[] = [];
  envelope.entry.forEach((entry, entryIndex) => {
    entry.changes.forEach((change, changeIndex) => {
      const path = ["entry", entryIndex, "changes", changeIndex, "value"];
      items.push(...readChange(change.field, entry.id, change.value, path, issues));
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
