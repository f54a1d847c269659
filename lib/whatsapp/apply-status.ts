import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { messages } from "@/db/schema";
import { describeStatusError } from "./graph-errors";
import type { StatusItem } from "./webhook-payload";

export class UnknownMessageError extends Error {
  override name = "UnknownMessageError";
}

/**
 * Applies a delivery status. Statuses arrive out of order and twice: each sets its own
 * timestamp once, and the status only moves forward (queued → sent → delivered → read).
 * A failure records Meta's code and title; it does not undo a delivery or a read.
 * A status for a message we have not recorded yet (its send is still being written) throws
 * UnknownMessageError, so the inbox keeps the event and `tick` retries it.
 */
export async function applyStatus(db: Database, storeId: string, item: StatusItem): Promise<void> {
  const at = item.timestamp;
  const rank = sql`(case ${messages.status} when 'queued' then 0 when 'sent' then 1 when 'delivered' then 2 when 'read' then 3 else -1 end)`;
  const error = item.errors[0];
  const set =
    item.status === "failed"
      ? {
          failedAt: sql`coalesce(${messages.failedAt}, ${at})`,
          errorCode: error?.code ?? null,
          errorReason: error
            ? describeStatusError(
                error.code,
                [error.title, error.details ?? error.message].filter(Boolean).join(": "),
              )
            : "Failed",
          status: sql`case when ${rank} between 0 and 1 then 'failed'::message_status else ${messages.status} end`,
        }
      : {
          ...(item.status === "sent" && { sentAt: sql`coalesce(${messages.sentAt}, ${at})` }),
          ...(item.status === "delivered" && {
            deliveredAt: sql`coalesce(${messages.deliveredAt}, ${at})`,
          }),
          ...(item.status === "read" && { readAt: sql`coalesce(${messages.readAt}, ${at})` }),
          status: sql`case when ${rank} >= 0 and ${rank} < ${statusRank(item.status)} then ${item.status}::message_status else ${messages.status} end`,
        };
  const updated = await db
    .update(messages)
    .set(set)
    .where(and(eq(messages.storeId, storeId), eq(messages.waMessageId, item.wamid)))
    .returning({ id: messages.id });
  if (updated.length === 0)
    throw new UnknownMessageError(`No message ${item.wamid} in this store yet`);
}

function statusRank(status: "sent" | "delivered" | "read"): number {
  return { sent: 1, delivered: 2, read: 3 }[status];
}
