import "server-only";
import { and, eq, gte, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { conversations, customers, type Order, orders } from "@/db/schema";
import { resolveStorePayments, type StripePlatformConfig } from "@/lib/payments/config";
import { queuePaymentLink } from "@/lib/payments/send-link";
import { isWithinServiceWindow } from "@/lib/whatsapp/send-policy";
import { createOrder, type CreateOrderRefusal, type OrderLineInput } from "./create-order";
import { firstOrderWithLines } from "./open-order";

export type SendAgentLinkInput = {
  storeId: string;
  conversationId: string;
  userId: string;
  lines: OrderLineInput[];
  note?: string | null;
  /** paymentLinkOrigin(): null in production without APP_URL. */
  origin: string | null;
  stripeConfig: StripePlatformConfig;
  now: Date;
};

export type SendAgentLinkResult =
  | { ok: true; order: Order; messageId: string; duplicate: false }
  /** The same products and quantities were sent in this conversation moments ago. */
  | { ok: true; order: Order; messageId: null; duplicate: true }
  | { ok: false; error: "not_found" | "closed" | "outside_window" | "no_origin" }
  | { ok: false; error: "payments_unavailable"; reason: string }
  | ({ ok: false; error: "order_refused" } & CreateOrderRefusal);

/** A form submitted twice within this long sends one link, not two orders. */
const DOUBLE_SUBMIT_MS = 60_000;

/**
 * An agent order of this conversation, still pending, made moments ago with the same lines:
 * a double-submitted picker. Safe as a check because the caller holds the conversation's lock.
 */
async function recentTwin(tx: Database, input: SendAgentLinkInput): Promise<Order | null> {
  const recent = await tx
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.storeId, input.storeId),
        eq(orders.conversationId, input.conversationId),
        eq(orders.origin, "agent"),
        eq(orders.status, "pending"),
        gte(orders.createdAt, new Date(input.now.getTime() - DOUBLE_SUBMIT_MS)),
      ),
    );
  const twin = await firstOrderWithLines(tx, input.storeId, recent, input.lines);
  return twin?.order ?? null;
}

/** Thrown inside the transaction to undo the order when its link could not be queued. */
class LinkNotQueued extends Error {}

/** The dedupe key of an order's first link message (DESIGN: `order:<id>:…`). */
export const firstLinkDedupeKey = (orderId: string) => `order:${orderId}:link:1`;

/**
 * The inbox's *Send payment link*: an order from the store's current prices (origin agent,
 * the conversation's customer and attribution) and its link queued in the thread as the
 * agent's message — one transaction, so there is never an order without its link. Refused
 * before anything is written when the store cannot take payment, the conversation is closed
 * or not this store's, or the 24-hour window is closed (a link is free-form).
 */
export async function sendAgentPaymentLink(
  db: Database,
  input: SendAgentLinkInput,
): Promise<SendAgentLinkResult> {
  const payments = await resolveStorePayments(db, input.storeId, input.stripeConfig);
  if (payments.mode === "unavailable")
    return { ok: false, error: "payments_unavailable", reason: payments.reason };
  if (!input.origin) return { ok: false, error: "no_origin" };
  const origin = input.origin;
  try {
    return await db.transaction(async (tx): Promise<SendAgentLinkResult> => {
      const [row] = await tx
        .select({ conversation: conversations, customer: customers })
        .from(conversations)
        .innerJoin(
          customers,
          and(eq(customers.id, conversations.customerId), eq(customers.storeId, input.storeId)),
        )
        .where(
          and(eq(conversations.storeId, input.storeId), eq(conversations.id, input.conversationId)),
        )
        .for("update", { of: conversations });
      if (!row) return { ok: false, error: "not_found" };
      if (row.conversation.status === "closed") return { ok: false, error: "closed" };
      if (!isWithinServiceWindow(row.customer.lastInboundAt, input.now))
        return { ok: false, error: "outside_window" };
      const twin = await recentTwin(tx, input);
      if (twin) return { ok: true, order: twin, messageId: null, duplicate: true };
      const created = await createOrder(tx, {
        storeId: input.storeId,
        customerId: row.customer.id,
        conversationId: row.conversation.id,
        origin: "agent",
        lines: input.lines,
        language: row.conversation.language,
        note: input.note,
        now: input.now,
      });
      if (!created.ok) {
        const { ok: _ok, ...refusal } = created;
        return { ok: false, error: "order_refused", ...refusal };
      }
      const queued = await queuePaymentLink(tx, {
        order: created.order,
        items: created.items,
        link: created.link,
        customer: row.customer,
        conversationId: row.conversation.id,
        origin,
        author: "agent",
        agentUserId: input.userId,
        dedupeKey: firstLinkDedupeKey(created.order.id),
        now: input.now,
      });
      if (!queued.queued) throw new LinkNotQueued(queued.reason);
      // Like an agent's reply: the person has the conversation now, so the bot stays quiet.
      await tx
        .update(conversations)
        .set({
          status: "agent",
          handedOffAt: sql`case when ${conversations.status} = 'bot' then ${input.now} else ${conversations.handedOffAt} end`,
          unreadCount: 0,
        })
        .where(
          and(eq(conversations.storeId, input.storeId), eq(conversations.id, row.conversation.id)),
        );
      return { ok: true, order: created.order, messageId: queued.messageId, duplicate: false };
    });
  } catch (error) {
    if (error instanceof LinkNotQueued) return { ok: false, error: "outside_window" };
    throw error;
  }
}
