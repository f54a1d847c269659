import "server-only";
import type { Database } from "@/db/drivers";
import type { Order } from "@/db/schema";

// Contract for the branch that builds order messages (replaced there; not called on main yet).

export type OrderUpdateKind =
  "confirmation" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";

export type OrderUpdateResult =
  | { status: "queued"; messageId: string }
  | { status: "blocked"; messageId: string | null; reason: string };

/**
 * Tells the shopper about their order, in the order's language, in the caller's transaction:
 * free-form inside the 24-hour window, else the store's configured utility template for
 * `kind`, else the message is recorded blocked with the reason — never dropped silently.
 * Dedupe key `order:<orderId>:<kind>[:<discriminator>]`.
 */
export async function notifyOrderUpdate(
  _tx: Database,
  _input: {
    order: Order;
    kind: OrderUpdateKind;
    trackingUrl?: string | null;
    amountMinor?: number;
    discriminator?: string;
    now: Date;
  },
): Promise<OrderUpdateResult> {
  throw new Error("notifyOrderUpdate: not built yet");
}
