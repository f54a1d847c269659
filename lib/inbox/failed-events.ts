import "server-only";
import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { webhookEvents } from "@/db/schema";

export const FAILED_EVENTS_LIMIT = 50;
const PAYLOAD_PREVIEW_LENGTH = 300;

export type FailedWebhookEvent = {
  id: string;
  provider: "whatsapp" | "stripe";
  externalId: string;
  kind: string;
  error: string;
  attempts: number;
  receivedAt: Date;
  /** When `tick` tries again; null when it has given up (or the event can never apply). */
  nextAttemptAt: Date | null;
  payloadPreview: string;
};

/** This store's webhook events that could not be applied (and are not yet), newest first. */
export async function listFailedWebhookEvents(
  db: Database,
  storeId: string,
): Promise<FailedWebhookEvent[]> {
  const rows = await db
    .select({
      id: webhookEvents.id,
      provider: webhookEvents.provider,
      externalId: webhookEvents.externalId,
      kind: webhookEvents.kind,
      error: webhookEvents.error,
      attempts: webhookEvents.attempts,
      receivedAt: webhookEvents.receivedAt,
      nextAttemptAt: webhookEvents.nextAttemptAt,
      payload: webhookEvents.payload,
    })
    .from(webhookEvents)
    .where(
      and(
        eq(webhookEvents.storeId, storeId),
        isNotNull(webhookEvents.error),
        isNull(webhookEvents.processedAt),
      ),
    )
    .orderBy(desc(webhookEvents.receivedAt), desc(webhookEvents.id))
    .limit(FAILED_EVENTS_LIMIT);
  return rows.map(({ payload, error, ...row }) => ({
    ...row,
    error: error ?? "",
    payloadPreview: preview(payload),
  }));
}

function preview(payload: unknown): string {
  const text = JSON.stringify(payload) ?? "";
  return text.length > PAYLOAD_PREVIEW_LENGTH ? `${text.slice(0, PAYLOAD_PREVIEW_LENGTH)}…` : text;
}
