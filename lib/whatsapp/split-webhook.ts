import { createHash } from "node:crypto";

/**
 * Splits a signed WhatsApp webhook body into inbox items before anything reads them
 * (DESIGN §4.1). Each item is a complete single-item envelope — the change's `field`, its
 * `metadata`, the matching contact and exactly one message, status or echo — so the processor
 * can parse and apply it on its own, and a broken neighbour never takes it down. Only the
 * structure needed to split is checked here; the item's content is validated when applied.
 */

export type SplitItem = {
  /** Idempotency key: the same item delivered again gets the same key. */
  externalId: string;
  kind: string;
  /** Ordering lane: one customer of one business number (see db/schema/webhooks.ts). */
  lane: string;
  occurredAt: Date | null;
  payload: StoredWhatsAppItem;
};

export type StoredWhatsAppItem = {
  object: string;
  entry: [{ id: string; changes: [{ field: string; value: unknown }] }];
};

export type SplitResult =
  { ok: true; items: SplitItem[]; ignored: string[] } | { ok: false; error: string };

/** Arrays of a change value whose elements are items of their own, and how each is keyed. */
const ITEM_ARRAYS = {
  messages: (item: Record<string, unknown>) => keyed("message", item.id),
  statuses: (item: Record<string, unknown>) =>
    typeof item.id === "string" && typeof item.status === "string"
      ? `status:${item.id}:${item.status}`
      : null,
  message_echoes: (item: Record<string, unknown>) => keyed("echo", item.id),
  user_preferences: () => null,
} as const satisfies Record<string, (item: Record<string, unknown>) => string | null>;

type ItemArray = keyof typeof ITEM_ARRAYS;

function keyed(prefix: string, id: unknown): string | null {
  return typeof id === "string" && id.length > 0 ? `${prefix}:${id}` : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 ? value : null;
}

function hashOf(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 32);
}

/** Who the item is about: the business-scoped user id when present, else the number. */
function customerIdentity(array: ItemArray, item: Record<string, unknown>): string | null {
  switch (array) {
    case "messages":
      return text(item.from_user_id) ?? text(item.from);
    case "statuses":
      return text(item.recipient_user_id) ?? text(item.recipient_id);
    case "message_echoes":
      return text(item.to_user_id) ?? text(item.to);
    case "user_preferences":
      return text(item.user_id) ?? text(item.wa_id);
  }
}

function unixSeconds(value: unknown): Date | null {
  const seconds = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds >= 0
    ? new Date(seconds * 1000)
    : null;
}

/** The contact an item is from, so the stored item carries its profile and nothing else. */
function contactsFor(contacts: unknown, identity: string | null): unknown[] | undefined {
  if (!Array.isArray(contacts)) return undefined;
  const matching = contacts.filter(
    (contact) => isRecord(contact) && (contact.wa_id === identity || contact.user_id === identity),
  );
  if (matching.length > 0) return matching;
  return contacts.length === 1 ? contacts : undefined;
}

function envelope(object: string, entryId: string, field: string, value: unknown) {
  return { object, entry: [{ id: entryId, changes: [{ field, value }] }] } as StoredWhatsAppItem;
}

function splitChange(object: string, entryId: string, change: unknown): SplitItem[] {
  const field = isRecord(change) ? (text(change.field) ?? "(none)") : "(none)";
  const value = isRecord(change) ? change.value : undefined;
  if (!isRecord(value)) {
    const payload = envelope(object, entryId, field, value);
    return [
      {
        externalId: `${field}:${hashOf(payload)}`,
        kind: field,
        lane: "",
        occurredAt: null,
        payload,
      },
    ];
  }
  const { metadata, contacts } = value;
  const phoneNumberId = isRecord(metadata) ? text(metadata.phone_number_id) : null;
  const items: SplitItem[] = [];
  const arrays = Object.keys(ITEM_ARRAYS) as ItemArray[];
  // What every item of the change shares: the value without any per-item array.
  const rest: Record<string, unknown> = { ...value };
  for (const array of arrays) delete rest[array];
  for (const array of arrays) {
    const elements = value[array];
    if (!Array.isArray(elements)) continue;
    for (const element of elements) {
      const record = isRecord(element) ? element : {};
      const identity = customerIdentity(array, record);
      const itemContacts = contactsFor(contacts, identity);
      const itemValue: Record<string, unknown> = { ...rest, [array]: [element] };
      if (itemContacts) itemValue.contacts = itemContacts;
      else delete itemValue.contacts;
      delete itemValue.errors;
      const payload = envelope(object, entryId, field, itemValue);
      const key = ITEM_ARRAYS[array](record) ?? `${array}:${hashOf(payload)}`;
      items.push({
        externalId: key,
        kind: array === "messages" ? "message" : array === "statuses" ? "status" : array,
        lane: identity ? `whatsapp:${phoneNumberId ?? entryId}:${identity}` : "",
        occurredAt: unixSeconds(record.timestamp),
        payload,
      });
    }
  }
  // A change with no per-item array (template status, account updates) or with change-level
  // errors is one item of its own.
  if (items.length === 0 || Array.isArray(value.errors)) {
    const itemValue = items.length === 0 ? value : { ...rest, errors: value.errors };
    delete (itemValue as Record<string, unknown>).contacts;
    const payload = envelope(object, entryId, field, itemValue);
    const kind = items.length === 0 ? field : "error";
    items.push({
      externalId: `${kind}:${hashOf(payload)}`,
      kind,
      lane: `whatsapp:${phoneNumberId ?? entryId}:${kind === "error" ? "errors" : field}`,
      occurredAt: unixSeconds(value.timestamp),
      payload,
    });
  }
  return items;
}

/** The raw text of a webhook POST as JSON, or the reason it is not. */
export function readWebhookJson(
  rawBody: string,
): { ok: true; body: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, body: JSON.parse(rawBody) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `Invalid WhatsApp webhook: body is not JSON (${reason})` };
  }
}

/** Splits the raw text of a webhook POST (the bytes the signature was checked on). */
export function splitWhatsAppWebhook(rawBody: string): SplitResult {
  const json = readWebhookJson(rawBody);
  if (!json.ok) return json;
  const { body } = json;
  if (!isRecord(body))
    return { ok: false, error: "Invalid WhatsApp webhook: body is not an object" };
  const object = text(body.object);
  if (object !== "whatsapp_business_account") {
    return { ok: true, items: [], ignored: [`object "${object ?? "(none)"}"`] };
  }
  if (!Array.isArray(body.entry)) {
    return { ok: false, error: "Invalid WhatsApp webhook: entry: expected an array" };
  }
  const items: SplitItem[] = [];
  for (const entry of body.entry) {
    const entryId = isRecord(entry) ? (text(entry.id) ?? "(none)") : "(none)";
    const changes = isRecord(entry) && Array.isArray(entry.changes) ? entry.changes : [entry];
    for (const change of changes) items.push(...splitChange(object, entryId, change));
  }
  return { ok: true, items, ignored: [] };
}
