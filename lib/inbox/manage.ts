import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { conversations } from "@/db/schema";
import { isUuid } from "./ids";
import { normalizeLabels } from "./labels";

export type SetLabelsResult =
  | { ok: true; labels: string[] }
  | { ok: false; error: "not_found" }
  | { ok: false; error: "invalid"; message: string };

export type CloseResult = { ok: true } | { ok: false; error: "not_found" };
export type HandBackResult = { ok: true } | { ok: false; error: "not_found" | "not_waiting" };

function ofStore(storeId: string, conversationId: string) {
  return and(eq(conversations.storeId, storeId), eq(conversations.id, conversationId));
}

async function exists(db: Database, storeId: string, conversationId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(ofStore(storeId, conversationId));
  return row !== undefined;
}

/** Replaces the conversation's labels with `labels`, normalised (see lib/inbox/labels.ts). */
export async function setConversationLabels(
  db: Database,
  storeId: string,
  conversationId: string,
  labels: readonly string[],
): Promise<SetLabelsResult> {
  if (!isUuid(conversationId)) return { ok: false, error: "not_found" };
  const normalized = normalizeLabels(labels);
  if (!normalized.ok) return { ok: false, error: "invalid", message: normalized.message };
  const updated = await db
    .update(conversations)
    .set({ labels: normalized.labels })
    .where(ofStore(storeId, conversationId))
    .returning({ labels: conversations.labels });
  const [row] = updated;
  return row ? { ok: true, labels: row.labels } : { ok: false, error: "not_found" };
}

/** Closes the conversation (closing a closed one is fine). The customer's next message opens a new one. */
export async function closeConversation(
  db: Database,
  storeId: string,
  conversationId: string,
  now: Date,
): Promise<CloseResult> {
  if (!isUuid(conversationId)) return { ok: false, error: "not_found" };
  const updated = await db
    .update(conversations)
    .set({ status: "closed", closedAt: now, unreadCount: 0 })
    .where(and(ofStore(storeId, conversationId), ne(conversations.status, "closed")))
    .returning({ id: conversations.id });
  if (updated.length > 0 || (await exists(db, storeId, conversationId))) return { ok: true };
  return { ok: false, error: "not_found" };
}

/** A conversation waiting for a person goes back to the bot, which answers the next message. */
export async function handBackToBot(
  db: Database,
  storeId: string,
  conversationId: string,
): Promise<HandBackResult> {
  if (!isUuid(conversationId)) return { ok: false, error: "not_found" };
  const updated = await db
    .update(conversations)
    .set({ status: "bot" })
    .where(and(ofStore(storeId, conversationId), eq(conversations.status, "agent")))
    .returning({ id: conversations.id });
  if (updated.length > 0) return { ok: true };
  return (await exists(db, storeId, conversationId))
    ? { ok: false, error: "not_waiting" }
    : { ok: false, error: "not_found" };
}
