import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { customers, messageTemplates } from "@/db/schema";
import type { OutgoingContent } from "./content";
import type { OutboxPayload } from "./queue-message";
import { decideSend, type SendDecision, type SendPurpose } from "./send-policy";

/** A claimed outbox row, as much of it as the decision needs. */
export type RowToDecide = {
  store_id: string;
  customer_id: string;
  payload: Pick<OutboxPayload, "content"> & { purpose?: unknown };
};

/** Rows queued before the purpose was recorded were all replies, the only purpose then in use. */
function purposeOf(payload: RowToDecide["payload"]): SendPurpose {
  return payload.purpose === "business_initiated" ? "business_initiated" : "reply";
}

/**
 * A template is marketing if it was when queued or the store's template of that name and
 * language is now (the owner re-categorised it, or the row predates the recorded category).
 */
async function withCurrentCategory(
  db: Database,
  storeId: string,
  content: OutgoingContent,
): Promise<OutgoingContent> {
  if (content.type !== "template" || content.category === "marketing") return content;
  const [template] = await db
    .select({ category: messageTemplates.category })
    .from(messageTemplates)
    .where(
      and(
        eq(messageTemplates.storeId, storeId),
        eq(messageTemplates.name, content.name),
        eq(messageTemplates.language, content.language),
      ),
    );
  return template?.category === "marketing" ? { ...content, category: "marketing" } : content;
}

/**
 * decideSend again when the outbox is about to send, with the customer's consent and last
 * message as they are now: a STOP may have arrived, or the 24-hour window closed, while
 * the row waited. Same rule and same words as when the message was queued.
 */
export async function decideAtSendTime(
  db: Database,
  row: RowToDecide,
  now: Date,
): Promise<SendDecision> {
  const [recipient] = await db
    .select({
      lastInboundAt: customers.lastInboundAt,
      optedInAt: customers.optedInAt,
      optedOutAt: customers.optedOutAt,
    })
    .from(customers)
    .where(and(eq(customers.storeId, row.store_id), eq(customers.id, row.customer_id)));
  // Deleting a customer deletes their outbox rows (on delete cascade).
  if (!recipient) throw new Error(`outbox row for a missing customer ${row.customer_id}`);
  const content = await withCurrentCategory(db, row.store_id, row.payload.content);
  return decideSend({ recipient, content, purpose: purposeOf(row.payload), now });
}
