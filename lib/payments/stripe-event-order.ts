import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { type Order, orders, type WebhookEvent } from "@/db/schema";
import { listCredentialSummaries } from "@/lib/stores/credentials";
import { ApplyError } from "@/lib/whatsapp/apply-stored-item";
import { type StoredStripeEvent, storeIdNamedBy, UUID_PATTERN } from "./stripe-event-objects";

/** Refused for good: retrying cannot make this event apply (shown in failed events). */
export function refuse(message: string, storeId: string | null): never {
  throw new ApplyError(message, storeId, true);
}

/**
 * The order an event names, checked for tenancy (DESIGN §6): an event verified with a
 * store's own secret (`?store=`) touches only that store's orders; one verified with the
 * platform's secret only orders of stores that take payment with the platform's key. The
 * row is locked for the rest of the event's transaction.
 */
export async function orderForEvent(
  tx: Database,
  row: Pick<WebhookEvent, "storeId">,
  event: StoredStripeEvent,
  orderId: string | null,
): Promise<Order> {
  if (!orderId) refuse("The event names no order (no metadata.order_id)", row.storeId);
  if (!UUID_PATTERN.test(orderId)) refuse(`Unknown order "${orderId}"`, row.storeId);
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
  if (!order) refuse(`Unknown order ${orderId}`, row.storeId);
  if (event.chatcart_endpoint === "store") {
    if (order.storeId !== row.storeId) {
      refuse(
        `Signed with this store's webhook secret but names order ${orderId} of another store`,
        row.storeId,
      );
    }
  } else {
    const own = await listCredentialSummaries(tx, order.storeId);
    if (own.some((credential) => credential.name === "stripe_secret_key")) {
      refuse(
        `Signed with the platform's secret but order ${order.number} belongs to a store with its own Stripe key`,
        row.storeId,
      );
    }
  }
  const namedStore = storeIdNamedBy(event.data.object);
  if (namedStore && namedStore !== order.storeId) {
    refuse(`metadata.store_id does not match order ${order.number}'s store`, row.storeId);
  }
  return order;
}

/** For the refund events: the order whose payment (its own or a duplicate) is refunded. */
export async function orderIdOfPayment(
  tx: Database,
  paymentIntentId: string | null,
): Promise<string | null> {
  if (!paymentIntentId) return null;
  const result = (await tx.execute(sql`
    select id from orders where payment_intent_id = ${paymentIntentId}
    union all
    select order_id as id from refunds where payment_intent_id = ${paymentIntentId}
    limit 1`)) as unknown as { rows: { id: string }[] };
  return result.rows[0]?.id ?? null;
}
