import "server-only";
import { createHash } from "node:crypto";
import { and, eq, isNull, lte } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { webhookEvents } from "@/db/schema";
import { namedStoreWebhookSecret } from "@/lib/stores/webhook-secret-cache";
import { applyWebhookItem, rejectionOf } from "./apply-webhook-item";
import type { WhatsAppPlatformConfig } from "./channel";
import { findStoreById, findStoreByPhoneNumberId, type RoutedStore } from "./route-store";
import { isValidWebhookSignature } from "./signature";
import { parseWebhookPayload, type WebhookItem, webhookItemKey } from "./webhook-payload";

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
  stored: number;
  duplicates: number;
  failed: number;
};

export const MAX_WEBHOOK_ATTEMPTS = 8;
/** Meta's deliveries are a few kilobytes; anything over this is refused with 413 unread. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

export function webhookRetryDelayMs(attempts: number): number {
  return Math.min(60 * 60_000, 15_000 * 2 ** Math.max(0, attempts - 1));
}

function itemPhoneNumberId(item: WebhookItem): string | null {
  return item.kind === "message" || item.kind === "status" || item.kind === "error"
    ? item.phoneNumberId
    : null;
}

/**
 * The WhatsApp webhook (DESIGN §4.1): signature over the raw bytes first, then every item
 * is stored in the inbox under its idempotency key and applied in the same transaction.
 * A redelivery stores nothing and applies nothing. If applying fails, the stored row keeps
 * the error and `tick` retries it. Signed-but-malformed bodies are stored as failed and
 * acknowledged, so Meta does not retry them forever.
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
  };
  let namedStore: { id: string } | undefined;
  let secret = config.platformAppSecret;
  if (input.storeSlug) {
    // Unauthenticated: one indexed query, then a cached secret (lib/stores/webhook-secret-cache.ts).
    const named = await namedStoreWebhookSecret(db, input.storeSlug, config.encryptionKey);
    if (!named) return { ...outcome, status: 404, message: "Unknown store" };
    namedStore = { id: named.storeId };
    secret = named.appSecret ?? config.platformAppSecret;
  }
  if (!secret)
    return { ...outcome, status: 401, message: "Webhook signing secret is not configured" };
  if (!isValidWebhookSignature(input.rawBody, input.signature, secret)) {
    return { ...outcome, status: 401, message: "Invalid or missing X-Hub-Signature-256" };
  }

  const text = new TextDecoder().decode(input.rawBody);
  const parsed = parseWebhookPayload(text);
  if (!parsed.ok) {
    const inserted = await db
      .insert(webhookEvents)
      .values({
        provider: "whatsapp",
        externalId: `malformed:${createHash("sha256").update(input.rawBody).digest("hex")}`,
        storeId: namedStore?.id ?? null,
        kind: "malformed",
        payload: { body: text.slice(0, 65_536) },
        receivedAt: now,
        error: parsed.error,
      })
      .onConflictDoNothing()
      .returning({ id: webhookEvents.id });
    return {
      ...outcome,
      message: "Stored as failed: malformed",
      failed: inserted.length,
      duplicates: 1 - inserted.length,
    };
  }

  const storeCache = new Map<string, Promise<RoutedStore | null>>();
  for (const item of parsed.items) {
    if (item.kind === "ignored") continue;
    const phoneNumberId = itemPhoneNumberId(item);
    let store: RoutedStore | null = null;
    if (phoneNumberId) {
      if (!storeCache.has(phoneNumberId)) {
        storeCache.set(phoneNumberId, findStoreByPhoneNumberId(db, phoneNumberId, config));
      }
      store = (await storeCache.get(phoneNumberId)) ?? null;
      // A store's own secret vouches only for that store's numbers.
      if (store && namedStore && store.id !== namedStore.id) store = null;
    }
    const result = await storeAndApply(db, item, store, phoneNumberId, now);
    outcome[result]++;
  }
  return outcome;
}

async function storeAndApply(
  db: Database,
  item: Exclude<WebhookItem, { kind: "ignored" }>,
  store: RoutedStore | null,
  phoneNumberId: string | null,
  now: Date,
): Promise<"stored" | "duplicates" | "failed"> {
  return db.transaction(async (tx) => {
    const rejection = rejectionOf(item, store, phoneNumberId);
    const [event] = await tx
      .insert(webhookEvents)
      .values({
        provider: "whatsapp",
        externalId: webhookItemKey(item),
        storeId: store?.id ?? null,
        kind: item.kind,
        payload: item,
        receivedAt: now,
        error: rejection,
      })
      .onConflictDoNothing({ target: [webhookEvents.provider, webhookEvents.externalId] })
      .returning({ id: webhookEvents.id });
    if (!event) return "duplicates";
    if (rejection || item.kind === "error") return "failed";
    return (await applyStoredEvent(tx, event.id, store, item, now, 0)) ? "stored" : "failed";
  });
}

/** Applies in a savepoint, so a failure rolls back the effects but keeps the stored event. */
async function applyStoredEvent(
  tx: Database,
  eventId: string,
  store: RoutedStore | null,
  item: Extract<WebhookItem, { kind: "message" | "status" }>,
  now: Date,
  previousAttempts: number,
): Promise<boolean> {
  try {
    await tx.transaction((savepoint) => applyWebhookItem(savepoint, store, item, now));
    await tx
      .update(webhookEvents)
      .set({ processedAt: now, error: null, nextAttemptAt: null })
      .where(eq(webhookEvents.id, eventId));
    return true;
  } catch (error) {
    const attempts = previousAttempts + 1;
    await tx
      .update(webhookEvents)
      .set({
        error: error instanceof Error ? error.message : String(error),
        attempts,
        nextAttemptAt:
          attempts < MAX_WEBHOOK_ATTEMPTS
            ? new Date(now.getTime() + webhookRetryDelayMs(attempts))
            : null,
      })
      .where(eq(webhookEvents.id, eventId));
    return false;
  }
}

/** Stored items are JSON: bring the timestamp back to a Date. */
function reviveItem(payload: unknown): Exclude<WebhookItem, { kind: "ignored" }> {
  const item = payload as Exclude<WebhookItem, { kind: "ignored" }>;
  if ("timestamp" in item) return { ...item, timestamp: new Date(item.timestamp) } as typeof item;
  return item;
}

/** `tick`: applies stored events whose first application failed, with backoff. */
export async function retryWebhookEvents(
  db: Database,
  config: WhatsAppPlatformConfig,
  options: { now?: Date; limit?: number } = {},
): Promise<{ retried: number; succeeded: number }> {
  const now = options.now ?? new Date();
  const report = { retried: 0, succeeded: 0 };
  for (let i = 0; i < (options.limit ?? 50); i++) {
    const done = await db.transaction(async (tx) => {
      const [event] = await tx
        .select()
        .from(webhookEvents)
        .where(
          and(
            eq(webhookEvents.provider, "whatsapp"),
            isNull(webhookEvents.processedAt),
            lte(webhookEvents.nextAttemptAt, now),
          ),
        )
        .orderBy(webhookEvents.nextAttemptAt)
        .limit(1)
        .for("update", { skipLocked: true });
      if (!event) return null;
      const item = reviveItem(event.payload);
      if (item.kind === "error") return false;
      // The store recorded when the event arrived, never whoever holds the number now.
      const store = event.storeId ? await findStoreById(tx, event.storeId) : null;
      return applyStoredEvent(tx, event.id, store, item, now, event.attempts);
    });
    if (done === null) break;
    report.retried++;
    if (done) report.succeeded++;
  }
  return report;
}
