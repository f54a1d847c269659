import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { type Cart, carts, customers, recoveries, recoveryPrograms } from "@/db/schema";
import { cartWithTotals } from "@/lib/cart/cart";
import { hasConsent } from "@/lib/whatsapp/send-policy";
import { readRecoverySettings, type RecoverySettings } from "./settings";
import { hadRecentSequence, recordAbandoned, startRecovery } from "./start";

/**
 * How far back a cart's or order's last activity may be and still start a sequence: a store
 * that turns recovery on (or a tick that was down) never reminds last month's carts.
 */
export const ABANDON_LOOKBACK_MS = 24 * 60 * 60 * 1000;
const BATCH = 200;

export type AbandonReport = {
  carts: number;
  orders: number;
  recoveries: number;
  attached: number;
};

type Store = { storeId: string; settings: RecoverySettings };

/**
 * The abandonment job (DESIGN §5): for each store with recovery on, its customers' active
 * carts with items and no activity for the store's delay become `abandoned`, and unpaid
 * orders whose link went out that long ago become recoverable. A recovery starts only for
 * an opted-in customer with no sequence within the store's gap; an order made from a cart
 * joins the cart's recovery. Rows are claimed with SKIP LOCKED, so ticks may overlap.
 */
export async function markAbandoned(
  db: Database,
  options: {
    now?: () => Date;
    deadline?: number;
    /** Only this store (the sandbox's "run due work now"); every store with recovery on by default. */
    storeId?: string;
  } = {},
): Promise<AbandonReport> {
  const clock = options.now ?? (() => new Date());
  const report: AbandonReport = { carts: 0, orders: 0, recoveries: 0, attached: 0 };
  const stores = await db
    .select({ storeId: recoveryPrograms.storeId, settings: recoveryPrograms.settings })
    .from(recoveryPrograms)
    .where(
      and(
        eq(recoveryPrograms.enabled, true),
        options.storeId ? eq(recoveryPrograms.storeId, options.storeId) : undefined,
      ),
    );
  for (const row of stores) {
    if (options.deadline !== undefined && Date.now() > options.deadline) break;
    const settings = readRecoverySettings(row.settings);
    const store = { storeId: row.storeId, settings };
    for (;;) {
      const done = await db.transaction((tx) => abandonCarts(tx, store, clock(), report));
      if (done < BATCH || (options.deadline !== undefined && Date.now() > options.deadline)) break;
    }
    await db.transaction((tx) => recoverUnpaidOrders(tx, store, clock(), report));
  }
  return report;
}

function window(settings: RecoverySettings, now: Date) {
  const cutoff = new Date(now.getTime() - settings.abandonAfterMinutes * 60_000);
  return { cutoff, floor: new Date(cutoff.getTime() - ABANDON_LOOKBACK_MS) };
}

async function abandonCarts(tx: Database, store: Store, now: Date, report: AbandonReport) {
  const { cutoff, floor } = window(store.settings, now);
  const claimed = await tx
    .select()
    .from(carts)
    .where(
      and(
        eq(carts.storeId, store.storeId),
        eq(carts.status, "active"),
        sql`${carts.customerId} is not null`,
        sql`${carts.updatedAt} <= ${cutoff} and ${carts.updatedAt} > ${floor}`,
        sql`exists (select 1 from cart_items i where i.cart_id = ${carts.id})`,
      ),
    )
    .orderBy(carts.updatedAt)
    .limit(BATCH)
    .for("update", { skipLocked: true });
  for (const cart of claimed) await abandonCart(tx, store, cart, now, report);
  return claimed.length;
}

async function abandonCart(
  tx: Database,
  store: Store,
  cart: Cart,
  now: Date,
  report: AbandonReport,
) {
  const priced = await cartWithTotals(tx, cart);
  await tx
    .update(carts)
    .set({ status: "abandoned", abandonedAt: now })
    .where(eq(carts.id, cart.id));
  report.carts += 1;
  const customerId = cart.customerId!;
  const recovery =
    priced.itemCount > 0 && (await eligible(tx, store, customerId, now))
      ? await startRecovery(tx, {
          storeId: store.storeId,
          customerId,
          cartId: cart.id,
          orderId: null,
          valueMinor: priced.subtotalMinor,
          currency: priced.currency,
          settings: store.settings,
          now,
        })
      : null;
  if (recovery) report.recoveries += 1;
  await recordAbandoned(tx, {
    storeId: store.storeId,
    customerId,
    cartId: cart.id,
    orderId: null,
    recoveryId: recovery?.id ?? null,
    valueMinor: priced.subtotalMinor,
    currency: priced.currency,
    now,
  });
}

async function eligible(tx: Database, store: Store, customerId: string, now: Date) {
  const [customer] = await tx
    .select({ optedInAt: customers.optedInAt, optedOutAt: customers.optedOutAt })
    .from(customers)
    .where(and(eq(customers.id, customerId), eq(customers.storeId, store.storeId)));
  if (!customer || !hasConsent({ ...customer, lastInboundAt: null })) return false;
  return !(await hadRecentSequence(tx, {
    storeId: store.storeId,
    customerId,
    gapDays: store.settings.sequenceGapDays,
    now,
  }));
}

type UnpaidRow = {
  id: string;
  customer_id: string;
  cart_id: string | null;
  total_minor: number;
  currency: string;
  cart_recovery_id: string | null;
};

/**
 * Pending orders of opted-in customers whose last payment-link message (queued, not
 * blocked or failed) is older than the delay, and that no recovery holds yet. An order
 * whose cart has a recovery belongs to it: attached when it is active, left alone when it
 * ended (a cart and its order are one recovery, never two).
 */
async function recoverUnpaidOrders(tx: Database, store: Store, now: Date, report: AbandonReport) {
  const { cutoff, floor } = window(store.settings, now);
  const result = await tx.execute(sql`
    select o.id, o.customer_id, o.cart_id, o.total_minor, o.currency,
      (select r.id from recoveries r where r.cart_id = o.cart_id and r.status = 'active') as cart_recovery_id
    from orders o
    join customers c on c.id = o.customer_id
    where o.store_id = ${store.storeId} and o.status = 'pending'
      and o.awaiting_async_payment_at is null
      and o.created_at <= ${cutoff} and o.created_at > ${floor}
      and c.opted_in_at is not null and (c.opted_out_at is null or c.opted_out_at < c.opted_in_at)
      and not exists (select 1 from recoveries r where r.order_id = o.id)
      and not exists (
        select 1 from recoveries r where r.cart_id = o.cart_id and r.status <> 'active')
      and exists (
        select 1 from messages m where m.customer_id = o.customer_id
          and m.dedupe_key like 'order:' || o.id || ':link:%'
          and m.status not in ('blocked', 'failed'))
      and not exists (
        select 1 from messages m where m.customer_id = o.customer_id
          and m.dedupe_key like 'order:' || o.id || ':link:%' and m.created_at > ${cutoff})
    order by o.created_at
    limit ${BATCH}
    for update of o skip locked`);
  const rows = (result as unknown as { rows: UnpaidRow[] }).rows;
  for (const order of rows) {
    if (order.cart_recovery_id) {
      const attached = await tx
        .update(recoveries)
        .set({ orderId: order.id, updatedAt: now })
        .where(
          and(
            eq(recoveries.id, order.cart_recovery_id),
            eq(recoveries.status, "active"),
            isNull(recoveries.orderId),
          ),
        )
        .returning({ id: recoveries.id });
      report.attached += attached.length;
      continue;
    }
    if (!(await eligible(tx, store, order.customer_id, now))) continue;
    const recovery = await startRecovery(tx, {
      storeId: store.storeId,
      customerId: order.customer_id,
      cartId: order.cart_id,
      orderId: order.id,
      valueMinor: Number(order.total_minor),
      currency: order.currency,
      settings: store.settings,
      now,
    });
    if (!recovery) continue;
    report.orders += 1;
    report.recoveries += 1;
    await recordAbandoned(tx, {
      storeId: store.storeId,
      customerId: order.customer_id,
      cartId: order.cart_id,
      orderId: order.id,
      recoveryId: recovery.id,
      valueMinor: Number(order.total_minor),
      currency: order.currency,
      now,
    });
  }
}
