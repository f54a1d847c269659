import "server-only";
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import {
  type Cart,
  carts,
  type Customer,
  customers,
  messageTemplates,
  type Order,
  orders,
  recoveries,
  type Recovery,
  recoverySteps,
} from "@/db/schema";
import { cartWithTotals } from "@/lib/cart/cart";
import type { OrderLineInput } from "@/lib/orders/create-order";
import type { RecoveryStepSettings } from "./settings";

export type StepFacts = {
  customer: Customer;
  cart: Cart | null;
  /** The recovery's order when it is still pending. */
  order: Order | null;
  /** What a reminder would ask to pay for: the cart's available lines now, else the order's. */
  lines: OrderLineInput[];
  paidSinceAbandoned: boolean;
  orderClosed: boolean;
  lastRecoveryMessageAt: Date | null;
  templateApproved: boolean | null;
};

/** Everything decideRecoveryStep needs about a recovery, read in the step's transaction. */
export async function gatherStepFacts(
  tx: Database,
  recovery: Recovery,
  step: RecoveryStepSettings,
): Promise<StepFacts | null> {
  const { storeId } = recovery;
  const [customer] = await tx
    .select()
    .from(customers)
    .where(and(eq(customers.id, recovery.customerId), eq(customers.storeId, storeId)));
  if (!customer) return null;
  const [cart] = recovery.cartId
    ? await tx
        .select()
        .from(carts)
        .where(and(eq(carts.id, recovery.cartId), eq(carts.storeId, storeId)))
    : [];
  const [order] = recovery.orderId
    ? await tx
        .select()
        .from(orders)
        .where(and(eq(orders.id, recovery.orderId), eq(orders.storeId, storeId)))
    : [];
  let lines: OrderLineInput[] = [];
  if (cart && cart.status !== "converted") {
    const priced = await cartWithTotals(tx, cart);
    lines = priced.lines
      .filter((line) => line.available)
      .map((line) => ({ productId: line.productId, quantity: line.quantity }));
  } else if (!cart && order?.status === "pending") {
    const items = await tx.execute(
      sql`select product_id, quantity from order_items where order_id = ${order.id} and product_id is not null`,
    );
    lines = (items as unknown as { rows: { product_id: string; quantity: number }[] }).rows.map(
      (row) => ({ productId: row.product_id, quantity: Number(row.quantity) }),
    );
  }

  const [paid] = await tx
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        eq(orders.storeId, storeId),
        eq(orders.customerId, customer.id),
        inArray(orders.status, ["paid", "refunded"]),
        gte(orders.paidAt, recovery.abandonedAt),
      ),
    )
    .limit(1);
  const [last] = await tx
    .select({ at: sql<Date | string | null>`max(${recoverySteps.decidedAt})` })
    .from(recoverySteps)
    .innerJoin(recoveries, eq(recoveries.id, recoverySteps.recoveryId))
    .where(
      and(
        eq(recoveries.storeId, storeId),
        eq(recoveries.customerId, customer.id),
        eq(recoverySteps.status, "sent"),
      ),
    );
  return {
    customer,
    cart: cart ?? null,
    order: order?.status === "pending" ? order : null,
    lines,
    paidSinceAbandoned: Boolean(paid),
    orderClosed: !cart && (!order || order.status === "cancelled"),
    lastRecoveryMessageAt: last?.at ? new Date(last.at) : null,
    templateApproved: step.template ? await templateApproved(tx, storeId, step.template) : null,
  };
}

/** An approved template of that name and language with no more variables than are mapped. */
export async function templateApproved(
  tx: Database,
  storeId: string,
  template: NonNullable<RecoveryStepSettings["template"]>,
): Promise<boolean> {
  const row = await findStepTemplate(tx, storeId, template);
  return Boolean(row && row.variableCount <= template.variables.length);
}

export async function findStepTemplate(
  tx: Database,
  storeId: string,
  template: NonNullable<RecoveryStepSettings["template"]>,
) {
  const [row] = await tx
    .select()
    .from(messageTemplates)
    .where(
      and(
        eq(messageTemplates.storeId, storeId),
        eq(messageTemplates.name, template.name),
        eq(messageTemplates.language, template.language),
        eq(messageTemplates.status, "approved"),
      ),
    );
  return row ?? null;
}
