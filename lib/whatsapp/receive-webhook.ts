import "server-only";
import { createHash } from "node:crypto";
import type { Database } from "@/db/drivers";
import { webhookEvents } from "@/db/schema";
import { namedStoreWebhookSecret } from "@/lib/stores/webhook-secret-cache";
import type { WhatsAppPlatformConfig } from "./channel";
import { isValidWebhookSignature } from "./signature";
import { splitWhatsAppWebhook } from "./split-webhook";

export type ReceiveWebhookInput = {
  rawBody: Uint8Array;
  signature: string | null;
  /** Set when the store has its own Meta app: its webhooks come to ?store=<slug>. */
  storeSlug: string | null;
  now?: Date;
};

export type ReceiveWebhookOutcome = {
  status: 200 | 401 | 404;
  message: string;
  /** New items, waiting for the processor. */
  stored: number;
  duplicates: number;
  /** Stored as failed on receipt (a body that could not be split). */
  failed: number;
  /** Acknowledged and counted, never applied (another object than WhatsApp's). */
  ignored: number;
  /** The lanes of the new items: what the after() of this delivery applies. */
  lanes: string[];
};

/** Meta's deliveries are a few kilobytes; anything over this is refused with 413 unread. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

type InboxRow = typeof webhookEvents.$inferInsert;

/**
 * The WhatsApp webhook (DESIGN §4.1): the signature over the raw bytes first, then every item
 * of the delivery stored raw under its idempotency key in one multi-row insert, and nothing
 * else — the processor (lib/processing/processor.ts) applies them. A redelivery stores
 * nothing. A body that cannot even be split is stored once as failed and acknowledged, so
 * Meta does not retry it forever.
 */
export async function receiveWhatsAppWebhook(
  db: Database,
  input: ReceiveWebhookInput,
  config: WhatsAppPlatformConfig,
): Promise<ReceiveWebhookOutcome> {
  const now = input.now ?? new Date();
  const outcome: ReceiveWebhookOutcome = {
    status: 200,
    message: "ok",
    stored: 0,
    duplicates: 0,
    failed: 0,
    ignored: 0,
    lanes: [],
  };
  let namedStoreId: string | null = null;
  let secret = config.platformAppSecret;
  if (input.storeSlug) {
    // Unauthenticated: one indexed query, then a cached secret (lib/stores/webhook-secret-cache.ts).
    const named = await namedStoreWebhookSecret(db, input.storeSlug, config.encryptionKey);
    if (!named) return { ...outcome, status: 404, message: "Unknown store" };
    namedStoreId = named.storeId;
    secret = named.appSecret ?? config.platformAppSecret;
  }
  if (!secret)
    return { ...outcome, status: 401, message: "Webhook signing secret is not configured" };
  if (!isValidWebhookSignature(input.rawBody, input.signature, secret)) {
    return { ...outcome, status: 401, message: "Invalid or missing X-Hub-Signature-256" };
  }

  const text = new TextDecoder().decode(input.rawBody);
  const split = splitWhatsAppWebhook(text);
  const base = { provider: "whatsapp" as const, storeId: namedStoreId, receivedAt: now };
  let rows: InboxRow[];
  if (!split.ok) {
    rows = [
      {
        ...base,
        externalId: `malformed:${createHash("sha256").update(input.rawBody).digest("hex")}`,
        kind: "malformed",
        payload: { body: text.slice(0, 65_536) },
        error: split.error,
      },
    ];
  } else if (split.items.length === 0) {
    rows = [
      {
        ...base,
        externalId: `ignored:${createHash("sha256").update(input.rawBody).digest("hex")}`,
        kind: "ignored",
        payload: { note: split.ignored.join("; ") },
        processedAt: now,
        note: `Not used: ${split.ignored.join("; ")}`,
      },
    ];
  } else {
    // The same item twice in one body would be one conflict too many for a single insert.
    const unique = new Map(split.items.map((item) => [item.externalId, item]));
    rows = [...unique.values()].map((item) => ({
      ...base,
      externalId: item.externalId,
      kind: item.kind,
      lane: item.lane,
      occurredAt: item.occurredAt ?? now,
      payload: item.payload,
      nextAttemptAt: now,
    }));
  }
  const inserted = await db
    .insert(webhookEvents)
    .values(rows)
    .onConflictDoNothing({ target: [webhookEvents.provider, webhookEvents.externalId] })
    .returning({ lane: webhookEvents.lane, kind: webhookEvents.kind });
  const received = split.ok && split.items.length > 0 ? split.items.length : rows.length;
  outcome.duplicates = received - inserted.length;
  if (!split.ok) {
    outcome.failed = inserted.length;
    outcome.message = "Stored as failed: malformed";
  } else if (split.items.length === 0) {
    outcome.ignored = inserted.length;
    outcome.message = "Acknowledged, not used";
  } else {
    outcome.stored = inserted.length;
    outcome.lanes = [...new Set(inserted.map((row) => row.lane))];
  }
  return outcome;
}
