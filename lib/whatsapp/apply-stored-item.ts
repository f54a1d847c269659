import "server-only";
import type { Database } from "@/db/drivers";
import type { WebhookEvent } from "@/db/schema";
import { applyWebhookItem, rejectionOf } from "./apply-webhook-item";
import { UnknownMessageError } from "./apply-status";
import type { WhatsAppPlatformConfig } from "./channel";
import { findStoreById, findStoreByPhoneNumberId, type RoutedStore } from "./route-store";
import { parseWebhookObject, type WebhookItem } from "./webhook-payload";

/** Applying failed; `storeId` tells the processor whose failed events show it. */
export class ApplyError extends Error {
  override name = "ApplyError";
  constructor(
    message: string,
    /** The store the item belongs to, when known, so its owner sees the failure. */
    readonly storeId: string | null,
    /** Retrying cannot help without a change of code or configuration: give up at once. */
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

function permanent(message: string, storeId: string | null): ApplyError {
  return new ApplyError(message, storeId, true);
}

export type AppliedItem = { storeId: string | null; note: string | null };

/** A status for a message we have not recorded is retried this many times, then noted once. */
export const UNKNOWN_MESSAGE_ATTEMPTS = 2;

function phoneNumberIdOf(item: WebhookItem): string | null {
  return "phoneNumberId" in item && typeof item.phoneNumberId === "string"
    ? item.phoneNumberId
    : null;
}

async function routeStore(
  db: Database,
  event: Pick<WebhookEvent, "storeId">,
  item: WebhookItem,
  config: WhatsAppPlatformConfig,
  routedBefore: boolean,
): Promise<RoutedStore | null> {
  // Retries apply where the first attempt routed, whoever holds the number now.
  if (routedBefore && event.storeId) return findStoreById(db, event.storeId);
  const phoneNumberId = phoneNumberIdOf(item);
  // ?store= deliveries record the named store on receipt: its secret vouches only for it.
  const named = event.storeId;
  if (!phoneNumberId) return named ? findStoreById(db, named) : null;
  const store = await findStoreByPhoneNumberId(db, phoneNumberId, config);
  if (store && named && store.id !== named) return null;
  return store;
}

/**
 * Applies one stored WhatsApp item through today's parser and today's code, so "Retry" after
 * a fix re-reads the raw item. Throws an ApplyError that says whether retrying can help.
 */
export async function applyStoredWhatsAppItem(
  tx: Database,
  event: Pick<WebhookEvent, "payload" | "storeId" | "attempts" | "error">,
  config: WhatsAppPlatformConfig,
  now: Date,
): Promise<AppliedItem> {
  const parsed = parseWebhookObject(event.payload);
  if (!parsed.ok) throw permanent(parsed.error, event.storeId);
  const [item] = parsed.items;
  if (!item) return { storeId: event.storeId, note: "Nothing to apply" };
  if (item.kind === "ignored") return { storeId: event.storeId, note: `Not used: ${item.reason}` };
  const routedBefore = event.attempts > 0 && event.error !== null;
  const store = await routeStore(tx, event, item, config, routedBefore);
  const rejection = rejectionOf(item, store, phoneNumberIdOf(item));
  if (rejection) throw permanent(rejection, store?.id ?? null);
  // rejectionOf refuses errors and storeless items; this narrows the types to match.
  if (item.kind === "error" || !store) throw permanent("Not applicable", store?.id ?? null);
  let note: string | null;
  try {
    note = await applyWebhookItem(tx, store, item, now);
  } catch (error) {
    if (error instanceof UnknownMessageError && event.attempts + 1 >= UNKNOWN_MESSAGE_ATTEMPTS) {
      return { storeId: store?.id ?? null, note: error.message };
    }
    throw new ApplyError(
      error instanceof Error ? error.message : String(error),
      store?.id ?? null,
      false,
    );
  }
  return { storeId: store.id, note };
}
